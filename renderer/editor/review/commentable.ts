import type { Editor } from '@tiptap/core';
import type { PartKey } from '../../../shared/model/history.js';
import { createStore } from '../../ui/store.js';

/**
 * The editors of the open sheet that take comments and suggestions, by the part they edit
 * (named as the history names it: `section/passe`, `scenario/basse/title`…). Only the
 * sheet's own parts, and only while they can be edited: a past revision shown read-only,
 * or the family's shared micro-scenarios, register nothing.
 */
const byPart = new Map<PartKey, Editor>();
const partOf = new WeakMap<Editor, PartKey>();

/** Bumped when an editor comes or goes, for the views that list what can be reached. */
export const commentableVersion = createStore(0);

export function registerCommentable(part: PartKey, editor: Editor): () => void {
  byPart.set(part, editor);
  partOf.set(editor, part);
  commentableVersion.set(commentableVersion.get() + 1);
  return () => {
    if (byPart.get(part) === editor) byPart.delete(part);
    partOf.delete(editor);
    commentableVersion.set(commentableVersion.get() + 1);
  };
}

export function commentableEditor(part: PartKey): Editor | undefined {
  const editor = byPart.get(part);
  return editor && !editor.isDestroyed ? editor : undefined;
}

export function commentablePart(editor: Editor): PartKey | undefined {
  return partOf.get(editor);
}

export function commentableEditors(): [PartKey, Editor][] {
  return [...byPart].filter(([, editor]) => !editor.isDestroyed);
}
