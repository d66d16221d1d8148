import type { PartKey } from '../../../shared/model/history.js';
import { AppendLog, scanLog } from './append-log.js';
import { decodeRecord, encodeRecord, type RevisionRecord } from './revision-record.js';

/**
 * The list of a sheet's revisions: one small JSON line per revision, read without any
 * content. A record names the parts that changed since the previous revision and the
 * hash of each one's new value; every FULL_EVERY revisions (and after any damaged line) it
 * names every part, so a damaged line costs at most the revisions up to the next full one.
 * Each line carries a checksum of itself: a damaged one is reported, never guessed at.
 */
export const FULL_EVERY = 32;

export type PartHashes = Record<PartKey, string>;

export interface Revision {
  record: RevisionRecord;
  /** The hash of every part at this revision; undefined when a damaged line before it hides them. */
  state: PartHashes | undefined;
}

export interface DamagedRecordLine {
  line: number;
}

export class RevisionLog {
  private readonly revisions: Revision[] = [];
  private readonly bySeq = new Map<number, Revision>();
  private sinceFull = 0;
  /** Lines in the file, damaged ones included: the next seq comes after all of them. */
  private lines = 0;
  /** The last line is damaged: the next record cannot be read as changes to an unknown state. */
  private tailDamaged = false;

  private constructor(
    private readonly log: AppendLog,
    readonly damaged: readonly DamagedRecordLine[],
  ) {}

  static async load(path: string): Promise<RevisionLog> {
    const scanned = await scanLog(path);
    const damaged: DamagedRecordLine[] = [];
    const log = new RevisionLog(new AppendLog(path, scanned.size, scanned.exists), damaged);
    let state: PartHashes | undefined;
    let lastSeq = 0;
    scanned.lines.forEach(({ bytes }, index) => {
      const record = decodeRecord(bytes);
      // A record out of order cannot be placed in the chain: as unreadable as a damaged one.
      log.lines += 1;
      if (!record || record.seq <= lastSeq) {
        damaged.push({ line: index + 1 });
        state = undefined;
        log.tailDamaged = true;
        return;
      }
      log.tailDamaged = false;
      lastSeq = record.seq;
      state = record.parts ? { ...record.parts } : state && applyChanges(state, record.changed);
      log.add({ record, state });
    });
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

  /**
   * Appends a revision whose parts are `state`: the record names what changed since the
   * head, and every part when a full record is due or the head's parts are unknown.
   */
  async append(
    fields: Omit<RevisionRecord, 'seq' | 'changed' | 'parts'>,
    state: PartHashes,
  ): Promise<Revision> {
    const head = this.head;
    const previous = head?.state;
    const changed = previous ? changesBetween(previous, state) : { ...state };
    const full = !previous || this.tailDamaged || this.sinceFull + 1 >= FULL_EVERY;
    const record: RevisionRecord = {
      seq: Math.max(head?.record.seq ?? 0, this.lines) + 1,
      ...fields,
      changed,
      ...(full ? { parts: state } : {}),
    };
    await this.log.append([encodeRecord(record)]);
    const revision = { record, state: { ...state } };
    this.lines += 1;
    this.tailDamaged = false;
    this.add(revision);
    return revision;
  }

  private add(revision: Revision): void {
    this.revisions.push(revision);
    this.bySeq.set(revision.record.seq, revision);
    this.sinceFull = revision.record.parts ? 0 : this.sinceFull + 1;
  }
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
