import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/**
 * Text blocks out of view are not laid out (content-visibility: auto, editor.css), and a
 * block just created counts as out of view until the next frame finds it in view. A key
 * pressed before that frame, Chromium typed elsewhere: « 1. m » typed fast at the end of a
 * section made the list, then put « m » in the paragraph after it, as it can find no caret
 * position in a block it has not laid out. The top-level blocks that hold the selection's
 * ends are therefore always laid out (the class below).
 */

export const SELECTION_BLOCK_CLASS = 'selection-block';

/** A node decoration on each top-level block holding an end of the selection (one when both are in it). */
export function selectionBlocks(state: EditorState): DecorationSet {
  const { $anchor, $head } = state.selection;
  const blocks = new Map<number, Decoration>();
  for (const $pos of [$head, $anchor]) {
    // Depth 0: between top-level blocks (a selected figure), no block to keep laid out.
    if ($pos.depth < 1) continue;
    const from = $pos.before(1);
    blocks.set(from, Decoration.node(from, $pos.after(1), { class: SELECTION_BLOCK_CLASS }));
  }
  return DecorationSet.create(state.doc, [...blocks.values()]);
}

export const SelectionBlocksLaidOut = Extension.create({
  name: 'selectionBlocksLaidOut',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('selectionBlocksLaidOut'),
        props: { decorations: selectionBlocks },
      }),
    ];
  },
});
