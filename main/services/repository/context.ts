import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { repositoryFileSchema, type RepositoryFile } from '../../../shared/model/repository.js';
import { sheetTemplateSchema, type SheetTemplate } from '../../../shared/model/template.js';
import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';
import { KeyedQueue } from '../serial-queue.js';
import { ioFailure } from '../storage/io-errors.js';
import { InvalidFileError, loadJsonWithRaw, type Loaded, type LoadSpec } from '../storage/json-store.js';
import { sameStamp, stampOf, type FileStamp } from '../storage/stamp.js';
import { REPOSITORY_FILE, TEMPLATE_FILE, type RepositoryLayout } from './layout.js';

/**
 * A file read often and changed rarely: re-read only when its stamp changes, so a hand
 * edit made while the app runs is seen, and a damaged one is reported, never rewritten.
 */
class WatchedFile<S extends z.ZodType> {
  private cached: { stamp: FileStamp; loaded: Loaded<z.output<S>> } | undefined;

  constructor(
    private readonly path: string,
    private readonly display: string,
    private readonly spec: LoadSpec<S>,
    private readonly failure: (reason: string, missing: boolean) => AppFailure,
  ) {}

  async get(): Promise<Loaded<z.output<S>>> {
    let stamp: FileStamp | null;
    try {
      stamp = await stampOf(this.path);
    } catch (error) {
      throw ioFailure(error, 'lire', this.display);
    }
    if (stamp === null) throw this.failure(fr`${this.display} est absent du dépôt.`, true);
    if (this.cached && sameStamp(this.cached.stamp, stamp)) return this.cached.loaded;
    let loaded: Loaded<z.output<S>> | null;
    try {
      loaded = await loadJsonWithRaw(this.path, this.display, this.spec);
    } catch (error) {
      if (error instanceof InvalidFileError) throw this.failure(error.reason, false);
      throw error;
    }
    if (loaded === null) throw this.failure(fr`${this.display} est absent du dépôt.`, true);
    this.cached = { stamp, loaded };
    return loaded;
  }
}

/**
 * How a repository is open: to write (the one instance holding its lock), or only to read
 * (beside the instance that holds it: exports, listings), when nothing at all is written,
 * not even a damaged file set aside, a cache or a history's repair.
 */
export type RepositoryAccess = 'write' | 'read';

/** What every handler of one open repository shares. */
export class RepositoryContext {
  readonly queue = new KeyedQueue();
  private readonly repositoryFile: WatchedFile<typeof repositoryFileSchema>;
  private readonly templateFile: WatchedFile<typeof sheetTemplateSchema>;
  private templateKey: { template: SheetTemplate; key: string } | undefined;

  constructor(
    readonly layout: RepositoryLayout,
    readonly access: RepositoryAccess = 'write',
  ) {
    this.repositoryFile = new WatchedFile(
      layout.repositoryFile,
      REPOSITORY_FILE,
      { kind: 'repository', schema: repositoryFileSchema },
      (reason, missing) =>
        new AppFailure(
          missing ? 'not-a-repository' : 'damaged',
          missing
            ? reason
            : fr`Le dépôt ne peut pas être ouvert : ${reason}. Corrigez ce fichier (ou restaurez-en une copie) ; Fiches ne le modifie pas tant qu’il est invalide.`,
          { file: REPOSITORY_FILE, reason },
        ),
    );
    this.templateFile = new WatchedFile(
      layout.templateFile,
      TEMPLATE_FILE,
      { kind: 'template', schema: sheetTemplateSchema },
      (reason) =>
        new AppFailure(
          'invalid-template',
          fr`Le modèle de fiche du dépôt est invalide : ${reason}. Corrigez ce fichier (ou remplacez-le par le modèle fourni avec Fiches) ; Fiches ne le modifie pas.`,
          { file: TEMPLATE_FILE, reason },
        ),
    );
  }

  async repository(): Promise<RepositoryFile> {
    return (await this.repositoryFile.get()).value;
  }

  /** A copy of repository.json as written, with the fields our schema does not name, to edit and save. */
  async repositoryJson(): Promise<{ value: RepositoryFile; json: unknown }> {
    const { value, raw } = await this.repositoryFile.get();
    return { value, json: structuredClone(raw) };
  }

  async template(): Promise<SheetTemplate> {
    return (await this.templateFile.get()).value;
  }

  /** Identifies the template's content: cached summaries computed against another template are stale. */
  async templateFingerprint(): Promise<string> {
    const template = await this.template();
    if (this.templateKey?.template !== template) {
      const key = createHash('sha256').update(JSON.stringify(template)).digest('hex').slice(0, 16);
      this.templateKey = { template, key };
    }
    return this.templateKey.key;
  }
}
