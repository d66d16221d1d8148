import type { Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import { COMMENT_MARK, type SuggestionKind } from '../../../shared/content/review-marks.js';
import { decideSuggestions, type SuggestionDecision } from '../../../shared/review/suggestions.js';

/** What the review does inside an editor: find a thread's text, select it, drop it; decide suggestions. */

/** The stretch of text anchoring thread `id`, from its first character to its last. */
export function threadRange(doc: PmNode, id: string): { from: number; to: number } | undefined {
  let from = Infinity;
  let to = -Infinity;
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    if (node.marks.some((mark) => mark.type.name === COMMENT_MARK && mark.attrs.thread === id)) {
      from = Math.min(from, pos);
      to = Math.max(to, pos + node.nodeSize);
    }
    return false;
  });
  return from < to ? { from, to } : undefined;
}

/** Selects the thread's text and brings it to the middle of the window; false when the text is gone. */
export function selectThread(editor: Editor, id: string): boolean {
  const range = threadRange(editor.state.doc, id);
  if (!range) return false;
  const { view } = editor;
  view.dispatch(
    view.state.tr.setSelection(TextSelection.create(view.state.doc, range.from, range.to)).scrollIntoView(),
  );
  view.focus();
  const { node } = view.domAtPos(range.from);
  const element = node instanceof Element ? node : node.parentElement;
  element?.scrollIntoView({ block: 'center' });
  return true;
}

/** Takes thread `id`'s anchor out of the text (the thread was deleted), as one undoable step. */
export function removeThreadMarks(editor: Editor, id: string): void {
  const type = editor.schema.marks[COMMENT_MARK];
  if (!type || editor.isDestroyed) return;
  const { tr } = editor.state;
  editor.state.doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type === type && mark.attrs.thread === id) tr.removeMark(pos, pos + node.nodeSize, mark);
    }
    return false;
  });
  if (tr.docChanged) editor.view.dispatch(tr);
}

/** Accepts or rejects, in `editor`, the suggestions `decide` answers for; answers how many. */
export function decideInEditor(
  editor: Editor,
  decide: (suggestion: { id: string; kind: SuggestionKind }) => SuggestionDecision | undefined,
): number {
  if (editor.isDestroyed || !editor.isEditable) return 0;
  const { tr } = editor.state;
  const count = decideSuggestions(tr, decide);
  if (count > 0) editor.view.dispatch(tr.scrollIntoView());
  return count;
}

/** The selected text, blocks joined by a space: what a new comment quotes. */
export function selectedText(editor: Editor): string {
  const { from, to } = editor.state.selection;
  return editor.state.doc.textBetween(from, to, ' ', ' ');
}
