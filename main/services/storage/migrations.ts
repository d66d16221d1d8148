import { REPOSITORY_SCHEMA_VERSION } from '../../../shared/model/repository.js';
import { emptyReview } from '../../../shared/model/review.js';
import { FAMILY_FILE_SCHEMA_VERSION, SHEET_SCHEMA_VERSION } from '../../../shared/model/sheet.js';
import { TEMPLATE_SCHEMA_VERSION } from '../../../shared/model/template.js';
import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';

export type FileKind = 'repository' | 'template' | 'sheet' | 'family';

type JsonObject = Record<string, unknown>;

/** Upgrades a file from format `n` to `n + 1`. Pure: the file on disk is rewritten only by a later save. */
type MigrationStep = (data: JsonObject) => JsonObject;

interface KindFormats {
  current: number;
  /** Keyed by the version the step upgrades from. */
  steps: Record<number, MigrationStep>;
}

/**
 * Sheets 2 → 3 and families 1 → 2 add the optional `conflicts` of a merge (sync).
 * Nothing to change in the data; the number is raised so that a Fiches older than sync,
 * which would drop the field it does not know on its next save (and with it the other
 * version of a conflict), refuses the file instead of losing words.
 */
const addsConflicts: MigrationStep = (data) => data;

/** Every format we read; a new version adds its step here. */
const formats: Record<FileKind, KindFormats> = {
  repository: { current: REPOSITORY_SCHEMA_VERSION, steps: {} },
  template: { current: TEMPLATE_SCHEMA_VERSION, steps: {} },
  sheet: {
    current: SHEET_SCHEMA_VERSION,
    steps: {
      // 1 → 2: the review joined the sheet; a sheet written before had none.
      1: (sheet) => ({ ...sheet, review: emptyReview() }),
      2: addsConflicts,
    },
  },
  family: {
    current: FAMILY_FILE_SCHEMA_VERSION,
    steps: {
      1: addsConflicts,
      // 2 → 3: the review of the shared micro-scenarios joined the family file; one written before had none.
      2: (family) => ({ ...family, review: emptyReview() }),
    },
  },
};

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Brings parsed JSON to the current format of its kind. Data without a usable
 * schemaVersion is returned as is, for the schema to report precisely. A newer format than
 * this version knows throws AppFailure('unsupported'): the file stays as it is, for the
 * newer version that wrote it.
 */
export function migrate(kind: FileKind, data: unknown, file: string): unknown {
  if (!isObject(data) || !Number.isInteger(data.schemaVersion)) return data;
  const { current, steps } = formats[kind];
  let version = data.schemaVersion as number;
  if (version > current) {
    throw new AppFailure(
      'unsupported',
      fr`${file} a été créé par une version plus récente de Fiches (format ${version} ; cette version lit le format ${current}) : mettez Fiches à jour pour l’ouvrir. Le fichier n’a pas été modifié.`,
      { file, version, supported: current },
    );
  }
  let migrated = data;
  while (version < current) {
    const step = steps[version];
    if (!step) {
      throw new AppFailure(
        'unsupported',
        fr`${file} est dans un format trop ancien (format ${version}) que cette version de Fiches ne sait plus lire.`,
        { file, version, supported: current },
      );
    }
    migrated = { ...step(migrated), schemaVersion: version + 1 };
    version += 1;
  }
  return migrated;
}
