import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

/** Real image files built byte by byte for tests: decodable by a browser, not just plausible headers. */

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGB PNG of `width` × `height` pixels: horizontal bands of the given colours. */
export function pngImage(
  width: number,
  height: number,
  colours: [number, number, number][] = [[40, 90, 160]],
): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const colour = colours[Math.floor((y * colours.length) / height)] ?? [0, 0, 0];
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) row.set(colour, 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A valid PNG of about `bytes` bytes: a small image followed by a private ancillary chunk of
 * random bytes (decoders skip it, compression cannot shrink it), as a heavy photo would weigh.
 */
export function heavyPng(bytes: number): Buffer {
  const image = pngImage(16, 8);
  const end = image.length - 12;
  const padding = randomBytes(Math.max(0, bytes - image.length - 12));
  return Buffer.concat([image.subarray(0, end), chunk('fiLl', padding), image.subarray(end)]);
}

/** The smallest GIF a browser shows: one transparent pixel, at the given logical size. */
export function gifImage(width = 1, height = 1): Buffer {
  const gif = Buffer.from(
    '474946383961000000008000000000000000ffffff21f90401000000002c00000000010001000002024401003b',
    'hex',
  );
  gif.writeUInt16LE(width, 6);
  gif.writeUInt16LE(height, 8);
  return gif;
}

/** A JPEG header with its frame (SOF0) segment: enough for the size to be read. */
export function jpegHeader(width: number, height: number): Buffer {
  const sof = Buffer.from('ffc0001108000000000301220002110103110100', 'hex');
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  const app0 = Buffer.from('ffe000104a46494600010100000100010000', 'hex');
  return Buffer.concat([Buffer.from('ffd8', 'hex'), app0, sof, Buffer.from('ffd9', 'hex')]);
}
