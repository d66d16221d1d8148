import { inlineText } from '../inline-text.js';
import type { Block, Paragraph } from '../model.js';

/** Views of a read document that tests compare whole: the text of each block, the marked runs. */

export function paragraphs(blocks: readonly Block[]): Paragraph[] {
  return blocks.flatMap((block) =>
    block.kind === 'paragraph'
      ? [block]
      : block.rows.flatMap((row) => row.cells.flatMap((cell) => paragraphs(cell.blocks))),
  );
}

export function texts(blocks: readonly Block[]): string[] {
  return paragraphs(blocks).map((paragraph) => inlineText(paragraph.content));
}
