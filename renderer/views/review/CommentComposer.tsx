import { anchorDraft } from '../../editor/review/comment-draft.js';
import { cancelCommentRequest, type CommentRequest } from '../../editor/review/comment-request.js';
import { notify } from '../../editor/notices/notices.js';
import { useSheetSession } from '../sheet/session.js';
import { CommentForm } from './CommentForm.js';
import { reviewActions } from './review-ui.js';
import { newReviewId } from './sheet-review.js';

/**
 * The comment being written on the selected text. Posting anchors it on that text (which
 * may have moved while typing: the draft follows edits) and saves the thread with the part.
 */
export function CommentComposer({ request, me }: { request: CommentRequest; me: string }) {
  const session = useSheetSession();
  const post = (text: string) => {
    const id = newReviewId('c');
    if (!anchorDraft(request.editor, id)) {
      notify('error', 'Le texte à commenter a été supprimé entre-temps\u00a0: sélectionnez-le de nouveau.');
      cancelCommentRequest();
      return;
    }
    session
      .reviewOf(request.owner)
      .create({ id, part: request.part, quote: request.quote, text, author: me });
    cancelCommentRequest();
    reviewActions.focus(id);
    void session.autosaver.flush();
  };
  return (
    <section className="comment-composer" data-testid="comment-composer">
      <h3>
        {request.owner === 'family'
          ? 'Nouveau commentaire sur les micro-scénarios partagés'
          : 'Nouveau commentaire'}
      </h3>
      <p className="comment-composer-quote">
        <q>{request.quote}</q>
      </p>
      <CommentForm
        label="Votre commentaire"
        submitLabel="Commenter"
        onSubmit={post}
        onCancel={() => {
          cancelCommentRequest();
          request.editor.commands.focus();
        }}
        testId="comment-new"
      />
    </section>
  );
}
