import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { createStore } from '../../ui/store.js';
import { notify } from '../notices/notices.js';
import { clearDraft, showDraft } from './comment-draft.js';
import { commentablePlace, type CommentablePlace } from './commentable.js';
import { selectedText } from './review-commands.js';

/**
 * « Commenter » (toolbar, Ctrl+Alt+M): the selection becomes the draft of a comment,
 * written in the Relecture panel, which listens to this store. One draft at a time: a new
 * request replaces the one before.
 */
export interface CommentRequest extends CommentablePlace {
  editor: Editor;
  quote: string;
}

export const commentRequest = createStore<CommentRequest | null>(null);

/** Whether « Commenter » can act here: some text selected in a part that takes comments. */
export function canComment(editor: Editor): boolean {
  const { selection } = editor.state;
  return (
    editor.isEditable &&
    commentablePlace(editor) !== undefined &&
    selection instanceof TextSelection &&
    !selection.empty &&
    selectedText(editor).trim() !== ''
  );
}

export function requestComment(editor: Editor): boolean {
  const place = commentablePlace(editor);
  if (!place && editor.isEditable) {
    // The only editable text that registers no place: the family's note.
    notify(
      'info',
      'La note de la famille ne se commente pas\u00a0: commentez le texte de la fiche ou les micro-scénarios.',
    );
    return true;
  }
  if (!place || !canComment(editor)) return false;
  cancelCommentRequest();
  const { from, to } = editor.state.selection;
  showDraft(editor, from, to);
  commentRequest.set({ editor, ...place, quote: selectedText(editor) });
  return true;
}

export function cancelCommentRequest(): void {
  const current = commentRequest.get();
  if (current) clearDraft(current.editor);
  commentRequest.set(null);
}
