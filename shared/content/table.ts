import { mergeAttributes, Node, type AnyExtension } from '@tiptap/core';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { SHEET_BLOCK_GROUP } from './sheet-blocks.js';

/**
 * A small data table with its caption and its source, numbered « Tableau 1 : » like a
 * figure. The table itself is Tiptap's; it lives only inside this wrapper, so every table
 * has a caption and a source to fill and a number.
 */

/** Tables only exist inside a tableFigure: this group is named by nothing else. */
const TABLE_GROUP = 'tableBody';

export const TableFigure = Node.create({
  name: 'tableFigure',
  group: SHEET_BLOCK_GROUP,
  content: `caption ${TABLE_GROUP} sourceLine`,
  defining: true,
  isolating: true,
  selectable: true,
  parseHTML: () => [{ tag: 'figure[data-table-figure]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'figure',
    mergeAttributes(HTMLAttributes, { 'data-table-figure': '', class: 'table-figure' }),
    0,
  ],
});

export function tableExtensions(): AnyExtension[] {
  return [
    TableFigure,
    // No resizing and no node view of Tiptap's: widths are the layout's, and the plain
    // rendering keeps the editor light.
    Table.extend({ group: TABLE_GROUP }).configure({ resizable: false, View: null }),
    TableRow,
    TableHeader,
    TableCell,
  ];
}
