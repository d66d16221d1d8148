import type { DocNode } from '../../../shared/content/doc.js';
import type { PartValue, SheetParts } from '../../../shared/history/parts.js';
import { parsePartKey, type PartKey } from '../../../shared/model/history.js';
import type { ObjectStore } from './objects.js';
import type { PartHashes } from './revision-log.js';

/**
 * How a part becomes objects: a section (or angle) is split into its top-level blocks,
 * each stored by hash, and the part itself is the list of its blocks' hashes; so editing
 * one paragraph stores that paragraph and a short list, not the section again. Titles and
 * metadata are small and stored whole.
 */
interface DocObject {
  /** The doc node without its content (its type, and attributes if any). */
  n: Omit<DocNode, 'content'>;
  /** Hashes of its blocks, in order; absent when the node has no content array. */
  b?: string[];
}

const isDocPart = (key: PartKey) => {
  const kind = parsePartKey(key)?.kind;
  return kind === 'section' || kind === 'angle';
};

/** Stages the objects of every part; answers each part's hash. */
export function stageParts(store: ObjectStore, parts: SheetParts): PartHashes {
  const hashes: PartHashes = {};
  for (const [key, value] of Object.entries(parts)) {
    if (!isDocPart(key)) {
      hashes[key] = store.stage(value);
      continue;
    }
    const { content, ...node } = value as DocNode;
    const object: DocObject = content
      ? { n: node, b: content.map((block) => store.stage(block)) }
      : { n: node };
    hashes[key] = store.stage(object);
  }
  return hashes;
}

export interface ReadParts {
  parts: SheetParts;
  /** Parts some object of which is missing or damaged. */
  unreadable: PartKey[];
}

/** Reads the given parts back (two reads: the parts, then the blocks they list). */
export async function readParts(store: ObjectStore, hashes: PartHashes): Promise<ReadParts> {
  const entries = Object.entries(hashes);
  const top = await store.read(entries.map(([, hash]) => hash));
  const blockHashes = entries.flatMap(([key, hash]) =>
    isDocPart(key) ? ((top.get(hash) as DocObject | undefined)?.b ?? []) : [],
  );
  const blocks = await store.read(blockHashes);
  const parts: SheetParts = {};
  const unreadable: PartKey[] = [];
  for (const [key, hash] of entries) {
    const object = top.get(hash);
    if (object === undefined) {
      unreadable.push(key);
      continue;
    }
    if (!isDocPart(key)) {
      parts[key] = object as PartValue;
      continue;
    }
    const { n, b } = object as DocObject;
    if (!b) {
      parts[key] = n;
      continue;
    }
    const content = b.map((blockHash) => blocks.get(blockHash) as DocNode | undefined);
    if (content.some((block) => block === undefined)) unreadable.push(key);
    else parts[key] = { ...n, content: content as DocNode[] };
  }
  return { parts, unreadable };
}

export interface PartInspection {
  /** The part hashes that cannot be read whole: their own object or one of their blocks is missing. */
  unreadable: Set<string>;
  /** The blocks each readable section or angle lists. */
  blocksOf: Map<string, string[]>;
}

/** Reads only the parts' objects (not their blocks): enough to tell what a damaged object file costs. */
export async function inspectParts(
  store: ObjectStore,
  hashes: Map<string, PartKey>,
): Promise<PartInspection> {
  const top = await store.read(hashes.keys());
  const unreadable = new Set<string>();
  const blocksOf = new Map<string, string[]>();
  for (const [hash, key] of hashes) {
    const object = top.get(hash);
    if (object === undefined) {
      unreadable.add(hash);
      continue;
    }
    const blocks = isDocPart(key) ? ((object as DocObject).b ?? []) : [];
    blocksOf.set(hash, blocks);
    if (blocks.some((block) => !store.has(block))) unreadable.add(hash);
  }
  return { unreadable, blocksOf };
}
