import { diffArrays } from 'diff';
import type { DocNode } from '../content/doc.js';
import { canonicalJson } from '../history/canonical.js';

/**
 * « Modifier les deux ensemble »: one document holding both versions of a conflicting part,
 * each block once where they agree, and where they differ the current version's blocks
 * followed by the other's, for the user to edit into one.
 */
export function unionOfDocs(current: DocNode, other: DocNode): DocNode {
  const a = current.content ?? [];
  const b = other.content ?? [];
  const content: DocNode[] = [];
  let i = 0;
  let j = 0;
  for (const change of diffArrays(a.map(canonicalJson), b.map(canonicalJson))) {
    const count = change.count ?? change.value.length;
    if (change.added) {
      content.push(...b.slice(j, j + count));
      j += count;
    } else if (change.removed) {
      content.push(...a.slice(i, i + count));
      i += count;
    } else {
      content.push(...a.slice(i, i + count));
      i += count;
      j += count;
    }
  }
  return { ...current, content };
}
