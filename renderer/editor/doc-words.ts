import { getTextBetween, getTextSerializersFromSchema, type TextSerializer } from '@tiptap/core';
import type { Node as PmNode, Schema } from '@tiptap/pm/model';
import { wordCount } from '../../shared/content/doc.js';

/**
 * The words of a section for the outline: the count of its whole text (Tiptap's getText,
 * blocks separated by a line break, which no word spans), summed block by block. An
 * unchanged block is the same object from one state to the next, so its count is kept
 * here: in a section of 15,000 blocks a recount read 4 MB of text, 100 ms of the page's
 * idle time after each pause in typing; now it reads the blocks that changed.
 */
const blockWords = new WeakMap<PmNode, number>();
const serializersOf = new WeakMap<Schema, Record<string, TextSerializer>>();

function serializers(schema: Schema): Record<string, TextSerializer> {
  let found = serializersOf.get(schema);
  if (!found) {
    found = getTextSerializersFromSchema(schema);
    serializersOf.set(schema, found);
  }
  return found;
}

export function docWordCount(doc: PmNode): number {
  const textSerializers = serializers(doc.type.schema);
  let total = 0;
  doc.forEach((block, offset) => {
    let words = blockWords.get(block);
    if (words === undefined) {
      const range = { from: offset, to: offset + block.nodeSize };
      words = wordCount(getTextBetween(doc, range, { blockSeparator: '\n', textSerializers }));
      blockWords.set(block, words);
    }
    total += words;
  });
  return total;
}
