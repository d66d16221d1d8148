import type { CommentReply, CommentThread, Review, TitleMark } from '../model/review.js';
import { same } from './values.js';

/**
 * The three-way merge of a sheet's review (model/review.ts), which never conflicts: two
 * colleagues who commented the same sheet offline both keep their threads. Threads merge
 * by id; inside a thread, replies are a union in time order and each field merges on its
 * own (its text with its editedAt, its quote, its resolved state). A thread or a reply
 * deleted on one side and edited on the other stays, with the edit (as for sheets). Where
 * both sides changed the same field differently, the later edit of a text is kept (the
 * other stays in its writer's history), a thread resolved on one side and reopened on the
 * other is open (nothing hidden), and two resolutions keep the earlier.
 */

type Texted = Pick<CommentThread, 'text' | 'editedAt'>;

/** A comment's (or a reply's) text with its editedAt, as one field. */
function mergeText<T extends Texted>(base: T | undefined, ours: T, theirs: T): Texted {
  const pick = (side: T): Texted => ({
    text: side.text,
    ...(side.editedAt ? { editedAt: side.editedAt } : {}),
  });
  if (ours.text === theirs.text)
    return pick((ours.editedAt ?? '') >= (theirs.editedAt ?? '') ? ours : theirs);
  if (base && ours.text === base.text) return pick(theirs);
  if (base && theirs.text === base.text) return pick(ours);
  return pick((theirs.editedAt ?? '') > (ours.editedAt ?? '') ? theirs : ours);
}

function mergeResolved(
  base: CommentThread['resolved'],
  ours: CommentThread['resolved'],
  theirs: CommentThread['resolved'],
): CommentThread['resolved'] {
  if (same(ours, theirs) || same(base, theirs)) return ours;
  if (same(base, ours)) return theirs;
  if (ours && theirs) return ours.at <= theirs.at ? ours : theirs;
  return undefined;
}

/** Keyed entries merged one by one: `merge` for those both sides have, the edit over a deletion. */
function mergeById<T extends { id: string }>(
  base: readonly T[],
  ours: readonly T[],
  theirs: readonly T[],
  merge: (base: T | undefined, ours: T, theirs: T) => T,
): T[] {
  const byId = (items: readonly T[]) => new Map(items.map((item) => [item.id, item]));
  const [b, o, t] = [byId(base), byId(ours), byId(theirs)];
  const merged: T[] = [];
  for (const id of new Set([...o.keys(), ...t.keys()])) {
    const [before, mine, yours] = [b.get(id), o.get(id), t.get(id)];
    if (mine && yours) merged.push(merge(before, mine, yours));
    else {
      const present = (mine ?? yours) as T;
      // New on one side, or deleted on the other but edited here: kept.
      if (before === undefined || !same(before, present)) merged.push(present);
    }
  }
  return merged;
}

function mergeReply(base: CommentReply | undefined, ours: CommentReply, theirs: CommentReply): CommentReply {
  const { editedAt: _edited, ...rest } = ours;
  return { ...rest, ...mergeText(base, ours, theirs) };
}

/** One thread both sides have (also used by a save whose editor missed a sync's change: main/services/review/review-patch.ts). */
export function mergeThread(
  base: CommentThread | undefined,
  ours: CommentThread,
  theirs: CommentThread,
): CommentThread {
  const replies = mergeById(base?.replies ?? [], ours.replies, theirs.replies, mergeReply).sort(
    (a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id),
  );
  const quote =
    ours.quote === theirs.quote || base?.quote === theirs.quote
      ? ours.quote
      : base?.quote === ours.quote
        ? theirs.quote
        : ours.quote;
  const resolved = mergeResolved(base?.resolved, ours.resolved, theirs.resolved);
  const { editedAt: _edited, resolved: _resolved, ...identity } = ours;
  return {
    ...identity,
    ...mergeText(base, ours, theirs),
    quote,
    replies,
    ...(resolved ? { resolved } : {}),
  };
}

/**
 * A title's marks are offsets into its text: they follow the title the merge kept. When
 * both sides kept the same title, marks added on either side are kept and those removed on
 * one side (unchanged on the other) go. Also used by a save whose editor missed a sync's
 * change to them (main/services/review/review-patch.ts).
 */
export function mergeTitleMarks(
  base: readonly TitleMark[],
  ours: readonly TitleMark[],
  theirs: readonly TitleMark[],
  titles: { ours: string; theirs: string; merged: string },
): TitleMark[] {
  if (titles.merged !== titles.ours) return [...theirs];
  if (titles.merged !== titles.theirs) return [...ours];
  const keyOf = (mark: TitleMark) => JSON.stringify(mark);
  const [b, o, t] = [base, ours, theirs].map((marks) => new Set(marks.map(keyOf))) as [
    Set<string>,
    Set<string>,
    Set<string>,
  ];
  const kept = (mark: TitleMark) => {
    const key = keyOf(mark);
    return !b.has(key) || (o.has(key) && t.has(key));
  };
  const merged = new Map<string, TitleMark>();
  for (const mark of [...ours, ...theirs]) if (kept(mark)) merged.set(keyOf(mark), mark);
  return [...merged.values()];
}

export interface TitleSides {
  /** A hypothesis's title as each side has it and as the merge kept it. */
  titleOf(hypothesis: string): { ours: string; theirs: string; merged: string };
}

export function mergeReviews(base: Review, ours: Review, theirs: Review, titles: TitleSides): Review {
  const threads = mergeById(
    Object.values(base.threads),
    Object.values(ours.threads),
    Object.values(theirs.threads),
    mergeThread,
  );
  const titleMarks: Review['titleMarks'] = {};
  for (const hypothesis of new Set([...Object.keys(ours.titleMarks), ...Object.keys(theirs.titleMarks)])) {
    const marks = mergeTitleMarks(
      base.titleMarks[hypothesis] ?? [],
      ours.titleMarks[hypothesis] ?? [],
      theirs.titleMarks[hypothesis] ?? [],
      titles.titleOf(hypothesis),
    );
    if (marks.length > 0) titleMarks[hypothesis] = marks;
  }
  return { threads: Object.fromEntries(threads.map((thread) => [thread.id, thread])), titleMarks };
}
