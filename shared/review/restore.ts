import { parsePartKey, type PartKey } from '../model/history.js';
import type { Review } from '../model/review.js';

/**
 * The review after a restore. Restoring text never takes a discussion away: every thread
 * the sheet has now stays as it is now, and the threads the restored version had on the
 * restored parts (or on any part, for a whole restore) come back when the sheet no longer
 * has them. A restored scenario title gets back its marks of then.
 */
export function restoredReview(
  current: Review,
  then: Review | undefined,
  /** The parts restored; undefined for the whole version. */
  parts: readonly PartKey[] | undefined,
): Review {
  if (!then) return current;
  const restored = parts ? new Set(parts) : undefined;
  const threads = { ...current.threads };
  for (const [id, thread] of Object.entries(then.threads)) {
    if (threads[id] === undefined && (!restored || restored.has(thread.part))) threads[id] = thread;
  }
  const titleMarks = { ...current.titleMarks };
  const titles = restored
    ? [...restored].flatMap((key) => {
        const parsed = parsePartKey(key);
        return parsed?.kind === 'title' ? [parsed.hypothesis] : [];
      })
    : Object.keys({ ...current.titleMarks, ...then.titleMarks });
  for (const hypothesis of titles) {
    const marks = then.titleMarks[hypothesis];
    if (marks && marks.length > 0) titleMarks[hypothesis] = marks;
    else delete titleMarks[hypothesis];
  }
  return { threads, titleMarks };
}
