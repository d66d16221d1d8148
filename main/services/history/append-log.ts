import { open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { makeDirectoryDurable, syncDirectory } from '../storage/durable-write.js';

/**
 * An append-only file of lines, made durable by an fsync after each append. A record is
 * acknowledged once its fsync returned, so after a crash (kill -9, power cut) the file
 * holds every acknowledged record followed, at worst, by the unterminated start of one
 * that was never acknowledged: that torn tail is cut off before the next append, so it
 * can never glue itself to the next record and damage it. Lines are never rewritten.
 */

const NEWLINE = 0x0a;

export interface LogLine {
  /** Byte offset of the line's first byte in the file. */
  offset: number;
  /** The line without its newline. */
  bytes: Buffer;
}

export interface ScannedLog {
  lines: LogLine[];
  /** Size of the file once any torn tail is cut off: where the next append goes. */
  size: number;
  exists: boolean;
}

/** Reads every complete line; an unterminated tail is cut off the file (it was never acknowledged). */
export async function scanLog(path: string): Promise<ScannedLog> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], size: 0, exists: false };
    throw error;
  }
  const lines: LogLine[] = [];
  let start = 0;
  for (let end = data.indexOf(NEWLINE); end !== -1; end = data.indexOf(NEWLINE, start)) {
    if (end > start) lines.push({ offset: start, bytes: data.subarray(start, end) });
    start = end + 1;
  }
  if (start < data.length) await truncateDurably(path, start);
  return { lines, size: start, exists: true };
}

async function truncateDurably(path: string, size: number): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.truncate(size);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export class AppendLog {
  constructor(
    readonly path: string,
    private size: number,
    private exists: boolean,
  ) {}

  get length(): number {
    return this.size;
  }

  /**
   * Appends the lines in one write and fsyncs them; answers the offset of each. A new file's
   * folder entries are made durable too, or a power cut could lose the whole file. After a
   * failure the size known here may be wrong: the caller scans the file again.
   */
  async append(lines: readonly string[]): Promise<number[]> {
    const buffers = lines.map((line) => Buffer.from(`${line}\n`, 'utf8'));
    const offsets: number[] = [];
    let offset = this.size;
    for (const buffer of buffers) {
      offsets.push(offset);
      offset += buffer.length;
    }
    if (!this.exists) await makeDirectoryDurable(dirname(this.path));
    const handle = await open(this.path, 'a');
    try {
      await handle.writeFile(Buffer.concat(buffers));
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (!this.exists) {
      // The new file's entry in its folder (the folders' own entries are made durable above).
      await syncDirectory(dirname(this.path));
      this.exists = true;
    }
    this.size = offset;
    return offsets;
  }
}
