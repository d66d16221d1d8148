import type { Node as PmNode } from '@tiptap/pm/model';
import {
  NodeSelection,
  Selection,
  TextSelection,
  type EditorState,
  type Transaction,
} from '@tiptap/pm/state';
import { numberedKindOf } from '../../../shared/content/numbering.js';
import { nearPos } from '../far-blocks/far-blocks-rules.js';

/**
 * Commands on a whole figure or table: move it past its neighbour, delete it, leave it for
 * the next paragraph. They work on the section's top level, where these blocks live; one the
 * editor holds in a run of far blocks is taken back there first (nearPos).
 */

type Dispatch = ((tr: Transaction) => void) | undefined;

/** The top-level figure or table the selection is in (or is), with its position. */
export function currentBlock(state: EditorState): { pos: number; node: PmNode } | undefined {
  const { selection } = state;
  if (selection instanceof NodeSelection && numberedKindOf(selection.node.type.name)) {
    return selection.$from.depth === 0 ? { pos: selection.from, node: selection.node } : undefined;
  }
  const { $from } = selection;
  if ($from.depth === 0) return undefined;
  const node = $from.node(1);
  return numberedKindOf(node.type.name) ? { pos: $from.before(1), node } : undefined;
}

/** Moves the top-level block at `pos` before its previous sibling (-1) or after its next one (1). */
export function moveBlock(state: EditorState, pos: number, direction: -1 | 1, dispatch: Dispatch): boolean {
  const { tr, pos: at } = nearPos(state, pos);
  const $pos = tr.doc.resolve(at);
  if ($pos.depth !== 0) return false;
  const index = $pos.index(0);
  const node = tr.doc.maybeChild(index);
  const neighbour = tr.doc.maybeChild(index + direction);
  if (!node || !neighbour) return false;
  if (dispatch) {
    const target = direction < 0 ? at - neighbour.nodeSize : at + neighbour.nodeSize;
    tr.delete(at, at + node.nodeSize).insert(target, node);
    tr.setSelection(NodeSelection.create(tr.doc, target)).scrollIntoView();
    dispatch(tr);
  }
  return true;
}

export function deleteBlock(state: EditorState, pos: number, dispatch: Dispatch): boolean {
  const { tr, pos: at } = nearPos(state, pos);
  const node = tr.doc.nodeAt(at);
  if (!node) return false;
  if (dispatch) {
    tr.delete(at, at + node.nodeSize);
    if (tr.doc.childCount === 0) tr.insert(0, state.schema.nodes['paragraph']?.create() ?? []);
    dispatch(tr.scrollIntoView());
  }
  return true;
}

/**
 * From the caption, Enter goes on to what follows it (the table's first cell, or the
 * figure's source); from the source, to a new paragraph after the block.
 */
export function enterInBlock(state: EditorState, dispatch: Dispatch): boolean {
  const block = currentBlock(state);
  const { $from } = state.selection;
  if (!block || !(state.selection instanceof TextSelection)) return false;
  const parent = $from.parent.type.name;
  if (parent === 'caption') {
    const afterCaption = block.pos + 1 + (block.node.firstChild?.nodeSize ?? 0);
    const next = Selection.near(state.doc.resolve(afterCaption + 1));
    if (dispatch) dispatch(state.tr.setSelection(next).scrollIntoView());
    return true;
  }
  if (parent === 'sourceLine' && $from.depth === 2) {
    const after = block.pos + block.node.nodeSize;
    const paragraph = state.schema.nodes['paragraph'];
    if (!paragraph) return false;
    if (dispatch) {
      const tr = state.tr.insert(after, paragraph.create());
      dispatch(tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView());
    }
    return true;
  }
  return false;
}
