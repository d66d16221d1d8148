import { isReviewId } from '../../../shared/content/review-marks.js';
import { threadsAtCursor } from '../../editor/review/review-editing.js';
import { useStore } from '../../ui/store.js';
import { useSheetSession } from '../sheet/session.js';
import { useReviewUi } from './review-ui.js';

/**
 * How the commented text looks, thread by thread, without touching the editors: the text
 * of each open thread is highlighted, the current one's more deeply; a resolved thread's
 * text, or text whose thread is gone (deleted, or not merged in yet), is not. A thread
 * resolved or focused costs a style recalculation, never a transaction in an editor,
 * however many highlights a part holds.
 */
export function ReviewStyles() {
  const session = useSheetSession();
  // The sheet's threads and its family's: their ids never meet (review ids are random).
  const own = useStore(session.review.threads);
  const family = useStore(session.familyReview.threads);
  const threads = { ...family, ...own };
  const { focused } = useReviewUi();
  const atCursor = useStore(threadsAtCursor);
  // Ids follow a strict pattern (content/review-marks.ts): safe inside a selector.
  const selector = (id: string) => `.comment-mark[data-thread="${id}"]`;
  const open = Object.values(threads)
    .filter((thread) => !thread.resolved && isReviewId(thread.id))
    .map((thread) => thread.id);
  const openSet = new Set(open);
  const current = [focused, ...atCursor.split(' ')].filter(
    (id): id is string => id !== null && openSet.has(id),
  );
  const rules = [
    open.length > 0
      ? `${open.map(selector).join(',')} { background: var(--comment); border-bottom-color: var(--comment-line); }`
      : '',
    current.length > 0 ? `${current.map(selector).join(',')} { background: var(--comment-current); }` : '',
  ].join('\n');
  return <style data-testid="review-styles">{rules}</style>;
}
