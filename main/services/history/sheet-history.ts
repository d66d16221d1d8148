import type { SheetParts } from '../../../shared/history/parts.js';
import type { PartKey, RevisionSummary } from '../../../shared/model/history.js';
import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';
import type { RepositoryLayout } from '../repository/layout.js';
import { inspectObjectDamage, objectLineProblem, revisionLineProblem, type ObjectDamage } from './damage.js';
import { readParts, stageParts } from './part-codec.js';
import type { PartHashes, Revision } from './revision-log.js';
import type { RevisionRecord } from './revision-record.js';
import { targetDetail, targetName, type HistoryTarget } from './target.js';
import { revisionId, Timeline, type TimelineEntry } from './timeline.js';
import { loadWriterLogs, ObjectSources, type WriterLog } from './writer-logs.js';

/**
 * One sheet's history (or one family's shared content: see target.ts), loaded once and
 * kept in memory: the revision list of every writer (small) and the place of each stored
 * object (no content). Recording a revision costs the parts of the sheet that changed,
 * whatever the length of the history, and appends to this copy's own files only
 * (writer-logs.ts); reading sees every writer's revisions as one list in time order
 * (timeline.ts). Damaged lines are reported by list() and by the reads that need them; the
 * files are never rewritten to hide them.
 */
export type RevisionFields = Omit<RevisionRecord, 'seq' | 'changed' | 'parts' | 'after'>;

/** A revision as requests name it: its id, or its number as listed now. */
export type RevisionRef = number | string;

export interface RevisionLineage {
  summary: RevisionSummary;
  /** The copy that recorded it (null: before the repository was shared). */
  writer: string | null;
  /** The id of the revision it was made from; absent for the first, or when that one is lost. */
  previous?: string;
}

export interface HistoryListing {
  revisions: RevisionSummary[];
  /** Damaged lines of the history's files, in French. */
  problems: string[];
}

export interface HistoryLoadOptions {
  /** A writer cuts a torn tail off its own files (keeping it in damaged/); a reader leaves the files as they are. */
  repair: boolean;
  /** This copy's writer once the repository is shared, null before (writer-logs.ts). */
  writer?: string | null;
}

type TitleOf = (key: PartKey) => string;

/** « Passé », « Présent »: part titles as a message lists them. */
function quoted(titles: readonly string[]): string {
  return titles.map((title) => `«\u00a0${title}\u00a0»`).join(', ');
}

function sameHashes(a: PartHashes, b: PartHashes): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

const refText = (ref: RevisionRef) => (typeof ref === 'number' ? String(ref) : ref);

export class SheetHistory {
  /** What each object file's damage costs; computed once, only when one has damage. */
  private objectDamage: Promise<Map<WriterLog, ObjectDamage>> | undefined;
  private readonly objects: ObjectSources;
  private timelineCache: Timeline | undefined;

  private constructor(
    readonly target: HistoryTarget,
    private readonly logs: readonly WriterLog[],
    private readonly own: WriterLog,
  ) {
    this.objects = new ObjectSources(
      own.objects,
      logs.map((log) => log.objects),
    );
  }

  static async load(
    layout: RepositoryLayout,
    target: HistoryTarget,
    options: HistoryLoadOptions = { repair: true },
  ): Promise<SheetHistory> {
    const { logs, own } = await loadWriterLogs(layout, target, options.writer ?? null, {
      repair: options.repair,
    });
    return new SheetHistory(target, logs, own);
  }

  private get timeline(): Timeline {
    this.timelineCache ??= new Timeline(this.logs);
    return this.timelineCache;
  }

  get isEmpty(): boolean {
    return this.logs.every((log) => log.revisions.count === 0 && log.revisions.damaged.length === 0);
  }

  /**
   * Records `parts` as a new revision. Unless `force`d (named versions, restores), nothing
   * is recorded when no part differs from the latest revision (whoever recorded it): answers
   * null then.
   */
  async record(parts: SheetParts, fields: RevisionFields, force: boolean): Promise<RevisionSummary | null> {
    const hashes = stageParts(this.objects, parts);
    const head = this.timeline.head?.revision.state;
    if (!force && head && sameHashes(head, hashes)) {
      this.objects.discardStaged();
      return null;
    }
    // Objects first: a crash between the two appends leaves unused objects, never a revision without its content.
    await this.objects.commit();
    // A new revision may need what a damaged line held: the damage is weighed again when asked.
    this.objectDamage = undefined;
    const after = this.own.writer === null ? undefined : this.timeline.head?.id;
    const revision = await this.own.revisions.append(after ? { ...fields, after } : fields, hashes);
    this.timelineCache = undefined;
    const timeline = this.timeline;
    const entry = timeline.entries.find((candidate) => candidate.revision === revision) as TimelineEntry;
    return timeline.summary(entry);
  }

  async list(titleOf: TitleOf): Promise<HistoryListing> {
    const damage = await this.damage();
    const unreadable = new Set([...damage.values()].flatMap((cost) => [...cost.unreadable]));
    const timeline = this.timeline;
    const revisions = timeline.entries
      .map((entry) => {
        const summary = timeline.summary(entry);
        const damaged = this.damageOf(entry, unreadable, titleOf);
        return damaged ? { ...summary, damaged } : summary;
      })
      .reverse();
    // Damaged lines name the revisions they cost by their number in the list; a lost line of
    // another writer's log has none there (its revision was never read).
    const listed = (log: WriterLog, seqs: readonly number[]) =>
      log.writer === null
        ? [...seqs]
        : seqs.flatMap((seq) => timeline.find(revisionId(log.writer, seq))?.seq ?? []);
    const problems = this.logs.flatMap((log) => [
      ...log.revisions.damaged.map(({ line, seqs }) =>
        revisionLineProblem(log.files.revisions, line, listed(log, seqs)),
      ),
      ...log.objects.damaged.map(({ line }) =>
        objectLineProblem(log.files.objects, line, damage.get(log)?.affected.get(line) ?? []),
      ),
    ]);
    return { revisions, problems };
  }

