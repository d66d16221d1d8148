import type { Node as PmNode } from '@tiptap/pm/model';
import type { DocNode } from '../../../shared/content/doc.js';
import { FAR_BLOCKS } from './far-blocks-node.js';

/**
 * The section's top-level blocks as stored, whether or not the editor holds some of them in
 * runs of far blocks (far-blocks-node.ts): each with its position in the editor's document.
 */
export function forEachTopBlock(doc: PmNode, visit: (block: PmNode, pos: number) => void): void {
  doc.forEach((child, offset) => {
    if (child.type.name !== FAR_BLOCKS) visit(child, offset);
    else child.forEach((block, inner) => visit(block, offset + 1 + inner));
  });
}

/** The editor's document as JSON, flat as a section stores it. */
export function flatDocJson(doc: PmNode): DocNode {
  const json = doc.toJSON() as DocNode;
  if (!json.content?.some((child) => child.type === FAR_BLOCKS)) return json;
  return {
    ...json,
    content: json.content.flatMap((child) => (child.type === FAR_BLOCKS ? (child.content ?? []) : [child])),
  };
}
