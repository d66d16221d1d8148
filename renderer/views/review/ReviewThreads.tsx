import type { Editor } from '@tiptap/core';
import { useMemo, useState } from 'react';
import type { SuggestionKind } from '../../../shared/content/review-marks.js';
import { parsePartKey } from '../../../shared/model/history.js';
import { partTitle, templatePartKeys } from '../../../shared/history/titles.js';
import type { CommentReply, CommentThread } from '../../../shared/model/review.js';
import type { SuggestionDecision } from '../../../shared/review/suggestions.js';
import { commentableEditor, commentableVersion } from '../../editor/review/commentable.js';
import { decideInEditor, removeThreadMarks, selectThread } from '../../editor/review/review-commands.js';
import { threadsAtCursor } from '../../editor/review/review-editing.js';
import { ConfirmDialog } from '../../ui/Dialog.js';
import { useStore } from '../../ui/store.js';
import type { Owner } from '../sheet/parts.js';
import { useSheetSession } from '../sheet/session.js';
import { reviewActions, useReviewUi } from './review-ui.js';
import { SuggestionList, type PartSuggestions } from './SuggestionList.js';
import { ThreadCard } from './ThreadCard.js';

interface Deleting {
  thread: CommentThread;
  reply?: CommentReply;
}

/**
 * One review in the Relecture panel, the sheet's own or its family's shared micro-scenarios'
 * (the same view for both): the suggestions waiting, and the comment threads part by part
 * in the order of the sheet, open ones first (resolved ones behind a filter). A thread
 * whose text was deleted stays, marked « texte supprimé ».
 */
export function ReviewThreads({ owner, me }: { owner: Owner; me: string | null }) {
  const session = useSheetSession();
  const { template } = session;
  const review = session.reviewOf(owner);
  const ui = useReviewUi();
  const threads = useStore(review.threads);
  const atCursor = useStore(threadsAtCursor);
  useStore(review.anchorsVersion);
  useStore(commentableVersion);
  const [deleting, setDeleting] = useState<Deleting | null>(null);

  // A family shares its micro-scenarios only: their titles and angles.
  const partKeys = useMemo(
    () =>
      templatePartKeys(template).filter((key) => {
        const kind = parsePartKey(key)?.kind;
        return owner === 'sheet' ? kind !== 'meta' : kind === 'title' || kind === 'angle';
      }),
    [template, owner],
  );
  const editorOf = (part: string) => commentableEditor({ owner, part });
  const all = Object.values(threads);
  const resolvedCount = all.filter((thread) => thread.resolved).length;
  const shown = all.filter((thread) => ui.showResolved || !thread.resolved);
  const cursorIds = new Set(atCursor.split(' ').filter(Boolean));

  const suggestionParts: PartSuggestions[] = partKeys.flatMap((part) => {
    const suggestions = review.anchorsOf(part)?.suggestions ?? [];
    return suggestions.length === 0
      ? []
      : [{ part, title: partTitle(template, part), suggestions, editor: editorOf(part) }];
  });

  const decide = (
    editor: Editor,
    choose: (s: { id: string; kind: SuggestionKind }) => SuggestionDecision | undefined,
  ) => {
    if (decideInEditor(editor, choose) > 0) void session.autosaver.flush();
  };

  const confirmDelete = () => {
    if (!deleting) return;
    const { thread, reply } = deleting;
    if (reply) review.deleteReply(thread.id, reply.id);
    else {
      const editor = editorOf(thread.part);
      if (editor) removeThreadMarks(editor, thread.id);
      review.remove(thread.id);
    }
    setDeleting(null);
    void session.autosaver.flush();
  };

  return (
    <>
      {suggestionParts.length > 0 && <SuggestionList parts={suggestionParts} onDecide={decide} />}
      <section className="review-section" data-testid="review-threads" data-owner={owner}>
        <header className="review-section-header">
          <h3>Commentaires</h3>
          <label className="review-filter">
            <input
              type="checkbox"
              checked={ui.showResolved}
              onChange={(event) => reviewActions.setShowResolved(event.target.checked)}
              data-testid="review-show-resolved"
            />{' '}
            Afficher les fils résolus ({resolvedCount})
          </label>
        </header>
        {shown.length === 0 && (
          <p className="muted" data-testid="review-empty">
            {all.length === 0
              ? 'Aucun commentaire. Sélectionnez du texte, puis «\u00a0Commenter\u00a0» (Ctrl+Alt+M).'
              : 'Aucun fil ouvert\u00a0: tous sont résolus.'}
          </p>
        )}
        {partKeys.map((part) => {
          const here = shown.filter((thread) => thread.part === part).sort((a, b) => (a.at < b.at ? -1 : 1));
          if (here.length === 0) return null;
          const editor = editorOf(part);
          return (
            <div className="review-part" key={part} data-testid={`review-part-${part}`}>
              <header className="review-part-header">
                <h4>{partTitle(template, part)}</h4>
                {!editor && <span className="muted">partie masquée</span>}
              </header>
              <ol className="threads">
                {here.map((thread) => (
                  <ThreadCard
                    key={thread.id}
                    thread={thread}
                    review={review}
                    me={me}
                    anchored={review.isAnchored(thread)}
                    editable={editor !== undefined && !session.readOnly}
                    focused={ui.focused === thread.id || cursorIds.has(thread.id)}
                    onGo={() => {
                      reviewActions.focus(thread.id);
                      if (editor) selectThread(editor, thread.id);
                    }}
                    onDelete={setDeleting}
                  />
                ))}
              </ol>
            </div>
          );
        })}
      </section>
      {deleting && (
        <ConfirmDialog
          title={deleting.reply ? 'Supprimer la réponse' : 'Supprimer le commentaire'}
          message={
            deleting.reply
              ? 'Votre réponse sera supprimée.'
              : deleting.thread.replies.length > 0
                ? `Le commentaire et ses ${deleting.thread.replies.length}\u00a0réponse(s) seront supprimés.`
                : 'Le commentaire sera supprimé, et le texte ne sera plus surligné.'
          }
          confirmLabel="Supprimer"
          onConfirm={confirmDelete}
          onCancel={() => setDeleting(null)}
        />
      )}
    </>
  );
}
