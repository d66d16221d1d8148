import { Extension } from '@tiptap/core';
import { isHistoryTransaction } from '@tiptap/pm/history';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import type { Node as PmNode } from '@tiptap/pm/model';
import type { EditorView } from '@tiptap/pm/view';
import { caretTop, keepingCaretInPlace, restoreCaretTop } from './caret-in-place.js';
import { bringNear, holdFar, runsNear } from './far-blocks-rules.js';

const farBlocksKey = new PluginKey('farBlocks');

/** Whether a transaction only moved blocks into or out of runs of far blocks (no text changed). */
function isFarBlocksOnly(tr: Transaction): boolean {
  return tr.getMeta(farBlocksKey) === true;
}

/**
 * Marks a transaction that only moves blocks into or out of runs. Tiptap's autolink is told
 * to pass (`preventAutolink`): it would look for a typed address at each of the hundreds of
 * run boundaries of a long section, where no text changed.
 */
function markFarBlocksOnly(tr: Transaction): Transaction {
  return tr.setMeta(farBlocksKey, true).setMeta('preventAutolink', true);
}

/** Whether any of the transactions changed the section itself, not only how the editor holds its blocks. */
export function changedContent(transactions: readonly Transaction[]): boolean {
  return transactions.some((tr) => tr.docChanged && !isFarBlocksOnly(tr));
}

/**
 * Keeps the runs of far blocks (far-blocks-node.ts) away from the selection.
 *
 * Undo must find each step where it was taken. So blocks go into runs only with an edit (a
 * paste, a key): appended to it, in the same history event. A selection that moves into a
 * run (a click, an arrow key) takes that run's blocks back to the top level out of the
 * history (nothing to undo), in a transaction of its own right after, which keeps the
 * cursor where it was on the screen (caret-in-place.ts); it only unwraps, so a step of the
 * history recorded on those blocks finds them as they were when it was taken, at the top
 * level. An undo or a redo changes no run itself: steps appended to it would go to the redo
 * stack without the undo stack learning of them, and the next undo would miss its
 * positions. The run it leaves the selection in is released just after, the same way.
 */
export const FarBlocksHeld = Extension.create({
  name: 'farBlocksHeld',
  // Last: every other plugin has seen an edit before the runs change with it, and so
  // Tiptap's autolink never meets an edit and a change of runs in the same call.
  priority: 1,

  addProseMirrorPlugins() {
    let shown: EditorView | undefined;
    /** Runs changed with an edit, and where the cursor was on the screen before (caret-in-place.ts). */
    let movedRuns: { doc: PmNode; caretTop: number | undefined } | undefined;
    return [
      new Plugin({
        key: farBlocksKey,
        appendTransaction(transactions, _before, state) {
          const edits = transactions.filter((tr) => tr.docChanged && !isFarBlocksOnly(tr));
          if (edits.length === 0 || edits.some(isHistoryTransaction)) return null;
          const tr = state.tr;
          bringNear(tr, state.selection.from, state.selection.to);
          holdFar(tr, tr.selection.from, tr.selection.to);
          if (!tr.docChanged) return null;
          // The view still shows the document before the edit: where its cursor is now.
          if (shown) movedRuns = { doc: tr.doc, caretTop: caretTop(shown) };
          return markFarBlocksOnly(tr);
        },
        view(view) {
          shown = view;
          /** A transaction of its own, out of the history, once the current one is over. */
          const later = (change: (tr: Transaction) => void) =>
            queueMicrotask(() => {
              if (view.isDestroyed) return;
              const tr = view.state.tr;
              change(tr);
              if (!tr.docChanged) return;
              keepingCaretInPlace(view, () =>
                view.dispatch(markFarBlocksOnly(tr).setMeta('addToHistory', false)),
              );
            });
          // A section opened with many blocks: its far ones held before its first frame.
          later((tr) => holdFar(tr, tr.selection.from, tr.selection.to));
          return {
            update(updated) {
              const { selection, doc } = updated.state;
              if (movedRuns?.doc === doc) restoreCaretTop(updated, movedRuns.caretTop);
              movedRuns = undefined;
              if (runsNear(doc, selection.from, selection.to).length === 0) return;
              later((tr) => bringNear(tr, tr.selection.from, tr.selection.to));
            },
          };
        },
      }),
    ];
  },
});
