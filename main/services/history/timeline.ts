import type { RevisionSummary } from '../../../shared/model/history.js';
import { changesBetween, type Revision } from './revision-log.js';
import { recordSummary } from './revision-record.js';
import type { WriterLog } from './writer-logs.js';

/**
 * All the writers' revisions of one history as one list, in time order: what the history
 * panel shows, and how revisions are numbered. The log written before the repository was
 * shared comes first, as it is (nothing was added to it since); the writers' logs are
 * merged by the time of each revision, each writer's own order kept even if its clock went
 * back, and a revision always after the one its copy knew as latest when recording it. A revision's id (writer and number in its log) never changes; its number in the
 * list (`seq`) is derived here, and what it changed is computed against the revision
 * before it in the list, whoever wrote that one.
 */
export interface TimelineEntry {
  id: string;
  seq: number;
  /** Position in the list, from 0. */
  index: number;
  log: WriterLog;
  revision: Revision;
}

export const revisionId = (writer: string | null, localSeq: number) => `${writer ?? '0'}-${localSeq}`;

export function buildTimeline(logs: readonly WriterLog[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const push = (log: WriterLog, revision: Revision, seq: number) =>
    entries.push({
      id: revisionId(log.writer, revision.record.seq),
      seq,
      index: entries.length,
      log,
      revision,
    });
  const legacy = logs.find((log) => log.writer === null);
  let last = 0;
  // The history from before sharing keeps its numbers, gaps of damaged lines included.
  for (const revision of legacy?.revisions.all() ?? []) {
    last = revision.record.seq;
    push(legacy as WriterLog, revision, last);
  }
  const queues = logs
    .filter((log) => log.writer !== null)
    .map((log) => ({ log, revisions: log.revisions.all(), next: 0 }));
  const listed = new Set(entries.map((entry) => entry.id));
  // A revision comes after the one its copy knew as latest (`after`), whatever the clocks say.
  const ready = (revision: Revision) =>
    revision.record.after === undefined || listed.has(revision.record.after);
  const earliest = (onlyReady: boolean) => {
    let pick: (typeof queues)[number] | undefined;
    for (const queue of queues) {
      const head = queue.revisions[queue.next];
      if (!head || (onlyReady && !ready(head))) continue;
      const best = pick?.revisions[pick.next];
      if (!best || head.record.at < best.record.at) pick = queue;
    }
    return pick;
  };
  for (;;) {
    // None ready: the revision they follow is missing (a damaged line); time order then.
    const pick = earliest(true) ?? earliest(false);
    if (!pick) break;
    last += 1;
    const revision = pick.revisions[pick.next] as Revision;
    push(pick.log, revision, last);
    listed.add(revisionId(pick.log.writer, revision.record.seq));
    pick.next += 1;
  }
  return entries;
}

export class Timeline {
  readonly entries: TimelineEntry[];
  private readonly byId = new Map<string, TimelineEntry>();
  private readonly bySeq = new Map<number, TimelineEntry>();

  constructor(logs: readonly WriterLog[]) {
    this.entries = buildTimeline(logs);
    for (const entry of this.entries) {
      this.byId.set(entry.id, entry);
      this.bySeq.set(entry.seq, entry);
    }
  }

  get head(): TimelineEntry | undefined {
    return this.entries[this.entries.length - 1];
  }

  /** A revision named by its id, or by its number as listed now. */
  find(ref: number | string): TimelineEntry | undefined {
    return typeof ref === 'number' ? this.bySeq.get(ref) : this.byId.get(ref);
  }

  /**
   * What a revision is compared with to say what it changed: the revision its copy had as
   * latest when recording it (`after`), else the previous one of its log, else the one
   * listed before it. Not simply the one listed before: two copies edit in parallel, and
   * Anne's revision did not change what Bruno's, listed just before, changed meanwhile.
   */
  previousOf(entry: TimelineEntry): TimelineEntry | undefined {
    const after = entry.revision.record.after;
    if (after !== undefined) return this.byId.get(after);
    const own = entry.log.revisions.all();
    const at = own.indexOf(entry.revision);
    if (at > 0) return this.find(revisionId(entry.log.writer, (own[at - 1] as Revision).record.seq));
    return entry.index > 0 ? this.entries[entry.index - 1] : undefined;
  }

  summary(entry: TimelineEntry): RevisionSummary {
    const { record, state } = entry.revision;
    const changed = (() => {
      const previous = this.previousOf(entry)?.revision.state;
      return previous && state ? Object.keys(changesBetween(previous, state)) : Object.keys(record.changed);
    })();
    const restored =
      record.restoredFrom === undefined
        ? undefined
        : this.find(
            typeof record.restoredFrom === 'number'
              ? revisionId(entry.log.writer, record.restoredFrom)
              : record.restoredFrom,
          );
    return {
      seq: entry.seq,
      id: entry.id,
      ...recordSummary(record),
      ...(restored ? { restoredFrom: restored.id, restoredFromSeq: restored.seq } : {}),
      changed,
    };
  }
}
