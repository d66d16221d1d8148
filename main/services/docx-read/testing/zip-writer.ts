import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Zips written byte by byte for tests, including what no archiver would write: entries
 * that share one compressed block (the « overlapping » zip bomb), sizes that lie, flags.
 */
export interface ZipEntry {
  name: string;
  data: Buffer;
  /** Stored (0) or deflated (8, the default). */
  method?: 0 | 8;
  /** What the central directory says the entry is once decompressed; its real size by default. */
  declaredSize?: number;
  flags?: number;
}

export interface ZipOptions {
  /** Extra central-directory entries pointing at the local header of the entry with this name. */
  aliases?: { of: string; names: string[] };
}

function u16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16LE(value);
  return buffer;
}

function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value >>> 0);
  return buffer;
}

export function writeZip(entries: ZipEntry[], options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const headerOf = new Map<string, { offset: number; fields: Buffer[] }>();
  for (const entry of entries) {
    const method = entry.method ?? 8;
    const compressed = method === 8 ? deflateRawSync(entry.data) : entry.data;
    const name = Buffer.from(entry.name, 'utf8');
    const flags = (entry.flags ?? 0) | 0x800;
    const fields = [
      u16(flags),
      u16(method),
      u16(0),
      u16(0x21),
      u32(crc32(entry.data)),
      u32(compressed.length),
      u32(entry.declaredSize ?? entry.data.length),
      u16(name.length),
      u16(0),
    ];
    const local = Buffer.concat([u32(0x04034b50), u16(20), ...fields, name, compressed]);
    headerOf.set(entry.name, { offset, fields });
    centrals.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(20),
        u16(20),
        ...fields,
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(offset),
        name,
      ]),
    );
    locals.push(local);
    offset += local.length;
  }
  const alias = options.aliases ? headerOf.get(options.aliases.of) : undefined;
  for (const name of alias ? (options.aliases?.names ?? []) : []) {
    const bytes = Buffer.from(name, 'utf8');
    const fields = [...(alias?.fields.slice(0, 7) ?? []), u16(bytes.length), u16(0)];
    centrals.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(20),
        u16(20),
        ...fields,
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(alias?.offset ?? 0),
        bytes,
      ]),
    );
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(centrals.length),
    u16(centrals.length),
    u32(directory.length),
    u32(offset),
    u16(0),
  ]);
  return Buffer.concat([...locals, directory, end]);
}
