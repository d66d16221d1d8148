import { canonicalJson } from '../history/canonical.js';
import type { PartValue, SheetParts } from '../history/parts.js';
import type { PartKey } from '../model/part-keys.js';
import type { Conflict } from '../model/sheet.js';
import type { PartConflict } from './parts.js';

/**
 * The conflicts a sheet carries, merged like everything else: an entry resolved on one
 * side (gone there, untouched on the other) is gone; one either side still has stays; the
 * conflicts of this merge are added. An entry is named by a hash of its part and its other
 * version, so the same conflict found on two machines is one entry, not two.
 */

/** FNV-1a, 64 bits as two 32-bit halves: an identity for deduplication, not a security hash. */
function fnv1a64(text: string): string {
  let high = 0xcbf29ce4;
  let low = 0x84222325;
  for (let index = 0; index < text.length; index += 1) {
    low ^= text.charCodeAt(index);
    // Multiply (high, low) by the FNV prime 0x100000001b3, modulo 2^64.
    const lowTimes = low * 0x1b3;
    const carry = Math.floor(lowTimes / 0x100000000);
    high = (Math.imul(high, 0x1b3) + Math.imul(low, 0x100) + carry) >>> 0;
    low = lowTimes >>> 0;
  }
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}

export function conflictId(part: PartKey, value: PartValue): string {
  return fnv1a64(`${part}\n${canonicalJson(value)}`);
}

export interface ConflictLabels {
  /** Who wrote our side (kept in the sheet) and the other side. */
  ourAuthor: string;
  theirAuthor: string;
  /** When the merge ran (ISO). */
  at: string;
}

export function conflictEntries(found: readonly PartConflict[], labels: ConflictLabels): Conflict[] {
  return found.map(({ part, other }) => ({
    id: conflictId(part, other),
    part,
    value: other as Conflict['value'],
    author: labels.theirAuthor,
    currentAuthor: labels.ourAuthor,
    at: labels.at,
  }));
}

/**
 * Base, ours and theirs' entries, plus those this merge found. Entries whose other version
 * is now the part's value (both sides resolved it the same way) or whose part is gone are
 * dropped: nothing is left to choose.
 */
export function mergeConflictLists(
  base: readonly Conflict[] | undefined,
  ours: readonly Conflict[] | undefined,
  theirs: readonly Conflict[] | undefined,
  found: readonly Conflict[],
  parts: SheetParts,
): Conflict[] {
  const ids = (list: readonly Conflict[] | undefined) => new Set((list ?? []).map((entry) => entry.id));
  const [inBase, inOurs, inTheirs] = [ids(base), ids(ours), ids(theirs)];
  const resolvedOnOneSide = (id: string) => inBase.has(id) && (!inOurs.has(id) || !inTheirs.has(id));
  const kept = new Map<string, Conflict>();
  for (const entry of [...(ours ?? []), ...(theirs ?? []), ...found]) {
    if (kept.has(entry.id) || (resolvedOnOneSide(entry.id) && !found.some((f) => f.id === entry.id)))
      continue;
    const current = parts[entry.part];
    if (current === undefined || canonicalJson(current) === canonicalJson(entry.value)) continue;
    kept.set(entry.id, entry);
  }
  return [...kept.values()];
}
