import type { DocNode } from '../content/doc.js';
import type { PartValue, SheetMeta, SheetParts } from '../history/parts.js';
import { isDocPartKey, META_KEY, REVIEW_KEY, titleKey, type PartKey } from '../model/part-keys.js';
import { emptyReview, isReviewEmpty, type Review } from '../model/review.js';
import { mergeReviews } from './review.js';
import { mergeDocs, mergeMeta, mergeScalar, same, type Merged } from './values.js';

/**
 * The three-way merge of a sheet (or of a family's shared content) as the history sees it:
 * a flat map of parts (shared/history/parts.ts), each merged on its own by its kind. A part
 * only one side has: added there, kept; removed on one side and left alone on the other,
 * gone; removed on one side and edited on the other, the edit wins. The review (comment
 * threads) merges last, thread by thread, and never conflicts (review.ts).
 */
export interface PartConflict {
  part: PartKey;
  /** The other side's version; the merged parts hold ours. */
  other: PartValue;
}

export interface MergedParts {
  parts: SheetParts;
  conflicts: PartConflict[];
}

export function mergePart(
  key: PartKey,
  base: PartValue | undefined,
  ours: PartValue,
  theirs: PartValue,
): Merged<PartValue> {
  if (key === META_KEY)
    return mergeMeta(base as SheetMeta | undefined, ours as SheetMeta, theirs as SheetMeta);
  if (isDocPartKey(key)) return mergeDocs(base as DocNode | undefined, ours as DocNode, theirs as DocNode);
  return mergeScalar(base, ours, theirs);
}

export function mergeParts(base: SheetParts, ours: SheetParts, theirs: SheetParts): MergedParts {
  const parts: SheetParts = {};
  const conflicts: PartConflict[] = [];
  const keys = new Set([...Object.keys(ours), ...Object.keys(theirs)]);
  keys.delete(REVIEW_KEY);
  for (const key of keys) {
    const [b, o, t] = [base[key], ours[key], theirs[key]];
    if (o !== undefined && t !== undefined) {
      const merged = mergePart(key, b, o, t);
      parts[key] = merged.value;
      if (merged.other !== undefined) conflicts.push({ part: key, other: merged.other });
      continue;
    }
    const present = (o ?? t) as PartValue;
    // Added by one side, or removed by the other which left it alone: keep it only if it is new or edited.
    if (b === undefined || !same(b, present)) parts[key] = present;
  }
  const review = mergeReviewPart(base, ours, theirs, parts);
  if (review) parts[REVIEW_KEY] = review;
  return { parts, conflicts };
}

/** The review part is absent while empty (history/parts.ts): an absent side is an empty review. */
function mergeReviewPart(
  base: SheetParts,
  ours: SheetParts,
  theirs: SheetParts,
  merged: SheetParts,
): Review | undefined {
  if (ours[REVIEW_KEY] === undefined && theirs[REVIEW_KEY] === undefined) return undefined;
  const reviewOf = (parts: SheetParts) => (parts[REVIEW_KEY] as Review | undefined) ?? emptyReview();
  const title = (parts: SheetParts, hypothesis: string) =>
    (parts[titleKey(hypothesis)] as string | undefined) ?? '';
  const review = mergeReviews(reviewOf(base), reviewOf(ours), reviewOf(theirs), {
    titleOf: (hypothesis) => ({
      ours: title(ours, hypothesis),
      theirs: title(theirs, hypothesis),
      merged: title(merged, hypothesis),
    }),
  });
  return isReviewEmpty(review) ? undefined : review;
}
