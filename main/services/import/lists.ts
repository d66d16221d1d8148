import type { DocNode } from '../../../shared/content/doc.js';

/**
 * Word keeps a list flat: paragraphs, each with a level and a numbering instance. A sheet
 * nests lists in list items. Consecutive items become one list; a deeper level opens a
 * list inside the last item; a new instance at the outer level, or a change between
 * bullets and numbers, starts another list. A paragraph of the list without a number (a
 * second paragraph of an item) joins the last item.
 */
export type ListEntry =
  | { kind: 'item'; level: number; ordered: boolean; list: string; paragraph: DocNode }
  | { kind: 'more'; paragraph: DocNode };

interface Open {
  node: DocNode;
  ordered: boolean;
  list: string;
}

const listNode = (ordered: boolean): DocNode => ({
  type: ordered ? 'orderedList' : 'bulletList',
  content: [],
});

function lastItem(list: DocNode): DocNode | undefined {
  return list.content?.[list.content.length - 1];
}

export function nestLists(entries: readonly ListEntry[]): DocNode[] {
  const output: DocNode[] = [];
  const stack: Open[] = [];
  for (const entry of entries) {
    if (entry.kind === 'more') {
      const item = stack.length ? lastItem(stack[stack.length - 1]?.node as DocNode) : undefined;
      if (item) item.content?.push(entry.paragraph);
      else output.push(entry.paragraph);
      continue;
    }
    // A level cannot be skipped: an item two levels deeper than the last opens one level.
    const level = Math.min(entry.level, stack.length);
    while (stack.length > level + 1) stack.pop();
    const atLevel = stack[level];
    const restarts =
      atLevel && (atLevel.ordered !== entry.ordered || (level === 0 && atLevel.list !== entry.list));
    if (restarts) stack.pop();
    if (stack.length === level) {
      const node = listNode(entry.ordered);
      const parent = level > 0 ? lastItem(stack[level - 1]?.node as DocNode) : undefined;
      if (parent) parent.content?.push(node);
      else output.push(node);
      stack.push({ node, ordered: entry.ordered, list: entry.list });
    }
    stack[level]?.node.content?.push({ type: 'listItem', content: [entry.paragraph] });
  }
  return output;
}
