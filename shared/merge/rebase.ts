import type { SheetParts } from '../history/parts.js';
import type { PartKey } from '../model/part-keys.js';
import { mergePart, type PartConflict } from './parts.js';
import { same } from './values.js';

/**
 * A save from an editor that was working on an older state of some parts: a sync brought a
 * colleague's change to them meanwhile. The editor sends, with each part, the value it
 * started from (its base); where the file's value is no longer that base, the part is
 * merged three ways (base, what the editor sent, what is in the file) instead of replaced,
 * so the save never undoes the colleague's words. A real conflict keeps the editor's
 * version in place and the file's in a conflict, as a sync does.
 */
export interface Rebased {
  /** The merged value of every part that needed it. */
  parts: SheetParts;
  conflicts: PartConflict[];
  /** Parts saved otherwise than sent, or now in conflict: the editor should read them again. */
  merged: PartKey[];
}

export function rebaseOnto(current: SheetParts, sent: SheetParts, bases: SheetParts): Rebased {
  const result: Rebased = { parts: {}, conflicts: [], merged: [] };
  for (const [key, base] of Object.entries(bases)) {
    const [inFile, mine] = [current[key], sent[key]];
    if (mine === undefined || inFile === undefined || same(base, inFile)) continue;
    const merged = mergePart(key, base, mine, inFile);
    result.parts[key] = merged.value;
    if (merged.other !== undefined) result.conflicts.push({ part: key, other: merged.other });
    if (!same(merged.value, mine) || merged.other !== undefined) result.merged.push(key);
  }
  return result;
}
