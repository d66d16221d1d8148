import { mergeSheetFiles, mergeFamilyFiles } from '../../../shared/merge/files.js';
import { mergeJson } from '../../../shared/merge/json.js';
import type { ConflictLabels } from '../../../shared/merge/conflicts.js';
import { layoutSchema } from '../../../shared/model/layout.js';
import { repositoryFileSchema } from '../../../shared/model/repository.js';
import { familyFileSchema, sheetFileSchema, type Conflict } from '../../../shared/model/sheet.js';
import { sheetTemplateSchema } from '../../../shared/model/template.js';
import type { z } from 'zod';
import { fr } from '../french.js';
import { LAYOUT_FILE, REPOSITORY_FILE, TEMPLATE_FILE } from '../repository/layout.js';
import { migrate, type FileKind } from '../storage/migrations.js';

/**
 * The merge driver: how one file changed on both sides is merged, by what it is.
 * - sheets/<id>.json and families/<id>.json: by meaning (shared/merge), a real conflict
 *   kept in the sheet's `conflicts`, never a marker in the JSON;
 * - repository.json, template.json, layout.json: field by field (variables added on both
 *   sides both kept); a field changed on both sides keeps ours, and the report says so;
 * - history logs (append-only): the union of their lines, ours first; each copy writes
 *   its own files, so this only happens if two copies ever shared a writer id;
 * - assets are named by their content: two versions of one name cannot differ;
 * - anything else keeps ours, reported: Fiches writes nothing else, and never a marker.
 * Whatever cannot be read as what it should be (a damaged file) is not merged: the version
 * that can be read is kept, the other stays in the shared history, and the report says so.
 */
export interface FileMerge {
  bytes: Buffer;
  /** The conflicts this merge found in a sheet or a family. */
  conflicts: Conflict[];
  /** What the user should know, in French. */
  notes: string[];
}

export const SHEET_PATH = /^sheets\/([a-z0-9-]+)\.json$/;
export const FAMILY_PATH = /^families\/([a-z0-9-]+)\.json$/;
const LOG_PATH = /^history\/[^/]+\/[^/]+\.jsonl$/;
const ASSET_PATH = /^assets\//;

const jsonBytes = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

function parsed<S extends z.ZodType>(
  bytes: Buffer | undefined,
  kind: FileKind | undefined,
  schema: S,
  path: string,
): z.output<S> | undefined {
  if (!bytes) return undefined;
  try {
    const data: unknown = JSON.parse(bytes.toString('utf8'));
    const result = schema.safeParse(kind ? migrate(kind, data, path) : data);
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

function keepReadable(
  path: string,
  ours: Buffer,
  theirs: Buffer,
  oursOk: boolean,
  theirsOk: boolean,
  labels: ConflictLabels,
): FileMerge {
  const bytes = oursOk || !theirsOk ? ours : theirs;
  const kept = bytes === ours ? 'votre version' : fr`la version de ${labels.theirAuthor}`;
  return {
    bytes,
    conflicts: [],
    notes: [
      fr`${path} ne peut pas être fusionné (une des deux versions est illisible) : ${kept} est gardée, l’autre reste dans l’historique partagé.`,
    ],
  };
}

function mergeDocumentFile(
  path: string,
  kind: 'sheet' | 'family',
  base: Buffer | undefined,
  ours: Buffer,
  theirs: Buffer,
  labels: ConflictLabels,
): FileMerge {
  if (kind === 'sheet') {
    const [b, o, t] = [base, ours, theirs].map((bytes) => parsed(bytes, 'sheet', sheetFileSchema, path));
    if (!o || !t) return keepReadable(path, ours, theirs, o !== undefined, t !== undefined, labels);
    const merged = mergeSheetFiles(b ?? null, o, t, labels);
    return { bytes: jsonBytes(merged.file), conflicts: merged.conflicts, notes: [] };
  }
  const [b, o, t] = [base, ours, theirs].map((bytes) => parsed(bytes, 'family', familyFileSchema, path));
  if (!o || !t) return keepReadable(path, ours, theirs, o !== undefined, t !== undefined, labels);
  const merged = mergeFamilyFiles(b ?? null, o, t, labels);
  return { bytes: jsonBytes(merged.file), conflicts: merged.conflicts, notes: [] };
}

const settingsFiles: Record<string, { kind?: FileKind; schema: z.ZodType }> = {
  [REPOSITORY_FILE]: { kind: 'repository', schema: repositoryFileSchema },
  [TEMPLATE_FILE]: { kind: 'template', schema: sheetTemplateSchema },
  [LAYOUT_FILE]: { schema: layoutSchema },
};

const shown = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
};

/** Field by field on the JSON as written (fields our schema does not name are kept too). */
function mergeSettingsFile(
  path: string,
  base: Buffer | undefined,
  ours: Buffer,
  theirs: Buffer,
  labels: ConflictLabels,
): FileMerge {
  const { kind, schema } = settingsFiles[path] as { kind?: FileKind; schema: z.ZodType };
  const raw = (bytes: Buffer | undefined) => {
    if (!bytes || parsed(bytes, kind, schema, path) === undefined) return undefined;
    const data: unknown = JSON.parse(bytes.toString('utf8'));
    return kind ? migrate(kind, data, path) : data;
  };
  const [b, o, t] = [raw(base), raw(ours), raw(theirs)];
  if (o === undefined || t === undefined)
    return keepReadable(path, ours, theirs, o !== undefined, t !== undefined, labels);
  const merged = mergeJson(b, o, t);
  if (!schema.safeParse(merged.value).success) {
    return {
      bytes: ours,
      conflicts: [],
      notes: [
        fr`${path} a été changé des deux côtés d’une façon qui ne se combine pas : votre version est gardée, celle de ${labels.theirAuthor} reste dans l’historique partagé.`,
      ],
    };
  }
  const notes = merged.conflicts.map(
    (conflict) =>
      fr`${path} : « ${conflict.path} » a été changé des deux côtés ; votre valeur (${shown(conflict.ours)}) est gardée, celle de ${labels.theirAuthor} était ${shown(conflict.theirs)}.`,
  );
  return { bytes: jsonBytes(merged.value), conflicts: [], notes };
}

/** Every line of both, ours first, each once. */
function unionOfLines(ours: Buffer, theirs: Buffer): Buffer {
  const lines = (bytes: Buffer) =>
    bytes
      .toString('utf8')
      .split('\n')
      .filter((line) => line !== '');
  const kept = lines(ours);
  const seen = new Set(kept);
  for (const line of lines(theirs)) if (!seen.has(line)) kept.push(line);
  return Buffer.from(kept.map((line) => `${line}\n`).join(''), 'utf8');
}

export function mergeFileContents(
  path: string,
  base: Buffer | undefined,
  ours: Buffer,
  theirs: Buffer,
  labels: ConflictLabels,
): FileMerge {
  if (SHEET_PATH.test(path)) return mergeDocumentFile(path, 'sheet', base, ours, theirs, labels);
  if (FAMILY_PATH.test(path)) return mergeDocumentFile(path, 'family', base, ours, theirs, labels);
  if (path in settingsFiles) return mergeSettingsFile(path, base, ours, theirs, labels);
  if (LOG_PATH.test(path)) return { bytes: unionOfLines(ours, theirs), conflicts: [], notes: [] };
  if (ASSET_PATH.test(path)) return { bytes: ours, conflicts: [], notes: [] };
  return {
    bytes: ours,
    conflicts: [],
    notes: [
      fr`${path} a été changé des deux côtés : votre version est gardée, celle de ${labels.theirAuthor} reste dans l’historique partagé.`,
    ],
  };
}
