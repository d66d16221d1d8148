import { useStore } from '../../ui/store.js';
import { historyActions } from '../history/history-ui.js';
import { useSheetSession } from '../sheet/session.js';
import { reviewActions, useReviewUi } from './review-ui.js';

/**
 * In the sheet's toolbar: the Relecture panel, with the number of open threads on what the
 * sheet shows (its own, and its family's shared micro-scenarios' when it shows them).
 */
export function ReviewButton() {
  const session = useSheetSession();
  const ui = useReviewUi();
  useStore(session.review.threads);
  useStore(session.familyReview.threads);
  useStore(session.useFamily);
  const shown = session.openThreadsShown();
  const open = shown.own + shown.family;
  return (
    <button
      type="button"
      className="button button-small"
      aria-pressed={ui.open}
      onClick={() => {
        // One panel beside the sheet at a time.
        if (!ui.open) historyActions.close();
        reviewActions.toggle();
      }}
      title="Commentaires et modifications proposées"
      data-testid="review-toggle"
    >
      Relecture
      {open > 0 && (
        <span className="review-count" data-testid="review-open-count" aria-label={`${open} fils ouverts`}>
          {open}
        </span>
      )}
    </button>
  );
}
