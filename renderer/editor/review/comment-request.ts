import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import type { PartKey } from '../../../shared/model/history.js';
import { createStore } from '../../ui/store.js';
import { notify } from '../notices/notices.js';
import { clearDraft, showDraft } from './comment-draft.js';
import { commentablePart } from './commentable.js';
import { selectedText } from './review-commands.js';

/**
 * « Commenter » (toolbar, Ctrl+Alt+M): the selection becomes the draft of a comment,
 * written in the Relecture panel, which listens to this store. One draft at a time: a new
 * request replaces the one before.
 */
export interface CommentRequest {
  editor: Editor;
  part: PartKey;
  quote: string;
}

export const commentRequest = createStore<CommentRequest | null>(null);

/** Whether « Commenter » can act here: some text selected in a part that takes comments. */
export function canComment(editor: Editor): boolean {
  const { selection } = editor.state;
  return (
    editor.isEditable &&
    commentablePart(editor) !== undefined &&
    selection instanceof TextSelection &&
    !selection.empty &&
    selectedText(editor).trim() !== ''
  );
}

export function requestComment(editor: Editor): boolean {
  const part = commentablePart(editor);
  if (!part && editor.isEditable) {
    // The family's note and shared micro-scenarios belong to every sheet of the family.
    notify(
      'info',
      'Les textes partagés par la famille ne se commentent pas depuis une fiche : commentez le texte propre à la fiche.',
    );
    return true;
  }
  if (!part || !canComment(editor)) return false;
  cancelCommentRequest();
  const { from, to } = editor.state.selection;
  showDraft(editor, from, to);
  commentRequest.set({ editor, part, quote: selectedText(editor) });
  return true;
}

export function cancelCommentRequest(): void {
  const current = commentRequest.get();
  if (current) clearDraft(current.editor);
  commentRequest.set(null);
}
