import { partsOfFamily, partsOfSheet, type SheetParts } from '../../../shared/history/parts.js';
import type { RevisionSummary } from '../../../shared/model/history.js';
import type { FamilyFile, SheetFile } from '../../../shared/model/sheet.js';
import { fr } from '../french.js';
import type { RepositoryContext } from '../repository/context.js';
import { ioFailure } from '../storage/io-errors.js';
import { stampOf } from '../storage/stamp.js';
import { Preferences } from './preferences.js';
import { SheetHistory, type RevisionFields } from './sheet-history.js';
import { historyFiles } from './writer-logs.js';
import { familyTarget, sheetTarget, targetFolder, targetKey, type HistoryTarget } from './target.js';

/**
 * The history side of one open repository: each sheet's (and each family's shared
 * content's) history loaded once, the targets saved since their latest revision (for the recording policy), the clock, the author.
 * Attached to the repository's context rather than stored in it, so the repository's own
 * services need not know about history.
 */
export interface HistoryOptions {
  /** The policy's clock; tests move it instead of waiting minutes. */
  now?: () => Date;
  /** preferences.json; the application's data folder by default. */
  preferencesFile?: string;
  /** This copy's history writer once the repository is shared (writer-logs.ts); null before. */
  writer?: string | null;
}

export type RecordFields = Omit<RevisionFields, 'author' | 'at'> & { at?: string };

export class HistoryService {
  readonly preferences: Preferences;
  /**
   * Targets saved since their latest revision, by targetKey (a sheet's id, « @family-… »
   * for a family), with the time (ms) of the first such save.
   */
  readonly pending = new Map<string, number>();
  /** Why a target's latest save is in no revision yet, by targetKey (see recordSaved). */
  private readonly unrecorded = new Map<string, string>();
  private readonly loaded = new Map<string, Promise<SheetHistory>>();
  /** For a reading session: the files' stamps when each history was read (see history()). */
  private readonly readAt = new Map<string, string>();
  private readonly clock: () => Date;
  private writerId: string | null;

  constructor(
    private readonly context: RepositoryContext,
    options: HistoryOptions,
  ) {
    this.clock = options.now ?? (() => new Date());
    this.writerId = options.writer ?? null;
    this.preferences = new Preferences(options.preferencesFile);
  }

  now(): Date {
    return this.clock();
  }

  /** The sheet's history, read from disk the first time only. */
  sheet(id: string): Promise<SheetHistory> {
    return this.history(sheetTarget(id));
  }

  /** The history of a family's shared note and micro-scenarios. */
  family(id: string): Promise<SheetHistory> {
    return this.history(familyTarget(id));
  }

  /**
   * The target's history, read from disk the first time only: the instance holding the
   * repository is the only one to write it. A reading session shares the files with that
   * instance, so it reads them again once they changed; it never repairs them.
   */
  async history(target: HistoryTarget): Promise<SheetHistory> {
    const key = targetKey(target);
    const reading = this.context.access === 'read';
    try {
      // Stamped before reading: files changing meanwhile are read again next time.
      const stamp = reading ? await this.filesStamp(target) : '';
      let loading = this.loaded.get(key);
      if (loading && reading && this.readAt.get(key) !== stamp) loading = undefined;
      if (!loading) {
        loading = SheetHistory.load(this.context.layout, target, { repair: !reading, writer: this.writerId });
        this.loaded.set(key, loading);
        this.readAt.set(key, stamp);
        loading.catch(() => this.loaded.delete(key));
      }
      return await loading;
    } catch (error) {
      throw ioFailure(error, 'lire', targetFolder(target));
    }
  }

  /** Every writer's files of the target (writer-logs.ts), named and stamped. */
  private async filesStamp(target: HistoryTarget): Promise<string> {
    const files = await historyFiles(this.context.layout, target);
    const stamps = await Promise.all(files.map(async (file) => [file, await stampOf(file)]));
    return JSON.stringify(stamps);
  }

  get writer(): string | null {
    return this.writerId;
  }

  /** The repository was just shared: from now on this copy appends to its own files. */
  useWriter(writer: string): void {
    this.writerId = writer;
    this.reload();
  }

