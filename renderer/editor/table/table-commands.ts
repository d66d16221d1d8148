import type { Editor } from '@tiptap/core';
import type { Node as PmNode, Schema } from '@tiptap/pm/model';
import { currentBlock, deleteBlock } from '../figure/block-commands.js';
import { insertBlocks } from '../figure/insert.js';

/** A new table: a header row and two rows of three columns, with its caption and source to fill. */
export function tableFigureNode(schema: Schema, rows = 3, columns = 3): PmNode | undefined {
  const { tableFigure, caption, table, tableRow, tableHeader, tableCell, paragraph, sourceLine } =
    schema.nodes;
  if (
    !tableFigure ||
    !caption ||
    !table ||
    !tableRow ||
    !tableHeader ||
    !tableCell ||
    !paragraph ||
    !sourceLine
  ) {
    return undefined;
  }
  const row = (cell: typeof tableCell) =>
    tableRow.create(
      null,
      Array.from({ length: columns }, () => cell.create(null, paragraph.create())),
    );
  return tableFigure.create(null, [
    caption.create(),
    table.create(null, [row(tableHeader), ...Array.from({ length: rows - 1 }, () => row(tableCell))]),
    sourceLine.create(),
  ]);
}

export function insertTableFigure(editor: Editor): boolean {
  const node = tableFigureNode(editor.schema);
  return node ? insertBlocks(editor, [node]) : false;
}

export function isInTable(editor: Editor): boolean {
  return editor.isActive('table');
}

/** Whether the table the cursor is in has a header row. */
export function hasHeaderRow(editor: Editor): boolean {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth > 0; depth -= 1) {
    const node = $from.node(depth);
    if (node.type.name === 'table') return node.firstChild?.firstChild?.type.name === 'tableHeader';
  }
  return false;
}

/** Deletes the whole block (caption, table and source): a table never stands without them. */
export function deleteTableFigure(editor: Editor): boolean {
  const block = currentBlock(editor.state);
  if (block?.node.type.name !== 'tableFigure') return false;
  return deleteBlock(editor.state, block.pos, editor.view.dispatch);
}
