import { Extension } from '@tiptap/core';
import type { ResolvedPos } from '@tiptap/pm/model';
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

/** The top-level block around `$pos`, as a node decoration; none between blocks. */
function blockAround($pos: ResolvedPos): Decoration | undefined {
  if ($pos.depth < 1) return undefined;
  return Decoration.node($pos.before(1), $pos.after(1), { class: SELECTION_BLOCK_CLASS });
}

export function selectionBlocks(state: EditorState): DecorationSet {
  const { $anchor, $head } = state.selection;
  const blocks = [blockAround($head)];
  if ($anchor.depth >= 1 && $anchor.before(1) !== ($head.depth >= 1 ? $head.before(1) : -1)) {
    blocks.push(blockAround($anchor));
  }
  return DecorationSet.create(
    state.doc,
    blocks.filter((block): block is Decoration => block !== undefined),
  );
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
