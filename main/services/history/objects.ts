import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { canonicalJson } from '../../../shared/history/canonical.js';
import { AppendLog, cutTornTail, scanLog, type LoadOptions, type RecordFormat } from './append-log.js';

/**
 * Content-addressed objects of one sheet's history (blocks of text, lists of blocks,
 * titles, metadata), each stored once whatever the number of revisions that use it, as
 * one line of an append-only file: `{"h":"<hash>","c":"<crc>","d":<canonical JSON>}`.
 * The hash, the object's identity, is the SHA-256 of the data's bytes (128 bits kept,
 * base64url), checked again on every read; the CRC-32 of the hash and the data lets the
 * whole file be checked for damage when it is first read at a fraction of that cost (lines
 * written before it covered the hash had the CRC of the data alone: still read). A damaged
 * line is found, reported, and never taken for the content it claims to hold.
 */

const PREFIX = '{"h":"';
const HASH_LENGTH = 22;
const CRC = '","c":"';
const CRC_LENGTH = 8;
const MIDDLE = '","d":';
const HASH_END = PREFIX.length + HASH_LENGTH;
const DATA_START = HASH_END + CRC.length + CRC_LENGTH + MIDDLE.length;

const hexCrc = (crc: number) => crc.toString(16).padStart(CRC_LENGTH, '0');

export function crcOf(data: string | Uint8Array): string {
  return hexCrc(crc32(data));
}

/** The CRC of an object line: its hash, then its data, so a changed byte of either is seen. */
function lineCrc(hash: string | Uint8Array, data: string | Uint8Array): number {
  return crc32(data, crc32(hash));
}

export function hashOf(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest().subarray(0, 16).toString('base64url');
}

export interface DamagedObjectLine {
  /** 1-based line number, for the message. */
  line: number;
  /** The hash the damaged bytes claim, when that part of them can still be read. */
  claimed?: string;
}

const objectFormat: RecordFormat<string> = {
  start: Buffer.from(PREFIX, 'latin1'),
  decode: (bytes) => checkedLine(bytes),
};

interface Location {
  offset: number;
  length: number;
}

export class ObjectStore {
  private readonly index = new Map<string, Location>();
  private readonly staged = new Map<string, string>();

  private constructor(
    private readonly log: AppendLog,
    readonly damaged: readonly DamagedObjectLine[],
  ) {}

  static async load(path: string, options: LoadOptions = {}): Promise<ObjectStore> {
    const scanned = await scanLog(path, objectFormat);
    if (options.keepTornTail) await cutTornTail(path, scanned, options.keepTornTail);
    const damaged: DamagedObjectLine[] = [];
    const store = new ObjectStore(new AppendLog(path, scanned), damaged);
    for (const entry of scanned.entries) {
      if ('record' in entry) {
        const { value: hash, offset, bytes } = entry.record;
        store.index.set(hash, { offset, length: bytes.length });
        continue;
      }
      const { line, bytes } = entry.damaged;
      const head = bytes.subarray(0, DATA_START).toString('latin1');
      const claimed = head.startsWith(PREFIX) ? head.slice(PREFIX.length, HASH_END) : '';
      damaged.push({ line, ...(/^[\w-]{22}$/.test(claimed) ? { claimed } : {}) });
    }
    return store;
  }

  has(hash: string): boolean {
    return this.index.has(hash) || this.staged.has(hash);
  }

  /**
   * Hashes a value and keeps it for the next commit unless it is stored already, here or
   * (`storedElsewhere`) in another writer's store of the same history.
   */
  stage(value: unknown, storedElsewhere?: (hash: string) => boolean): string {
    const data = canonicalJson(value);
    const hash = hashOf(data);
    if (!this.has(hash) && !storedElsewhere?.(hash)) this.staged.set(hash, data);
    return hash;
  }

  /** Writes the staged objects in one durable append. */
  async commit(): Promise<void> {
    if (this.staged.size === 0) return;
    const entries = [...this.staged];
    const lines = entries.map(
      ([hash, data]) => `${PREFIX}${hash}${CRC}${hexCrc(lineCrc(hash, data))}${MIDDLE}${data}}`,
    );
    const offsets = await this.log.append(lines);
    entries.forEach(([hash], index) => {
      const line = lines[index] as string;
      this.index.set(hash, { offset: offsets[index] as number, length: Buffer.byteLength(line) });
    });
    this.staged.clear();
  }

  /** Forgets what was staged (a recording that failed before its commit). */
  discardStaged(): void {
    this.staged.clear();
  }

  /**
   * Reads objects by hash, checking each against its hash again. Hashes that are unknown, or
   * whose bytes no longer match (the disk changed since the file was scanned), are left out
   * of the answer: the caller says which revision they make unreadable.
   */
  async read(hashes: Iterable<string>): Promise<Map<string, unknown>> {
    const wanted = [...new Set(hashes)].filter((hash) => this.index.has(hash));
    const found = new Map<string, unknown>();
    if (wanted.length === 0) return found;
    const handle = await open(this.log.path, 'r');
    try {
      for (const hash of wanted) {
        const { offset, length } = this.index.get(hash) as Location;
        const bytes = Buffer.alloc(length);
        await handle.read(bytes, 0, length, offset);
        if (checkedLine(bytes) !== hash || hashOf(dataOf(bytes)) !== hash) continue;
        found.set(hash, JSON.parse(dataOf(bytes).toString('utf8')));
      }
    } finally {
      await handle.close();
    }
    return found;
  }
}

const dataOf = (bytes: Buffer) => bytes.subarray(DATA_START, bytes.length - 1);

const PREFIX_BYTES = Buffer.from(PREFIX, 'latin1');
const CRC_BYTES = Buffer.from(CRC, 'latin1');
const MIDDLE_BYTES = Buffer.from(MIDDLE, 'latin1');
const CRC_START = HASH_END + CRC.length;

const bytesAt = (bytes: Buffer, at: number, expected: Buffer) =>
  bytes.subarray(at, at + expected.length).equals(expected);

const HEX = /^[0-9a-f]{8}$/;

/**
 * The hash a line claims when the line is well formed and its CRC matches, else undefined.
 * Compares bytes rather than strings: every line is checked when a history opens.
 */
function checkedLine(bytes: Buffer): string | undefined {
  if (bytes.length < DATA_START + 2 || bytes[bytes.length - 1] !== 0x7d) return undefined;
  if (!bytesAt(bytes, 0, PREFIX_BYTES) || !bytesAt(bytes, HASH_END, CRC_BYTES)) return undefined;
  if (!bytesAt(bytes, DATA_START - MIDDLE.length, MIDDLE_BYTES)) return undefined;
  const crcText = bytes.toString('latin1', CRC_START, CRC_START + CRC_LENGTH);
  if (!HEX.test(crcText)) return undefined;
  const crc = Number.parseInt(crcText, 16);
  const hash = bytes.subarray(PREFIX.length, HASH_END);
  const data = dataOf(bytes);
  if (crc !== lineCrc(hash, data) && crc !== crc32(data)) return undefined;
  return hash.toString('latin1');
}
