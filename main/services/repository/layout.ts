import { isAbsolute, relative, resolve, sep } from 'node:path';
import { assetIdSchema } from '../../../shared/content/assets.js';
import { idSchema } from '../../../shared/model/ids.js';
import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';

/** Names of the repository's files and folders, relative to its root. */
export const REPOSITORY_FILE = 'repository.json';
export const TEMPLATE_FILE = 'template.json';
/** The repository's own print layout; when absent, templates/layout.json (main/services/export/layout). */
export const LAYOUT_FILE = 'layout.json';
export const LOCK_FILE = '.fiches.lock';
/** Derivable cache of sheet summaries: deleting it loses nothing. */
export const INDEX_FILE = 'index.json';
export const SHEETS_DIR = 'sheets';
export const FAMILIES_DIR = 'families';
export const TRASH_DIR = 'trash';
export const DAMAGED_DIR = 'damaged';
/** assets/<sha256>.<ext>: images, named by their content, written once, never changed. */
export const ASSETS_DIR = 'assets';
/**
 * history/<sheet id>/: that sheet's revisions, append-only (main/services/history);
 * history/@family-<family id>/: the family's shared note and micro-scenarios. A sheet id
 * never starts with « @ », so the two never meet.
 */
export const HISTORY_DIR = 'history';
export const FAMILY_HISTORY_PREFIX = '@family-';
/** This copy's own state (history writer, sync settings): machine-local, never shared (sync's .gitignore). */
export const LOCAL_FILE = '.fiches-local.json';
/** Present once the repository is shared (main/services/sync): the folder is a git working tree. */
export const GIT_DIR = '.git';

/**
 * One copy of a shared repository appends its revisions to its own pair of history files
 * (`revisions-<writer>.jsonl`, `objects-<writer>.jsonl`), so git never has to merge a log.
 */
export const WRITER_PATTERN = /^[0-9a-f]{12}$/;
export type HistoryFileName = 'objects.jsonl' | 'revisions.jsonl';
/** The name of one writer's history file (or of the pair written before sharing). */
export const HISTORY_LOG_NAME = /^(?:revisions|objects)(?:-([0-9a-f]{12}))?\.jsonl$/;

/** `revisions.jsonl` (a repository never shared, and what it wrote before), or `revisions-<writer>.jsonl`. */
export function historyFileName(file: HistoryFileName, writer: string | null): string {
  if (writer === null) return file;
  if (!WRITER_PATTERN.test(writer)) {
    throw new AppFailure(
      'invalid-request',
      fr`Identifiant d’auteur de l’historique refusé « ${writer.slice(0, 40)} ».`,
    );
  }
  return file.replace('.jsonl', `-${writer}.jsonl`);
}

/** « 20250314t093000123z »: UTC, sortable, and made only of characters allowed in stored names. */
export function compactTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '').toLowerCase();
}

/** Trash and damaged file names are built by us from a timestamp and an id. */
const STORED_NAME = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*$/;
const STORED_NAME_MAX = 160;

/**
 * The one place that turns ids into paths. Every id is checked against the id pattern and
 * every resulting path is asserted to lie inside the repository folder, so no request can
 * name a file elsewhere, whatever slipped past the request schemas.
 */
export class RepositoryLayout {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  get repositoryFile(): string {
    return this.inside(REPOSITORY_FILE);
  }
  get templateFile(): string {
    return this.inside(TEMPLATE_FILE);
  }
  get layoutFile(): string {
    return this.inside(LAYOUT_FILE);
  }
  get lockFile(): string {
    return this.inside(LOCK_FILE);
  }
  get indexFile(): string {
    return this.inside(INDEX_FILE);
  }
  get sheetsDir(): string {
    return this.inside(SHEETS_DIR);
  }
  get familiesDir(): string {
    return this.inside(FAMILIES_DIR);
  }
  get trashDir(): string {
    return this.inside(TRASH_DIR);
  }
  get damagedDir(): string {
    return this.inside(DAMAGED_DIR);
  }
  get assetsDir(): string {
    return this.inside(ASSETS_DIR);
  }
  get localFile(): string {
    return this.inside(LOCAL_FILE);
  }
  get gitDir(): string {
    return this.inside(GIT_DIR);
  }
  get historyDir(): string {
    return this.inside(HISTORY_DIR);
  }

