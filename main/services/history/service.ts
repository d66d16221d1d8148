import type { RevisionSummary } from '../../../shared/model/history.js';
import type { SheetFile } from '../../../shared/model/sheet.js';
import type { RepositoryContext } from '../repository/context.js';
import { HISTORY_DIR } from '../repository/layout.js';
import { ioFailure } from '../storage/io-errors.js';
import { Preferences } from './preferences.js';
import { SheetHistory, type RevisionFields } from './sheet-history.js';

/**
 * The history side of one open repository: each sheet's history loaded once, the sheets
 * saved since their latest revision (for the recording policy), the clock, the author.
 * Attached to the repository's context rather than stored in it, so the repository's own
 * services need not know about history.
 */
export interface HistoryOptions {
  /** The policy's clock; tests move it instead of waiting minutes. */
  now?: () => Date;
  /** preferences.json; the application's data folder by default. */
  preferencesFile?: string;
}

export type RecordFields = Omit<RevisionFields, 'author' | 'at'> & { at?: string };

export class HistoryService {
  readonly preferences: Preferences;
  /** Sheets saved since their latest revision, with the time (ms) of the first such save. */
  readonly pending = new Map<string, number>();
  private readonly loaded = new Map<string, Promise<SheetHistory>>();
  private readonly clock: () => Date;

  constructor(
    private readonly context: RepositoryContext,
    options: HistoryOptions,
  ) {
    this.clock = options.now ?? (() => new Date());
    this.preferences = new Preferences(options.preferencesFile);
  }

  now(): Date {
    return this.clock();
  }

  /** The sheet's history, read from disk the first time only. */
  async sheet(id: string): Promise<SheetHistory> {
    let loading = this.loaded.get(id);
    if (!loading) {
      loading = SheetHistory.load(this.context.layout, id);
      this.loaded.set(id, loading);
      loading.catch(() => this.loaded.delete(id));
    }
    try {
      return await loading;
    } catch (error) {
      throw ioFailure(error, 'lire', `${HISTORY_DIR}/${id}`);
    }
  }

  /**
   * Records `sheet` (see SheetHistory.record). Whatever the outcome the saved state is now
   * the latest revision's, so nothing is pending any more. After a failure the history is
   * read again from disk next time: what is in memory may no longer match the files.
   */
  async record(sheet: SheetFile, fields: RecordFields, force: boolean): Promise<RevisionSummary | null> {
    const history = await this.sheet(sheet.id);
    const { authorName } = await this.preferences.author();
    try {
      const summary = await history.record(
        sheet,
        { ...fields, author: authorName, at: fields.at ?? this.clock().toISOString() },
        force,
      );
      this.pending.delete(sheet.id);
      return summary;
    } catch (error) {
      this.loaded.delete(sheet.id);
      throw ioFailure(error, 'enregistrer', `${HISTORY_DIR}/${sheet.id}`);
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
