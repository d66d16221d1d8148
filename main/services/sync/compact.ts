import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import git from 'isomorphic-git';
import { makeDirectoryDurable, writeFileDurable } from '../storage/durable-write.js';
import { encodeDelta } from './delta.js';
import { durableGitFs, syncObjects } from './git-fs.js';

/**
 * Keeps a shared repository's .git small. Every commit adds whole (zlib'd) copies of what
 * it changed: a sheet of 60 KB, the history logs that grew by a line, their folders' trees.
 * git itself packs such objects as deltas of each other (`git gc`); isomorphic-git does
 * not, so Fiches does: once enough loose objects have gathered, they go into one pack
 * where each is stored as a delta of a similar one (versions of one file start alike: a
 * sheet with its id, a log with its first record), then the loose copies are removed. The
 * pack and its index are written durably before anything is removed, so a kill at any
 * point leaves every object readable, loose or packed.
 */
export const COMPACT_AFTER_LOOSE = 400;
const MAX_DEPTH = 50;
const PREFIX = 96;

const TYPES: Record<string, number> = { commit: 1, tree: 2, blob: 3, tag: 4 };
const OFS_DELTA = 6;

interface Loose {
  oid: string;
  path: string;
  type: string;
  content: Buffer;
}

async function looseObjects(gitdir: string): Promise<string[]> {
  const objects = join(gitdir, 'objects');
  const paths: string[] = [];
  for (const dir of await readdir(objects)) {
    if (!/^[0-9a-f]{2}$/.test(dir)) continue;
    for (const name of await readdir(join(objects, dir))) {
      if (/^[0-9a-f]{38}$/.test(name)) paths.push(join(objects, dir, name));
    }
  }
  return paths;
}

async function readLoose(path: string): Promise<Loose> {
  const raw = inflateSync(await readFile(path));
  const nul = raw.indexOf(0);
  const [type] = raw.toString('latin1', 0, nul).split(' ');
  const parts = path.split(/[\\/]/);
  return {
    oid: `${parts.at(-2)}${parts.at(-1)}`,
    path,
    type: type as string,
    content: raw.subarray(nul + 1),
  };
}

function entryHeader(type: number, size: number): Buffer {
  const bytes: number[] = [];
  let rest = size;
  let byte = (type << 4) | (rest & 0x0f);
  rest = Math.floor(rest / 16);
  while (rest > 0) {
    bytes.push(byte | 0x80);
    byte = rest & 0x7f;
    rest = Math.floor(rest / 128);
  }
  bytes.push(byte);
  return Buffer.from(bytes);
}

function offsetBytes(distance: number): Buffer {
  const bytes = [distance & 0x7f];
  let rest = Math.floor(distance / 128);
  while (rest > 0) {
    rest -= 1;
    bytes.unshift(0x80 | (rest & 0x7f));
    rest = Math.floor(rest / 128);
  }
  return Buffer.from(bytes);
}

/** Packs the loose objects if there are at least `threshold`; answers how many were packed. */
export async function compactObjects(dir: string, threshold = COMPACT_AFTER_LOOSE): Promise<number> {
  const gitdir = join(dir, '.git');
  const paths = await looseObjects(gitdir);
  if (paths.length < threshold) return 0;
  const objects = await Promise.all(paths.map(readLoose));
  // Likely versions of one another next to each other: same type, same start, then by size.
  objects.sort(
    (a, b) =>
      a.type.localeCompare(b.type) ||
      a.content.toString('latin1', 0, PREFIX).localeCompare(b.content.toString('latin1', 0, PREFIX)) ||
      a.content.length - b.content.length,
  );
  const chunks: Buffer[] = [];
  const header = Buffer.alloc(12);
  header.write('PACK', 0, 'latin1');
  header.writeUInt32BE(2, 4);
  header.writeUInt32BE(objects.length, 8);
  chunks.push(header);
  let offset = header.length;
  let previous: { object: Loose; offset: number; depth: number } | undefined;
  for (const object of objects) {
    const start = offset;
    let entry: Buffer[];
    let depth = 0;
    const similar =
      previous &&
      previous.object.type === object.type &&
      previous.depth < MAX_DEPTH &&
      previous.object.content.toString('latin1', 0, PREFIX) === object.content.toString('latin1', 0, PREFIX);
    const delta = similar && previous ? encodeDelta(previous.object.content, object.content) : undefined;
    if (previous && delta && delta.length < object.content.length / 2) {
      depth = previous.depth + 1;
      entry = [
        entryHeader(OFS_DELTA, delta.length),
        offsetBytes(start - previous.offset),
        deflateSync(delta),
      ];
    } else {
      entry = [entryHeader(TYPES[object.type] as number, object.content.length), deflateSync(object.content)];
    }
    for (const part of entry) {
      chunks.push(part);
      offset += part.length;
    }
    previous = { object, offset: start, depth };
  }
  const body = Buffer.concat(chunks);
  const sum = createHash('sha1').update(body).digest();
  const name = `pack-${sum.toString('hex')}`;
  const packPath = join(gitdir, 'objects', 'pack', `${name}.pack`);
  await makeDirectoryDurable(dirname(packPath));
  await writeFileDurable(packPath, Buffer.concat([body, sum]));
  // isomorphic-git writes the index (durably, through our file system), checking every object.
  const { oids } = await git.indexPack({ fs: durableGitFs, dir, filepath: `.git/objects/pack/${name}.pack` });
  // The pack's index on the disk before the loose objects it replaces go.
  await syncObjects();
  const packed = new Set(oids);
  const removable = objects.filter((object) => packed.has(object.oid));
  for (const object of removable) await rm(object.path, { force: true });
  return removable.length;
}
