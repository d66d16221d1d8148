import { useEffect } from 'react';
import { cancelCommentRequest, commentRequest } from '../../editor/review/comment-request.js';
import { historyActions } from '../history/history-ui.js';
import { ReviewPanel } from './ReviewPanel.js';
import { ReviewStyles } from './ReviewStyles.js';
import { reviewActions, useReviewUi } from './review-ui.js';
import './review.css';

/**
 * The review of the open sheet: its highlights' styles, and the Relecture panel, opened by
 * « Commenter ». `onReload` reads the sheet again, once a Word review was imported into it.
 */
export function ReviewHost({ onReload }: { onReload: () => void }) {
  const { open } = useReviewUi();
  useEffect(
    () =>
      commentRequest.subscribe(() => {
        const request = commentRequest.get();
        if (!request) return;
        // The comment is written where its thread will be listed: the sheet's review or the family's.
        reviewActions.showScope(request.owner);
        if (!reviewActions.isOpen()) {
          historyActions.close();
          reviewActions.open();
        }
      }),
    [],
  );
  // A draft belongs to the sheet it was started in.
  useEffect(() => () => cancelCommentRequest(), []);
  return (
    <>
      <ReviewStyles />
      {open && <ReviewPanel onReload={onReload} />}
    </>
  );
}
