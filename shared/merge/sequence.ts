import { diffArrays } from 'diff';

/**
 * Three-way merge of two sequences edited from a common base (the blocks of a section, the
 * variables of a family, the authors of a sheet). Each side's changes against the base come
 * from the `diff` library's two-way diff, as hunks: a range of the base replaced by some
 * items. Hunks of the two sides that do not overlap both apply; overlapping hunks that make
 * the same change apply once; only overlapping hunks that differ are a conflict, given back
 * with both sides' version of the region for the caller to keep both.
 *
 * Why not diff3 as git or node-diff3 do it: they also count as a conflict two changes that
 * merely touch (a paragraph edited by one author, the next one by the other), which is the
 * common case of two people writing one section. Here, hunks conflict only when they share
 * a base item, or one inserts strictly inside what the other replaces; an insertion next to
 * a replaced range goes before or after it, and two insertions at the same place are both
 * kept (nothing was changed twice).
 */

interface Hunk<T> {
  /** The base range [start, end) the hunk replaces (empty for an insertion). */
  start: number;
  end: number;
  items: T[];
}

export type Segment<T> = { kind: 'ok'; items: T[] } | { kind: 'conflict'; base: T[]; ours: T[]; theirs: T[] };

function hunksOf<T>(base: readonly string[], side: readonly string[], items: readonly T[]): Hunk<T>[] {
  const hunks: Hunk<T>[] = [];
  let basePos = 0;
  let sidePos = 0;
  let open: Hunk<T> | undefined;
  for (const change of diffArrays(base as string[], side as string[])) {
    const count = change.count ?? change.value.length;
    if (!change.added && !change.removed) {
      open = undefined;
      basePos += count;
      sidePos += count;
      continue;
    }
    if (!open) {
      open = { start: basePos, end: basePos, items: [] };
      hunks.push(open);
    }
    if (change.removed) {
      basePos += count;
      open.end = basePos;
    } else {
      open.items.push(...items.slice(sidePos, sidePos + count));
      sidePos += count;
    }
  }
  return hunks.flatMap(splitOneForOne);
}

/**
 * A hunk replacing n items by n others is n edits of one item each (the diff joins
 * consecutive edited paragraphs into one hunk): split, so an edit of the first of two
 * neighbouring paragraphs does not conflict with the other side's edit of the second.
 */
function splitOneForOne<T>(hunk: Hunk<T>): Hunk<T>[] {
  if (hunk.end - hunk.start !== hunk.items.length || hunk.items.length < 2) return [hunk];
  return hunk.items.map((item, index) => ({
    start: hunk.start + index,
    end: hunk.start + index + 1,
    items: [item],
  }));
}

/** Whether two hunks touch the same part of the base (see the rule above). */
function overlaps<T>(a: Hunk<T>, b: Hunk<T>): boolean {
  const aInsert = a.start === a.end;
  const bInsert = b.start === b.end;
  if (aInsert && bInsert) return a.start === b.start;
  if (aInsert) return b.start < a.start && a.start < b.end;
  if (bInsert) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** Hunk order along the base: by start, an insertion before a range starting at the same place. */
function before<T>(a: Hunk<T>, b: Hunk<T>): boolean {
  if (a.start !== b.start) return a.start < b.start;
  return a.start === a.end && b.start !== b.end;
}

/** The region's items as one side leaves them: the base with that side's hunks applied. */
function applyIn<T>(base: readonly T[], start: number, end: number, hunks: readonly Hunk<T>[]): T[] {
  const out: T[] = [];
  let pos = start;
  for (const hunk of hunks) {
    out.push(...base.slice(pos, hunk.start), ...hunk.items);
    pos = hunk.end;
  }
  out.push(...base.slice(pos, end));
  return out;
}

const sameKeys = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((key, index) => key === b[index]);

/**
 * Merges `ours` and `theirs`, both edited from `base`. Items are compared by `keyOf` (for
 * blocks, their canonical JSON: equal keys, equal content). Consecutive `ok` segments are
 * joined; a result without conflict is one `ok` segment (or none for an empty sequence).
 */
export function mergeSequences<T>(
  base: readonly T[],
  ours: readonly T[],
  theirs: readonly T[],
  keyOf: (item: T) => string,
): Segment<T>[] {
  const baseKeys = base.map(keyOf);
  const ourHunks = hunksOf(baseKeys, ours.map(keyOf), ours);
  const theirHunks = hunksOf(baseKeys, theirs.map(keyOf), theirs);
  const segments: Segment<T>[] = [];
  const emit = (items: T[]) => {
    if (items.length === 0) return;
    const last = segments[segments.length - 1];
    if (last?.kind === 'ok') last.items.push(...items);
    else segments.push({ kind: 'ok', items: [...items] });
  };
  let pos = 0;
  let i = 0;
  let j = 0;
  while (i < ourHunks.length || j < theirHunks.length) {
    const a = ourHunks[i];
    const b = theirHunks[j];
    const takeOurs = b === undefined || (a !== undefined && before(a, b));
    const first = (takeOurs ? a : b) as Hunk<T>;
    // The region grows while a hunk of either side overlaps what it covers so far.
    const region = { start: first.start, end: first.end, ours: [] as Hunk<T>[], theirs: [] as Hunk<T>[] };
    (takeOurs ? region.ours : region.theirs).push(first);
    if (takeOurs) i += 1;
    else j += 1;
    for (let grew = true; grew;) {
      grew = false;
      const probe: Hunk<T> = { start: region.start, end: region.end, items: [] };
      const nextOurs = ourHunks[i];
      if (nextOurs && overlaps(nextOurs, probe)) {
        region.ours.push(nextOurs);
        region.end = Math.max(region.end, nextOurs.end);
        i += 1;
        grew = true;
      }
      const nextTheirs = theirHunks[j];
      if (nextTheirs && overlaps(nextTheirs, probe)) {
        region.theirs.push(nextTheirs);
        region.end = Math.max(region.end, nextTheirs.end);
        j += 1;
        grew = true;
      }
    }
    emit(base.slice(pos, region.start) as T[]);
    pos = region.end;
    if (region.theirs.length === 0) {
      emit(applyIn(base, region.start, region.end, region.ours));
      continue;
    }
    if (region.ours.length === 0) {
      emit(applyIn(base, region.start, region.end, region.theirs));
      continue;
    }
    const ourItems = applyIn(base, region.start, region.end, region.ours);
    const theirItems = applyIn(base, region.start, region.end, region.theirs);
    if (sameKeys(ourItems.map(keyOf), theirItems.map(keyOf))) {
      // Both sides made the same change: no conflict.
      emit(ourItems);
      continue;
    }
    if (region.start === region.end) {
      // Both sides only added at the same place (a paragraph each at the end of a section):
      // nothing was changed twice, both additions stay, ours first.
      emit([...ourItems, ...theirItems]);
      continue;
    }
    segments.push({
      kind: 'conflict',
      base: base.slice(region.start, region.end) as T[],
      ours: ourItems,
      theirs: theirItems,
    });
  }
  emit(base.slice(pos) as T[]);
  return segments;
}

/** The items of a merge, taking one side's version of every conflict. */
export function resolvedItems<T>(segments: readonly Segment<T>[], side: 'ours' | 'theirs'): T[] {
  return segments.flatMap((segment) => (segment.kind === 'ok' ? segment.items : segment[side]));
}

export function hasConflict<T>(segments: readonly Segment<T>[]): boolean {
  return segments.some((segment) => segment.kind === 'conflict');
}
