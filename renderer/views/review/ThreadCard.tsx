import { useState, type ReactNode } from 'react';
import { REVIEW_LIMITS, type CommentReply, type CommentThread } from '../../../shared/model/review.js';
import { formatDateTime } from '../../ui/format.js';
import { CommentForm } from './CommentForm.js';
import type { SheetReview } from './sheet-review.js';

interface Props {
  thread: CommentThread;
  review: SheetReview;
  /** The user's name: their own comments can be edited and deleted. */
  me: string | null;
  /** The thread's text is still in its part. */
  anchored: boolean;
  /** Its part is on screen and can be edited (not the hidden micro-scenarios, not read-only). */
  editable: boolean;
  focused: boolean;
  onGo: () => void;
  onDelete: (what: { thread: CommentThread; reply?: CommentReply }) => void;
}

function Signature({ author, at, editedAt }: { author: string; at: string; editedAt?: string | undefined }) {
  return (
    <p className="thread-signature">
      <strong>{author}</strong> · <time dateTime={at}>{formatDateTime(at)}</time>
      {editedAt && <span className="muted"> (modifié)</span>}
    </p>
  );
}

/** One comment thread: what it quotes, the comment, its replies, and what the user may do with them. */
export function ThreadCard({ thread, review, me, anchored, editable, focused, onGo, onDelete }: Props) {
  const [replying, setReplying] = useState(false);
  // Past the limit only by a sync's union: no more replies (the host would refuse them).
  const full = thread.replies.length >= REVIEW_LIMITS.replies;
  const [editing, setEditing] = useState<string | null>(null);
  const own = (author: string) => editable && me !== null && author === me;
  const resolved = thread.resolved !== undefined;

  const ownActions = (id: string, author: string, remove: () => void): ReactNode =>
    own(author) && editing !== id ? (
      <span className="thread-own-actions">
        <button
          type="button"
          className="button button-link"
          onClick={() => setEditing(id)}
          data-testid="thread-edit"
        >
          Modifier
        </button>
        <button type="button" className="button button-link" onClick={remove} data-testid="thread-delete">
          Supprimer
        </button>
      </span>
    ) : null;

  return (
    <li
      className={`thread${resolved ? ' thread-resolved' : ''}${focused ? ' thread-focused' : ''}`}
      data-testid={`thread-${thread.id}`}
      data-state={resolved ? 'resolved' : 'open'}
      data-anchored={anchored}
    >
      <button
        type="button"
        className="thread-quote"
        onClick={onGo}
        disabled={!anchored || !editable}
        title={anchored ? 'Aller au texte commenté' : undefined}
        data-testid="thread-quote"
      >
        {!anchored && (
          <span className="thread-orphan" data-testid="thread-orphan">
            texte supprimé
          </span>
        )}
        <q>{thread.quote}</q>
      </button>
      <div className="thread-comment">
        <Signature author={thread.author} at={thread.at} editedAt={thread.editedAt} />
        {editing === thread.id ? (
          <CommentForm
            initial={thread.text}
            label="Modifier le commentaire"
            submitLabel="Enregistrer"
            onSubmit={(text) => {
              review.editText(thread.id, text);
              setEditing(null);
            }}
            onCancel={() => setEditing(null)}
            testId="thread-edit-form"
          />
        ) : (
          <p className="thread-text" data-testid="thread-text">
            {thread.text}
          </p>
        )}
        {ownActions(thread.id, thread.author, () => onDelete({ thread }))}
      </div>
      {thread.replies.length > 0 && (
        <ol className="thread-replies">
          {thread.replies.map((reply) => (
            <li key={reply.id} className="thread-reply" data-testid={`reply-${reply.id}`}>
              <Signature author={reply.author} at={reply.at} editedAt={reply.editedAt} />
              {editing === reply.id ? (
                <CommentForm
                  initial={reply.text}
                  label="Modifier la réponse"
                  submitLabel="Enregistrer"
                  onSubmit={(text) => {
                    review.editReply(thread.id, reply.id, text);
                    setEditing(null);
                  }}
                  onCancel={() => setEditing(null)}
                  testId="reply-edit-form"
                />
              ) : (
                <p className="thread-text" data-testid="reply-text">
                  {reply.text}
                </p>
              )}
              {ownActions(reply.id, reply.author, () => onDelete({ thread, reply }))}
            </li>
          ))}
        </ol>
      )}
      {resolved && thread.resolved && (
        <p className="thread-resolution muted" data-testid="thread-resolution">
          Résolu par {thread.resolved.by} le {formatDateTime(thread.resolved.at)}
        </p>
      )}
      {editable && me !== null && replying && (
        <CommentForm
          label="Votre réponse"
          submitLabel="Répondre"
          onSubmit={(text) => {
            review.reply(thread.id, me, text);
            setReplying(false);
          }}
          onCancel={() => setReplying(false)}
          testId="reply-form"
        />
      )}
      {editable && me !== null && !replying && (
        <div className="thread-actions">
          {!resolved && full && (
            <span className="muted" data-testid="thread-full">
              {`Ce fil a atteint ${REVIEW_LIMITS.replies}\u00a0réponses\u00a0: ouvrez-en un autre pour continuer.`}
            </span>
          )}
          {!resolved && !full && (
            <button
              type="button"
              className="button button-small"
              onClick={() => setReplying(true)}
              data-testid="thread-reply"
            >
              Répondre
            </button>
          )}
          {resolved ? (
            <button
              type="button"
              className="button button-small"
              onClick={() => review.reopen(thread.id)}
              data-testid="thread-reopen"
            >
              Rouvrir
            </button>
          ) : (
            <button
              type="button"
              className="button button-small"
              onClick={() => review.resolve(thread.id, me)}
              data-testid="thread-resolve"
            >
              Résoudre
            </button>
          )}
        </div>
      )}
    </li>
  );
}
