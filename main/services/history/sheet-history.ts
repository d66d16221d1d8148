import type { SheetParts } from '../../../shared/history/parts.js';
import type { PartKey, RevisionSummary } from '../../../shared/model/history.js';
import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';
import type { RepositoryLayout } from '../repository/layout.js';
import {
  inspectObjectDamage,
  objectLineProblem,
  revisionLineProblem,
  tornTailKeeper,
  type ObjectDamage,
} from './damage.js';
import { ObjectStore } from './objects.js';
import { readParts, stageParts } from './part-codec.js';
import { RevisionLog, type PartHashes } from './revision-log.js';
import { summaryOf, type RevisionRecord } from './revision-record.js';
import { targetDetail, targetFile, targetName, type HistoryTarget } from './target.js';

/**
 * One sheet's history (or one family's shared content: see target.ts), loaded once and kept in memory: the revision list (small) and the
 * place of each stored object (no content). Recording a revision costs the parts of the
 * sheet that changed, whatever the length of the history. Damaged lines are reported by
 * list() and by the reads that need them; the files are never rewritten to hide them.
 */
export type RevisionFields = Omit<RevisionRecord, 'seq' | 'changed' | 'parts'>;

export interface HistoryListing {
  revisions: RevisionSummary[];
  /** Damaged lines of the history's files, in French. */
  problems: string[];
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

export interface HistoryLoadOptions {
  /** A writer cuts a torn tail off (keeping it in damaged/); a reader leaves the files as they are. */
  repair: boolean;
}

export class SheetHistory {
  /** What the object file's damage costs; computed once, only when it has damage. */
  private objectDamage: Promise<ObjectDamage> | undefined;

  private constructor(
    readonly target: HistoryTarget,
    private readonly objects: ObjectStore,
    private readonly revisions: RevisionLog,
    private readonly files: { objects: string; revisions: string },
  ) {}

  static async load(
    layout: RepositoryLayout,
    target: HistoryTarget,
    options: HistoryLoadOptions = { repair: true },
  ): Promise<SheetHistory> {
    const objectsPath = targetFile(layout, target, 'objects.jsonl');
    const revisionsPath = targetFile(layout, target, 'revisions.jsonl');
    const keep = (file: 'objects.jsonl' | 'revisions.jsonl') =>
      options.repair ? { keepTornTail: tornTailKeeper(layout, target, file) } : {};
    // The revisions first: a revision's objects are appended before it, so every revision
    // read then finds its objects in the file, even while another process appends to both.
    const revisions = await RevisionLog.load(revisionsPath, keep('revisions.jsonl'));
    const objects = await ObjectStore.load(objectsPath, keep('objects.jsonl'));
    return new SheetHistory(target, objects, revisions, {
      objects: layout.display(objectsPath),
      revisions: layout.display(revisionsPath),
    });
  }

  get isEmpty(): boolean {
    return this.revisions.count === 0 && this.revisions.damaged.length === 0;
  }

  /**
   * Records `parts` as a new revision. Unless `force`d (named versions, restores), nothing
   * is recorded when no part differs from the latest revision: answers null then.
   */
  async record(parts: SheetParts, fields: RevisionFields, force: boolean): Promise<RevisionSummary | null> {
    const hashes = stageParts(this.objects, parts);
    const head = this.revisions.head?.state;
    if (!force && head && sameHashes(head, hashes)) {
      this.objects.discardStaged();
      return null;
    }
    // Objects first: a crash between the two appends leaves unused objects, never a revision without its content.
    await this.objects.commit();
    // A new revision may need what a damaged line held: the damage is weighed again when asked.
    this.objectDamage = undefined;
    const revision = await this.revisions.append(fields, hashes);
    return summaryOf(revision.record);
  }

  async list(titleOf: TitleOf): Promise<HistoryListing> {
    const damage = await this.damage();
    const revisions = this.revisions.summaries().map((summary) => {
      const damaged = this.damageOf(summary.seq, damage.unreadable, titleOf);
      return damaged ? { ...summary, damaged } : summary;
    });
    const problems = [
      ...this.revisions.damaged.map(({ line, seqs }) =>
        revisionLineProblem(this.files.revisions, line, seqs),
      ),
      ...this.objects.damaged.map(({ line }) =>
        objectLineProblem(this.files.objects, line, damage.affected.get(line) ?? []),
      ),
    ];
    return { revisions, problems };
  }

  /** Every revision's summary, oldest first (damage aside: see list, newest first). */
  summariesInOrder(): RevisionSummary[] {
    return this.revisions.summaries().sort((a, b) => a.seq - b.seq);
  }

  /** The latest revision. */
  get latest(): RevisionSummary | undefined {
    const record = this.revisions.head?.record;
    return record ? summaryOf(record) : undefined;
  }

  summaryOf(seq: number): RevisionSummary | undefined {
    const record = this.revisions.get(seq)?.record;
    return record ? summaryOf(record) : undefined;
  }

  /** The parts a revision names; the whole revision when `keys` is absent. */
  async partsAt(seq: number, titleOf: TitleOf, keys?: readonly PartKey[]): Promise<SheetParts> {
    const revision = this.revisions.get(seq);
    if (!revision) {
      throw new AppFailure(
        'not-found',
        fr`La version n°\u00a0${seq} ${targetName(this.target)} n’existe pas : rouvrez l’historique pour voir les versions enregistrées.`,
        { ...targetDetail(this.target), seq },
      );
    }
    const state = revision.state;
    if (!state) {
      throw new AppFailure(
        'damaged',
        fr`La version n°\u00a0${seq} ne peut pas être reconstituée : elle suit une entrée endommagée de ${this.files.revisions}. Choisissez une autre version.`,
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
        fr`La version n°\u00a0${seq} est endommagée pour ${quoted(unreadable.map(titleOf))} (${this.files.objects}) : ces parties ne peuvent pas être lues. Les autres parties et les autres versions restent lisibles.`,
        { ...targetDetail(this.target), seq, parts: unreadable },
      );
    }
    return parts;
  }

  private damage(): Promise<ObjectDamage> {
    if (this.objects.damaged.length === 0)
      return Promise.resolve({ unreadable: new Set(), affected: new Map() });
    this.objectDamage ??= inspectObjectDamage(this.objects, this.revisions.all());
    return this.objectDamage;
  }

  private damageOf(seq: number, unreadable: Set<string>, titleOf: TitleOf): string | undefined {
    const state = this.revisions.get(seq)?.state;
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
