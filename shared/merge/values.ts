import { emptyDoc, type DocNode } from '../content/doc.js';
import { canonicalJson } from '../history/canonical.js';
import type { SheetMeta } from '../history/parts.js';
import { hasConflict, mergeSequences, resolvedItems } from './sequence.js';

/**
 * Three-way merges of one part's value: a document block by block, a title whole, the
 * metadata field by field. Each answers the merged value and, when the same block or field
 * was changed differently on both sides, `other`: the same merge with the other side's
 * version of what conflicts. The value keeps our side's version; nothing of either is lost.
 */
export interface Merged<V> {
  value: V;
  other?: V;
}

export const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** The common cases: both sides agree, or only one side changed. Undefined when both changed. */
function trivial<V>(base: V | undefined, ours: V, theirs: V): Merged<V> | undefined {
  if (same(ours, theirs)) return { value: ours };
  if (base !== undefined && same(base, ours)) return { value: theirs };
  if (base !== undefined && same(base, theirs)) return { value: ours };
  return undefined;
}

export function mergeScalar<V>(base: V | undefined, ours: V, theirs: V): Merged<V> {
  return trivial(base, ours, theirs) ?? { value: ours, other: theirs };
}

/**
 * A missing base (a section both sides created) is a new section's: one empty paragraph,
 * which both sides replacing with their text is a conflict, not two additions.
 */
export function mergeDocs(base: DocNode | undefined, ours: DocNode, theirs: DocNode): Merged<DocNode> {
  const known = trivial(base, ours, theirs);
  if (known) return known;
  const baseBlocks = (base ?? emptyDoc()).content ?? [];
  const segments = mergeSequences(baseBlocks, ours.content ?? [], theirs.content ?? [], canonicalJson);
  const value = { ...ours, content: resolvedItems(segments, 'ours') };
  if (!hasConflict(segments)) return { value };
  return { value, other: { ...ours, content: resolvedItems(segments, 'theirs') } };
}

/**
 * Names kept in order; one added on either side is kept, one removed on either side goes.
 * Two names added at the same place are both kept (ours first): a list of authors has no
 * conflict worth asking about.
 */
export function mergeNameLists(
  base: readonly string[] | undefined,
  ours: readonly string[],
  theirs: readonly string[],
): string[] {
  const segments = mergeSequences(base ?? [], ours, theirs, (name) => name);
  const names = segments.flatMap((segment) =>
    segment.kind === 'ok' ? segment.items : [...segment.ours, ...segment.theirs],
  );
  return [...new Set(names)];
}

/** Status and use of the family's micro-scenarios are fields; the authors a list. */
export function mergeMeta(
  base: SheetMeta | undefined,
  ours: SheetMeta,
  theirs: SheetMeta,
): Merged<SheetMeta> {
  const status = mergeScalar(base?.status, ours.status, theirs.status);
  const useFamily = mergeScalar(base?.useFamily, ours.useFamily, theirs.useFamily);
  const authors = mergeNameLists(base?.authors, ours.authors, theirs.authors);
  const value: SheetMeta = { status: status.value, authors, useFamily: useFamily.value };
  if (status.other === undefined && useFamily.other === undefined) return { value };
  return {
    value,
    other: { status: status.other ?? status.value, authors, useFamily: useFamily.other ?? useFamily.value },
  };
}