  sheetFile(id: string): string {
    return this.inside(SHEETS_DIR, `${checkedId(id)}.json`);
  }

  familyFile(id: string): string {
    return this.inside(FAMILIES_DIR, `${checkedId(id)}.json`);
  }

  /** Where the history of one sheet lives; `file` is one of its own fixed names, of one writer (see historyFileName). */
  historyFile(id: string, file: HistoryFileName, writer: string | null = null): string {
    return this.inside(HISTORY_DIR, checkedId(id), historyFileName(file, writer));
  }

  familyHistoryFile(familyId: string, file: HistoryFileName, writer: string | null = null): string {
    return this.inside(
      HISTORY_DIR,
      `${FAMILY_HISTORY_PREFIX}${checkedId(familyId)}`,
      historyFileName(file, writer),
    );
  }

  assetFile(assetId: string): string {
    const parsed = assetIdSchema.safeParse(assetId);
    if (!parsed.success) {
      throw new AppFailure(
        'invalid-request',
        fr`Image refusée « ${String(assetId).slice(0, 100)} » : nom d’image invalide.`,
      );
    }
    return this.inside(ASSETS_DIR, parsed.data);
  }

  /** `name` without extension, e.g. a trash id. */
  trashFile(name: string): string {
    return this.inside(TRASH_DIR, `${checkedStoredName(name)}.json`);
  }

  /** `name` with its extension(s), e.g. "big-data.20250101t120000000z.json". */
  damagedFile(name: string): string {
    const base = name.replace(/\.json$/, '');
    return this.inside(DAMAGED_DIR, `${checkedStoredName(base)}.json`);
  }

  /**
   * Where the torn tail cut off a history file is kept:
   * damaged/history/<sheet id or @family-<id>>/<file>.<name>.tail.
   */
  damagedHistoryTail(historyFolder: string, file: string, name: string): string {
    if (!HISTORY_LOG_NAME.test(file))
      throw new AppFailure('invalid-request', fr`Fichier d’historique refusé « ${file.slice(0, 60)} ».`);
    const folder = historyFolder.startsWith(FAMILY_HISTORY_PREFIX)
      ? `${FAMILY_HISTORY_PREFIX}${checkedId(historyFolder.slice(FAMILY_HISTORY_PREFIX.length))}`
      : checkedId(historyFolder);
    return this.inside(DAMAGED_DIR, HISTORY_DIR, folder, `${file}.${checkedStoredName(name)}.tail`);
  }

  /** The path shown to users and stored in reasons: relative, with forward slashes. */
  display(absolute: string): string {
    return relative(this.root, absolute).split(sep).join('/');
  }

  private inside(...parts: string[]): string {
    const path = resolve(this.root, ...parts);
    const rel = relative(this.root, path);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
      throw new AppFailure('invalid-request', fr`Chemin refusé : « ${parts.join('/')} » sort du dépôt.`);
    }
    return path;
  }
}

function checkedId(id: string): string {
  const parsed = idSchema.safeParse(id);
  if (!parsed.success) {
    throw new AppFailure(
      'invalid-request',
      fr`Identifiant refusé « ${String(id).slice(0, 100)} » : ${parsed.error.issues[0]?.message ?? 'invalide'}`,
      { id: String(id).slice(0, 100) },
    );
  }
  return parsed.data;
}

function checkedStoredName(name: string): string {
  if (name.length > STORED_NAME_MAX || !STORED_NAME.test(name)) {
    throw new AppFailure('invalid-request', fr`Nom de fichier refusé « ${String(name).slice(0, 100)} ».`);
  }
  return name;
}