  /**
   * Forgets every history read so far: a sync brought other writers' revisions, which the
   * next read finds on disk. A read or record in flight finishes on what it had.
   */
  reload(): void {
    this.loaded.clear();
  }

  /** Records `sheet` (see recordParts). */
  record(sheet: SheetFile, fields: RecordFields, force: boolean): Promise<RevisionSummary | null> {
    return this.recordParts(sheetTarget(sheet.id), partsOfSheet(sheet), fields, force);
  }

  /** Records a family's shared content (see recordParts). */
  recordFamily(family: FamilyFile, fields: RecordFields, force: boolean): Promise<RevisionSummary | null> {
    return this.recordParts(familyTarget(family.familyId), partsOfFamily(family), fields, force);
  }

  /**
   * Records `sheet` just written to its file. A failure here must not turn a save that
   * happened into a reported failure: the words are on disk. The sheet stays pending, so
   * its next save or checkpoint (leaving it, closing the repository) records it, and
   * history:list says meanwhile why the revision is missing. Answers undefined then.
   */
  recordSaved(
    sheet: SheetFile,
    fields: RecordFields,
    force: boolean,
  ): Promise<RevisionSummary | null | undefined> {
    return this.afterSave(sheetTarget(sheet.id), () => this.record(sheet, fields, force));
  }

  /** recordSaved for a family's shared content. */
  recordFamilySaved(
    family: FamilyFile,
    fields: RecordFields,
    force: boolean,
  ): Promise<RevisionSummary | null | undefined> {
    return this.afterSave(familyTarget(family.familyId), () => this.recordFamily(family, fields, force));
  }

  /** The problem history:list shows while a target's latest save is in no revision. */
  unrecordedProblem(target: HistoryTarget): string | undefined {
    const reason = this.unrecorded.get(targetKey(target));
    return reason === undefined
      ? undefined
      : fr`La dernière modification n’a pas pu être enregistrée dans l’historique (${reason.replace(/[.\s]+$/, '')}) : elle est bien enregistrée dans le dépôt, et le sera dans l’historique à la prochaine occasion (en quittant la fiche, ou à la fermeture).`;
  }

  private async afterSave(
    target: HistoryTarget,
    record: () => Promise<RevisionSummary | null>,
  ): Promise<RevisionSummary | null | undefined> {
    const key = targetKey(target);
    try {
      return await record();
    } catch (error) {
      this.unrecorded.set(key, (error as Error)?.message ?? String(error));
      if (!this.pending.has(key)) this.pending.set(key, this.clock().getTime());
      return undefined;
    }
  }

  /**
   * See SheetHistory.record. Whatever the outcome the saved state is now the latest
   * revision's, so nothing is pending any more. After a failure the history is read again
   * from disk next time: what is in memory may no longer match the files.
   */
  private async recordParts(
    target: HistoryTarget,
    parts: SheetParts,
    fields: RecordFields,
    force: boolean,
  ): Promise<RevisionSummary | null> {
    const key = targetKey(target);
    const history = await this.history(target);
    const { authorName } = await this.preferences.author();
    try {
      const summary = await history.record(
        parts,
        { ...fields, author: authorName, at: fields.at ?? this.clock().toISOString() },
        force,
      );
      this.pending.delete(key);
      this.unrecorded.delete(key);
      return summary;
    } catch (error) {
      this.loaded.delete(key);
      throw ioFailure(error, 'enregistrer', targetFolder(target));
    }
  }
}

const services = new WeakMap<RepositoryContext, HistoryService>();

/** Sets the options of a repository's history; called when the repository opens. */
export function attachHistory(context: RepositoryContext, options: HistoryOptions = {}): HistoryService {
  const service = new HistoryService(context, options);
  services.set(context, service);
  return service;
}

export function historyOf(context: RepositoryContext): HistoryService {
  return services.get(context) ?? attachHistory(context);
}

/** The service if the repository's history was used at all (nothing to do at close otherwise). */
export function existingHistoryOf(context: RepositoryContext): HistoryService | undefined {
  return services.get(context);
}
