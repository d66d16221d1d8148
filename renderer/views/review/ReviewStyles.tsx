import { isReviewId } from '../../../shared/content/review-marks.js';
import { threadsAtCursor } from '../../editor/review/review-editing.js';
import { useStore } from '../../ui/store.js';
import { useSheetSession } from '../sheet/session.js';
import { useReviewUi } from './review-ui.js';

/**
 * How the commented text looks, thread by thread, without touching the editors: every
 * anchor is highlighted by review.css; this sheet turns off the highlight of resolved
 * threads and deepens the current one's. A thread resolved or focused costs a style
 * recalculation, never a transaction in an editor, however many highlights a part holds.
 */
export function ReviewStyles() {
  const session = useSheetSession();
  const threads = useStore(session.review.threads);
  const { focused } = useReviewUi();
  const atCursor = useStore(threadsAtCursor);
  // Ids follow a strict pattern (content/review-marks.ts): safe inside a selector.
  const selector = (id: string) => `.comment-mark[data-thread="${id}"]`;
  const resolved = Object.values(threads)
    .filter((thread) => thread.resolved && isReviewId(thread.id))
    .map((thread) => selector(thread.id));
  const current = [focused, ...atCursor.split(' ')].filter(
    (id): id is string => id !== null && id !== '' && isReviewId(id) && !threads[id]?.resolved,
  );
  const rules = [
    resolved.length > 0 ? `${resolved.join(',')} { background: none; border-bottom: none; }` : '',
    current.length > 0 ? `${current.map(selector).join(',')} { background: var(--comment-current); }` : '',
  ].join('\n');
  return <style data-testid="review-styles">{rules}</style>;
}
