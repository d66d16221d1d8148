import { open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { makeDirectoryDurable, syncDirectory } from '../storage/durable-write.js';

/**
 * An append-only file of records, one a line, made durable by an fsync after each append.
 * A record is acknowledged once its fsync returned, so after a crash (kill -9, power cut)
 * the file holds every acknowledged record followed, at worst, by the unterminated start
 * of one that was never acknowledged: that torn tail is cut off (and kept aside) before the
 * next append, so it can never glue itself to the next record. Lines are never rewritten.
 *
 * Damage (a changed byte, a lost line break) costs only the record it lies in: a line that
 * is not one whole record is searched for the whole records it still holds, so a line
 * break turned into another byte loses neither of the two records it separated.
 */

const NEWLINE = 0x0a;
const RECORD_END = 0x7d; // « } »: both our formats are JSON objects, one a line.

export interface RecordFormat<T> {
  /** The bytes every record starts with: where records are looked for in a damaged line. */
  readonly start: Buffer;
  /** The record these bytes are, whole and checked; undefined when they are not exactly one. */
  decode(bytes: Buffer): T | undefined;
}

export interface LogRecord<T> {
  /** Byte offset of the record's first byte in the file. */
  offset: number;
  /** The record's bytes, without its line break. */
  bytes: Buffer;
  value: T;
  /** 1-based line of the file it lies on, for messages. */
  line: number;
}

/** Bytes that are no whole record: a damaged record, or what is left of one. */
export interface DamagedStretch {
  line: number;
  offset: number;
  bytes: Buffer;
}

/** What a log holds, in file order: its records and its damaged stretches. */
export type LogEntry<T> = { record: LogRecord<T> } | { damaged: DamagedStretch };

export interface ScannedLog<T> {
  entries: LogEntry<T>[];
  /** Where the next append goes: the end of the file, or of its last record if a torn tail follows. */
  size: number;
  /** The file's last byte is no line break (a whole record lost its own): the next append starts one. */
  openLine: boolean;
  /** Bytes after the last line break holding no whole record: the start of a write a crash cut short. */
  tornTail: Buffer | undefined;
  exists: boolean;
}

export interface LoadOptions {
  /** Given, a torn tail is handed to it and cut off the file (a writer's load); else left alone. */
  keepTornTail?: (bytes: Buffer) => Promise<void>;
}

/** The first whole record that starts at `bytes`' start, ending at one of its « } ». */
function recordAt<T>(bytes: Buffer, format: RecordFormat<T>): { length: number; value: T } | undefined {
  for (let end = bytes.indexOf(RECORD_END); end !== -1; end = bytes.indexOf(RECORD_END, end + 1)) {
    const value = format.decode(bytes.subarray(0, end + 1));
    if (value !== undefined) return { length: end + 1, value };
  }
  return undefined;
}

/**
 * The records and damaged stretches of one line (a line break excluded). The whole line is
 * tried first, the usual case; only a line that is not one record is searched, record
 * start by record start. One stray byte right after a record is where its line break
 * was: not damage.
 */
function scanLine<T>(line: Buffer, offset: number, number: number, format: RecordFormat<T>): LogEntry<T>[] {
  const whole = format.decode(line);
  if (whole !== undefined) return [{ record: { offset, bytes: line, value: whole, line: number } }];
  const entries: LogEntry<T>[] = [];
  let covered = 0;
  const uncovered = (end: number, afterRecord: boolean) => {
    const stray = end - covered;
    if (stray > 1 || (stray === 1 && !afterRecord)) {
      entries.push({
        damaged: { line: number, offset: offset + covered, bytes: line.subarray(covered, end) },
      });
    }
  };
  let afterRecord = false;
  for (let at = line.indexOf(format.start); at !== -1; at = line.indexOf(format.start, at + 1)) {
    const found = recordAt(line.subarray(at), format);
    if (!found) continue;
    uncovered(at, afterRecord);
    const bytes = line.subarray(at, at + found.length);
    entries.push({ record: { offset: offset + at, bytes, value: found.value, line: number } });
    covered = at + found.length;
    afterRecord = true;
    at = covered - 1; // the next record start is looked for after this record
  }
  uncovered(line.length, afterRecord);
  return entries;
}

/** Reads the whole log; writes nothing (cutTornTail does, for a writer). */
export async function scanLog<T>(path: string, format: RecordFormat<T>): Promise<ScannedLog<T>> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { entries: [], size: 0, openLine: false, tornTail: undefined, exists: false };
    }
    throw error;
  }
  const entries: LogEntry<T>[] = [];
  let start = 0;
  let line = 1;
  for (let end = data.indexOf(NEWLINE); end !== -1; end = data.indexOf(NEWLINE, start)) {
    if (end > start) entries.push(...scanLine(data.subarray(start, end), start, line, format));
    start = end + 1;
    line += 1;
  }
  if (start === data.length)
    return { entries, size: data.length, openLine: false, tornTail: undefined, exists: true };
  const tail = scanLine(data.subarray(start), start, line, format);
  if (tail.some((entry) => 'record' in entry)) {
    // Whole records after the last line break: no crash leaves that, only damage. Kept as they are.
    entries.push(...tail);
    return { entries, size: data.length, openLine: true, tornTail: undefined, exists: true };
  }
  return { entries, size: start, openLine: false, tornTail: data.subarray(start), exists: true };
}

/**
 * Cuts the torn tail off the file, after handing its bytes to `keep` (which stores them
 * aside): only what follows the last line break, and only when it holds no whole record.
 */
export async function cutTornTail<T>(
  path: string,
  scanned: ScannedLog<T>,
  keep: (bytes: Buffer) => Promise<void>,
): Promise<void> {
  if (!scanned.tornTail) return;
  await keep(scanned.tornTail);
  const handle = await open(path, 'r+');
  try {
    await handle.truncate(scanned.size);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export class AppendLog {
  private size: number;
  private exists: boolean;
  private openLine: boolean;

  constructor(
    readonly path: string,
    scanned: Pick<ScannedLog<unknown>, 'size' | 'exists' | 'openLine'>,
  ) {
    this.size = scanned.size;
    this.exists = scanned.exists;
    this.openLine = scanned.openLine;
  }

  get length(): number {
    return this.size;
  }

  /**
   * Appends the lines in one write and fsyncs them; answers the offset of each. A new file's
   * folder entries are made durable too, or a power cut could lose the whole file. After a
   * failure the size known here may be wrong: the caller scans the file again.
   */
  async append(lines: readonly string[]): Promise<number[]> {
    const lead = this.openLine ? Buffer.from('\n') : Buffer.alloc(0);
    const buffers = lines.map((line) => Buffer.from(`${line}\n`, 'utf8'));
    const offsets: number[] = [];
    let offset = this.size + lead.length;
    for (const buffer of buffers) {
      offsets.push(offset);
      offset += buffer.length;
    }
    if (!this.exists) await makeDirectoryDurable(dirname(this.path));
    const handle = await open(this.path, 'a');
    try {
      await handle.writeFile(Buffer.concat([lead, ...buffers]));
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
    this.openLine = false;
    return offsets;
  }
}
