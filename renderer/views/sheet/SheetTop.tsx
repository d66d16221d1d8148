import type { ReactNode } from 'react';
import { useHistoryUi } from '../history/history-ui.js';
import { useReviewUi } from '../review/review-ui.js';
import { useSheetSession } from './session.js';

/**
 * The sheet's sticky top (toolbar and messages). It names the side panel that is open
 * (data-panel), so that the toolbar makes room for it (sheet.css): a `:has()` rule would do
 * the same, but the browser checks it again at every keystroke (2 ms of a frame with 200
 * comments, `npm run bench`).
 */
export function SheetTop({ children }: { children: ReactNode }) {
  const session = useSheetSession();
  const reviewOpen = useReviewUi().open;
  const historyOpen = useHistoryUi(session.view.sheet.id).open;
  const panel = reviewOpen ? 'review' : historyOpen ? 'history' : undefined;
  return (
    <div className="sheet-top" data-panel={panel}>
      {children}
    </div>
  );
}
