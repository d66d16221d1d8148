import type { Node as PmNode } from '@tiptap/pm/model';
import { forEachTopBlock } from './far-blocks/top-blocks.js';

/**
 * A figure of each top-level block of a document, computed once per block: ProseMirror
 * keeps a block nobody touched as the same object from one state to the next, so in a
 * section of 15,000 blocks (a long web page pasted) a save or a recount works on the blocks
 * that changed only. The blocks are the section's, also those the editor holds in runs of
 * far blocks (far-blocks/). `compute` gets the block, its position and the document.
 */
export function perBlock<T>(
  compute: (block: PmNode, offset: number, doc: PmNode) => T,
): (doc: PmNode) => T[] {
  const kept = new WeakMap<PmNode, T>();
  return (doc) => {
    const figures: T[] = [];
    forEachTopBlock(doc, (block, offset) => {
      let figure = kept.get(block);
      if (figure === undefined) {
        figure = compute(block, offset, doc);
        kept.set(block, figure);
      }
      figures.push(figure);
    });
    return figures;
  };
}
