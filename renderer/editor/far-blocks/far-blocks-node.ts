import { Node } from '@tiptap/core';
import { SectionDocument, SHEET_BLOCK_GROUP } from '../../../shared/content/sheet-blocks.js';

/**
 * A run of top-level blocks far from the selection, held in one element so that the browser
 * skips laying it out as one (content-visibility: auto, editor.css) instead of one block at
 * a time: in a section of 15,000 blocks (a long web page pasted) the per-block skipping
 * itself took half a second of the paste and tens of milliseconds of each keystroke. It
 * exists in the editor only: what a section stores, saves and exports is flat (top-blocks.ts),
 * and the editor keeps the blocks around the selection out of it (far-blocks-plugin.ts).
 */
export const FAR_BLOCKS = 'farBlocks';

export const FarBlocks = Node.create({
  name: FAR_BLOCKS,
  content: `(block | ${SHEET_BLOCK_GROUP})+`,
  selectable: false,
  // Never read from HTML: a pasted <div> is never one.
  parseHTML: () => [],
  renderHTML: () => ['div', { class: 'far-blocks' }, 0],
});

/** The section's root in the editor, which also admits runs of far blocks. */
export const EditingSectionDocument = SectionDocument.extend({
  content: `(block | ${SHEET_BLOCK_GROUP} | ${FAR_BLOCKS})+`,
});
