import type { PartKey } from '../../../shared/model/history.js';
import { AppendLog, cutTornTail, scanLog, type LoadOptions, type RecordFormat } from './append-log.js';
import { decodeRecord, encodeRecord, type RevisionRecord } from './revision-record.js';

/**
 * The list of a sheet's revisions: one small JSON line per revision, read without any
 * content. Every record names the hash of every part, so a revision is read from its own
 * line (and the objects it names), whatever happened to the others; it also names the
 * parts that changed since the previous revision, for the timeline. (Records written
 * before every record was whole named only the changes, with every part once in a while:
 * they are still read, from the chain.) Each line carries a checksum of itself: a damaged
 * one is reported, never guessed at.
 */
export type PartHashes = Record<PartKey, string>;

export interface Revision {
  record: RevisionRecord;
  /** The hash of every part at this revision; undefined when an old chain is broken before it. */
  state: PartHashes | undefined;
}

export interface DamagedRecordLine {
  line: number;
  /** The revisions it held, told by the numbers of the records around it; empty when they cannot be. */
  seqs: number[];
}

const recordFormat: RecordFormat<RevisionRecord> = {
  start: Buffer.from('{"seq":', 'latin1'),
  decode: decodeRecord,
};

export class RevisionLog {
  private readonly revisions: Revision[] = [];
  private readonly bySeq = new Map<number, Revision>();
  /** The highest revision number used, damaged ones included: the next one comes after. */
  private lastSeq = 0;

  private constructor(
    private readonly log: AppendLog,
    readonly damaged: readonly DamagedRecordLine[],
  ) {}

  static async load(path: string, options: LoadOptions = {}): Promise<RevisionLog> {
    const scanned = await scanLog(path, recordFormat);
    if (options.keepTornTail) await cutTornTail(path, scanned, options.keepTornTail);
    const damaged: DamagedRecordLine[] = [];
    const log = new RevisionLog(new AppendLog(path, scanned), damaged);
    let state: PartHashes | undefined;
    /** Damaged lines since the last record, whose numbers the next record tells. */
    let unplaced: DamagedRecordLine[] = [];
    for (const entry of scanned.entries) {
      // A record out of order cannot be placed among the others: as unreadable as a damaged one.
      if ('damaged' in entry || entry.record.value.seq <= log.lastSeq) {
        const line = 'damaged' in entry ? entry.damaged.line : entry.record.line;
        const lost: DamagedRecordLine = { line, seqs: [] };
        damaged.push(lost);
        unplaced.push(lost);
        state = undefined;
        continue;
      }
      const record = entry.record.value;
      placeLost(unplaced, log.lastSeq, record.seq);
      unplaced = [];
      log.lastSeq = record.seq;
      state = record.parts ? { ...record.parts } : state && applyChanges(state, record.changed);
      log.add({ record, state });
    }
    // Damaged lines at the end held the revisions that came next, one each.
    unplaced.forEach((lost, index) => (lost.seqs = [log.lastSeq + index + 1]));
    log.lastSeq += unplaced.length;
    return log;
  }

  get head(): Revision | undefined {
    return this.revisions[this.revisions.length - 1];
  }

  get count(): number {
    return this.revisions.length;
  }

  get(seq: number): Revision | undefined {
    return this.bySeq.get(seq);
  }

  all(): readonly Revision[] {
    return this.revisions;
  }

  /** Appends a revision whose parts are `state`, naming what changed since the head. */
  async append(
    fields: Omit<RevisionRecord, 'seq' | 'changed' | 'parts'>,
    state: PartHashes,
  ): Promise<Revision> {
    const previous = this.head?.state;
    const record: RevisionRecord = {
      seq: this.lastSeq + 1,
      ...fields,
      changed: previous ? changesBetween(previous, state) : { ...state },
      parts: state,
    };
    await this.log.append([encodeRecord(record)]);
    const revision = { record, state: { ...state } };
    this.lastSeq = record.seq;
    this.add(revision);
    return revision;
  }

  private add(revision: Revision): void {
    this.revisions.push(revision);
    this.bySeq.set(revision.record.seq, revision);
  }
}

/** The numbers missing between two records are those of the damaged lines between them. */
function placeLost(lost: DamagedRecordLine[], before: number, after: number): void {
  const missing = Array.from({ length: Math.max(0, after - before - 1) }, (_, i) => before + i + 1);
  if (lost.length === missing.length) lost.forEach((line, index) => (line.seqs = [missing[index] as number]));
  else for (const line of lost) line.seqs = missing;
}

function applyChanges(state: PartHashes, changed: Record<PartKey, string | null>): PartHashes {
  const next = { ...state };
  for (const [key, hash] of Object.entries(changed)) {
    if (hash === null) delete next[key];
    else next[key] = hash;
  }
  return next;
}

export function changesBetween(before: PartHashes, after: PartHashes): Record<PartKey, string | null> {
  const changed: Record<PartKey, string | null> = {};
  for (const [key, hash] of Object.entries(after)) if (before[key] !== hash) changed[key] = hash;
  for (const key of Object.keys(before)) if (!(key in after)) changed[key] = null;
  return changed;
}
