import { commentRequest } from '../../editor/review/comment-request.js';
import { useStore } from '../../ui/store.js';
import type { Owner } from '../sheet/parts.js';
import { useSheetSession } from '../sheet/session.js';
import { useAuthorName } from './author.js';
import { CommentComposer } from './CommentComposer.js';
import { reviewActions, useReviewUi } from './review-ui.js';
import { ReviewThreads } from './ReviewThreads.js';
import { WordReviewImport } from './WordReviewImport.js';

/**
 * « Relecture », beside the sheet: the comment being written, then the review of the
 * sheet's own parts, or, on its tab, the review of the family's shared micro-scenarios
 * when the sheet shows them (ReviewThreads, the same view for both). A reviewer's Word
 * copy is imported from here (WordReviewImport): its comments land on either.
 */
export function ReviewPanel({ onReload }: { onReload: () => void }) {
  const session = useSheetSession();
  const ui = useReviewUi();
  const me = useAuthorName();
  const request = useStore(commentRequest);
  const useFamily = useStore(session.useFamily);
  const owner: Owner = useFamily && ui.scope === 'family' ? 'family' : 'sheet';

  return (
    <aside className="review-panel" aria-label="Relecture de la fiche" data-testid="review-panel">
      <header className="review-panel-header">
        <h2>Relecture</h2>
        <button
          type="button"
          className="button button-small"
          onClick={reviewActions.close}
          data-testid="review-close"
        >
          Fermer
        </button>
      </header>
      {!session.readOnly && <WordReviewImport onImported={onReload} />}
      {useFamily && <ReviewTabs owner={owner} />}
      {request && me !== null && (
        <CommentComposer
          key={`${request.owner}-${request.part}-${request.quote}`}
          request={request}
          me={me}
        />
      )}
      <ReviewThreads key={owner} owner={owner} me={me} />
    </aside>
  );
}

/** « Fiche » or « Micro-scénarios partagés de la famille », each with its open threads. */
function ReviewTabs({ owner }: { owner: Owner }) {
  const session = useSheetSession();
  useStore(session.review.threads);
  useStore(session.familyReview.threads);
  const tab = (scope: Owner, label: string) => {
    const open = session.reviewOf(scope).openCount();
    return (
      <button
        type="button"
        role="tab"
        aria-selected={owner === scope}
        className={`panel-tab${owner === scope ? ' panel-tab-selected' : ''}`}
        onClick={() => reviewActions.showScope(scope)}
        data-testid={`review-scope-${scope}`}
      >
        {label}
        {open > 0 && <span className="review-count">{open}</span>}
      </button>
    );
  };
  return (
    <div className="panel-tabs" role="tablist" aria-label="Relecture affichée">
      {tab('sheet', 'Fiche')}
      {tab('family', 'Micro-scénarios partagés de la famille')}
    </div>
  );
}
