import { Node } from '@tiptap/core';

/**
 * Figures and tables stand at the top level of a section, never inside a list, a quotation
 * or a cell: they span a column or the page in print, and their numbering reads the
 * section's top level only. They belong to this group, which only the section allows.
 */
export const SHEET_BLOCK_GROUP = 'sheetBlock';

/** The root of a section: Tiptap's document, also accepting figures and tables. */
export const SectionDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: `(block | ${SHEET_BLOCK_GROUP})+`,
});
