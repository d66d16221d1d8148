import type { Editor } from '@tiptap/core';
import type { PartKey } from '../../../shared/model/history.js';
import type { ReviewOwner } from '../../../shared/model/review.js';
import { createStore } from '../../ui/store.js';

/**
 * The editors of the open sheet that take comments and suggestions, by the place they edit:
 * whose review (the sheet's, or its family's for the shared micro-scenarios) and which
 * part, named as the history names it (`section/passe`, `scenario/basse/title`…). A sheet's
 * own micro-scenarios and the family's share their part names: the owner tells them apart.
 * Only while they can be edited: a past revision shown read-only registers nothing, nor
 * does the family's note (which takes no comment).
 */
export interface CommentablePlace {
  owner: ReviewOwner;
  part: PartKey;
}

const keyOf = (place: CommentablePlace) => `${place.owner}:${place.part}`;
const byPlace = new Map<string, Editor>();
const placeOf = new WeakMap<Editor, CommentablePlace>();

/** Bumped when an editor comes or goes, for the views that list what can be reached. */
export const commentableVersion = createStore(0);

export function registerCommentable(place: CommentablePlace, editor: Editor): () => void {
  const key = keyOf(place);
  byPlace.set(key, editor);
  placeOf.set(editor, place);
  commentableVersion.set(commentableVersion.get() + 1);
  return () => {
    if (byPlace.get(key) === editor) byPlace.delete(key);
    placeOf.delete(editor);
    commentableVersion.set(commentableVersion.get() + 1);
  };
}

export function commentableEditor(place: CommentablePlace): Editor | undefined {
  const editor = byPlace.get(keyOf(place));
  return editor && !editor.isDestroyed ? editor : undefined;
}

export function commentablePlace(editor: Editor): CommentablePlace | undefined {
  return placeOf.get(editor);
}