  summaryOf(ref: RevisionRef): RevisionSummary | undefined {
    const entry = this.timeline.find(ref);
    return entry ? this.timeline.summary(entry) : undefined;
  }

  /**
   * Every revision oldest first, in time order (damage aside: see list), each with what it
   * was made from: the revision its copy compared it with (timeline.ts), and the copy that
   * recorded it. Parallel work of two copies interleaves in this order, so what one
   * revision changed is never read off the one listed before it (review/changes-since.ts).
   */
  lineage(): RevisionLineage[] {
    const timeline = this.timeline;
    return timeline.entries.map((entry) => {
      const previous = timeline.previousOf(entry);
      return {
        summary: timeline.summary(entry),
        writer: entry.log.writer,
        ...(previous ? { previous: previous.id } : {}),
      };
    });
  }

  /** The latest revision, in time order. */
  get latest(): RevisionSummary | undefined {
    const entry = this.timeline.head;
    return entry ? this.timeline.summary(entry) : undefined;
  }

  /** The oldest revision: when the history began. */
  first(): RevisionSummary | undefined {
    const entry = this.timeline.entries[0];
    return entry ? this.timeline.summary(entry) : undefined;
  }

  /** The revision named by `ref`, or a French failure saying it does not exist. */
  require(ref: RevisionRef): RevisionSummary {
    return this.timeline.summary(this.entry(ref));
  }

  /** The parts a revision names; the whole revision when `keys` is absent. */
  async partsAt(ref: RevisionRef, titleOf: TitleOf, keys?: readonly PartKey[]): Promise<SheetParts> {
    const entry = this.entry(ref);
    const seq = entry.seq;
    const state = entry.revision.state;
    if (!state) {
      throw new AppFailure(
        'damaged',
        fr`La version n°\u00a0${seq} ne peut pas être reconstituée : elle suit une entrée endommagée de ${entry.log.files.revisions}. Choisissez une autre version.`,
        { ...targetDetail(this.target), seq },
      );
    }
    const wanted = keys ?? Object.keys(state);
    const absent = wanted.filter((key) => !(key in state));
    if (absent.length > 0) {
      throw new AppFailure(
        'not-found',
        fr`La version n°\u00a0${seq} ne contient pas ${quoted(absent.map(titleOf))} : cette partie n’existait pas encore.`,
        { ...targetDetail(this.target), seq, parts: absent },
      );
    }
    const { parts, unreadable } = await readParts(
      this.objects,
      Object.fromEntries(wanted.map((key) => [key, state[key] as string])),
    );
    if (unreadable.length > 0) {
      throw new AppFailure(
        'damaged',
        fr`La version n°\u00a0${seq} est endommagée pour ${quoted(unreadable.map(titleOf))} (${entry.log.files.objects}) : ces parties ne peuvent pas être lues. Les autres parties et les autres versions restent lisibles.`,
        { ...targetDetail(this.target), seq, parts: unreadable },
      );
    }
    return parts;
  }

  private entry(ref: RevisionRef): TimelineEntry {
    const entry = this.timeline.find(ref);
    if (entry) return entry;
    throw new AppFailure(
      'not-found',
      fr`La version n°\u00a0${refText(ref)} ${targetName(this.target)} n’existe pas : rouvrez l’historique pour voir les versions enregistrées.`,
      { ...targetDetail(this.target), seq: ref },
    );
  }

  /** Each damaged object file's cost, counted against every revision of the list (by its number there). */
  private damage(): Promise<Map<WriterLog, ObjectDamage>> {
    const damaged = this.logs.filter((log) => log.objects.damaged.length > 0);
    if (damaged.length === 0) return Promise.resolve(new Map());
    this.objectDamage ??= (async () => {
      const listed: Revision[] = this.timeline.entries.map(({ seq, revision }) => ({
        record: { ...revision.record, seq },
        state: revision.state,
      }));
      const costs = new Map<WriterLog, ObjectDamage>();
      for (const log of damaged) {
        const objects = {
          damaged: log.objects.damaged,
          has: (h: string) => this.objects.has(h),
          read: (h: Iterable<string>) => this.objects.read(h),
        };
        costs.set(log, await inspectObjectDamage(objects, listed));
      }
      return costs;
    })();
    return this.objectDamage;
  }

  private damageOf(entry: TimelineEntry, unreadable: Set<string>, titleOf: TitleOf): string | undefined {
    const state = entry.revision.state;
    if (!state) {
      return fr`Cette version suit une entrée endommagée d’un historique ancien : son contenu ne peut pas être reconstitué.`;
    }
    const broken = Object.entries(state)
      .filter(([, hash]) => !this.objects.has(hash) || unreadable.has(hash))
      .map(([key]) => titleOf(key));
    if (broken.length === 0) return undefined;
    return fr`Contenu endommagé pour ${quoted(broken)} : ces parties ne peuvent pas être lues, les autres restent lisibles.`;
  }
}
