import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { COMMENT_MARK } from '../../../shared/content/review-marks.js';

/**
 * The text a comment being written is about, shown while the comment is typed in the
 * Relecture panel: a decoration that follows edits, so nothing is saved (no mark, no
 * thread) until the comment is posted, and a cancelled comment leaves no trace.
 */
const draftKey = new PluginKey<DecorationSet>('commentDraft');

type DraftMeta = { from: number; to: number } | null;

export const CommentDraft = Extension.create({
  name: 'commentDraft',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: draftKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const meta = tr.getMeta(draftKey) as DraftMeta | undefined;
            if (meta === null) return DecorationSet.empty;
            if (meta) {
              return DecorationSet.create(tr.doc, [
                Decoration.inline(meta.from, meta.to, { class: 'comment-draft' }),
              ]);
            }
            return set.map(tr.mapping, tr.doc);
          },
        },
        props: { decorations: (state) => draftKey.getState(state) },
      }),
    ];
  },
});

function draftRange(state: EditorState): { from: number; to: number } | undefined {
  const [decoration] = draftKey.getState(state)?.find() ?? [];
  return decoration && decoration.from < decoration.to
    ? { from: decoration.from, to: decoration.to }
    : undefined;
}

export function showDraft(editor: Editor, from: number, to: number): void {
  editor.view.dispatch(editor.state.tr.setMeta(draftKey, { from, to }).setMeta('addToHistory', false));
}

export function clearDraft(editor: Editor): void {
  if (editor.isDestroyed || !draftKey.getState(editor.state)) return;
  editor.view.dispatch(editor.state.tr.setMeta(draftKey, null).setMeta('addToHistory', false));
}

/**
 * Anchors thread `thread` on the draft's text, as one undoable step; false when that text
 * is gone meanwhile (deleted while the comment was typed).
 */
export function anchorDraft(editor: Editor, thread: string): boolean {
  const range = draftRange(editor.state);
  const type = editor.schema.marks[COMMENT_MARK];
  if (!range || !type) return false;
  editor.view.dispatch(
    editor.state.tr.addMark(range.from, range.to, type.create({ thread })).setMeta(draftKey, null),
  );
  return true;
}
