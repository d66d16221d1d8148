import type { PatchBase } from '../../../shared/api/contract.js';
import type { SheetParts } from '../../../shared/history/parts.js';
import { conflictEntries, mergeConflictLists } from '../../../shared/merge/conflicts.js';
import { rebaseOnto } from '../../../shared/merge/rebase.js';
import { angleKey, NOTE_KEY, sectionKey, titleKey, type PartKey } from '../../../shared/model/part-keys.js';
import type { Conflict } from '../../../shared/model/sheet.js';
import { historyOf } from '../history/service.js';
import type { RepositoryContext } from '../repository/context.js';

/**
 * A save whose editor started from parts a sync has changed since (shared/merge/rebase.ts):
 * those parts are merged rather than replaced, and a real conflict is kept as a sync keeps
 * one. Used by sheets:update and families:update.
 */
export function basePartsOf(base: PatchBase | undefined): SheetParts {
  const parts: SheetParts = {};
  if (!base) return parts;
  for (const [id, doc] of Object.entries(base.sections ?? {})) parts[sectionKey(id)] = doc;
  for (const [hypothesis, scenario] of Object.entries(base.scenarios ?? {})) {
    if (scenario.title !== undefined) parts[titleKey(hypothesis)] = scenario.title;
    for (const [angle, doc] of Object.entries(scenario.angles ?? {}))
      parts[angleKey(hypothesis, angle)] = doc;
  }
  if (base.note) parts[NOTE_KEY] = base.note;
  return parts;
}

export interface RebasedSave {
  /** The parts to write instead of what the editor sent. */
  parts: SheetParts;
  conflicts: Conflict[] | undefined;
  merged: PartKey[];
}

export async function rebaseSave(
  context: RepositoryContext,
  before: SheetParts,
  sent: SheetParts,
  base: PatchBase | undefined,
  existing: readonly Conflict[] | undefined,
): Promise<RebasedSave | undefined> {
  const bases = basePartsOf(base);
  if (Object.keys(bases).length === 0) return undefined;
  const rebased = rebaseOnto(before, sent, bases);
  if (rebased.merged.length === 0) return undefined;
  const { authorName } = await historyOf(context).preferences.author();
  const found = conflictEntries(rebased.conflicts, {
    ourAuthor: authorName,
    theirAuthor: 'la dernière synchronisation',
    at: new Date().toISOString(),
  });
  const parts = { ...sent, ...rebased.parts };
  const conflicts = mergeConflictLists(existing, existing, existing, found, parts);
  return {
    parts: rebased.parts,
    conflicts: conflicts.length > 0 ? conflicts : undefined,
    merged: rebased.merged,
  };
}
