import { emptyDoc, type DocNode } from '../content/doc.js';
import { partsOfFamily, partsOfSheet, sheetOfParts, withFamilyParts } from '../history/parts.js';
import { NOTE_KEY } from '../model/part-keys.js';
import { emptyReview } from '../model/review.js';
import {
  FAMILY_FILE_SCHEMA_VERSION,
  SHEET_SCHEMA_VERSION,
  type Conflict,
  type FamilyFile,
  type SheetFile,
} from '../model/sheet.js';
import { conflictEntries, mergeConflictLists, type ConflictLabels } from './conflicts.js';
import { mergeParts } from './parts.js';

/**
 * The merge by meaning of sheets/<id>.json and families/<id>.json: per section, per
 * scenario title and angle, per field of the metadata, and inside each document per block
 * (see parts.ts, values.ts, sequence.ts). Pure: the sync engine (main/services/sync) reads
 * the three versions, calls this, and writes the result. A real conflict keeps our version
 * in place and the other in `conflicts`, never a marker in the content.
 */
export interface FileMerge<F> {
  file: F;
  /** The conflicts this merge found (already in `file.conflicts`). */
  conflicts: Conflict[];
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/** `base` is null when both sides created the sheet (no common version). */
export function mergeSheetFiles(
  base: SheetFile | null,
  ours: SheetFile,
  theirs: SheetFile,
  labels: ConflictLabels,
): FileMerge<SheetFile> {
  const { parts, conflicts: found } = mergeParts(
    base ? partsOfSheet(base) : {},
    partsOfSheet(ours),
    partsOfSheet(theirs),
  );
  const conflicts = conflictEntries(found, labels);
  const all = mergeConflictLists(base?.conflicts, ours.conflicts, theirs.conflicts, conflicts, parts);
  const sheet: SheetFile = {
    ...sheetOfParts(
      ours.id,
      earlier(ours.createdAt, theirs.createdAt),
      later(ours.updatedAt, theirs.updatedAt),
      parts,
    ),
    schemaVersion: SHEET_SCHEMA_VERSION,
    ...(all.length > 0 ? { conflicts: all } : {}),
  };
  return { file: sheet, conflicts };
}

export function mergeFamilyFiles(
  base: FamilyFile | null,
  ours: FamilyFile,
  theirs: FamilyFile,
  labels: ConflictLabels,
): FileMerge<FamilyFile> {
  const { parts, conflicts: found } = mergeParts(
    base ? partsOfFamily(base) : {},
    partsOfFamily(ours),
    partsOfFamily(theirs),
  );
  const conflicts = conflictEntries(found, labels);
  const all = mergeConflictLists(base?.conflicts, ours.conflicts, theirs.conflicts, conflicts, parts);
  const skeleton: FamilyFile = {
    schemaVersion: FAMILY_FILE_SCHEMA_VERSION,
    familyId: ours.familyId,
    note: (parts[NOTE_KEY] as DocNode | undefined) ?? emptyDoc(),
    scenarios: {},
    review: emptyReview(),
  };
  const family = withFamilyParts(skeleton, parts);
  return { file: { ...family, ...(all.length > 0 ? { conflicts: all } : {}) }, conflicts };
}
