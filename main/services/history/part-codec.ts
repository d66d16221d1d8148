import type { DocNode } from '../../../shared/content/doc.js';
import type { CommentThread, Review } from '../../../shared/model/review.js';
import type { PartValue, SheetParts } from '../../../shared/history/parts.js';
import { parsePartKey, type PartKey } from '../../../shared/model/history.js';
import type { ObjectStore } from './objects.js';

/** Where parts are stored and read: one writer's object file, or all of a history's (writer-logs.ts). */
export type ObjectSource = Pick<ObjectStore, 'stage' | 'read' | 'has'>;
import type { PartHashes } from './revision-log.js';

/**
 * How a part becomes objects: a section (or angle) is split into its top-level blocks,
 * each stored by hash, and the part itself is the list of its blocks' hashes; so editing
 * one paragraph stores that paragraph and a short list, not the section again. The review
 * is split the same way, thread by thread: a reply stores its thread again, not every
 * thread. Titles and metadata are small and stored whole.
 */
interface DocObject {
  /** The doc node without its content (its type, and attributes if any). */
  n: Omit<DocNode, 'content'>;
  /** Hashes of its blocks, in order; absent when the node has no content array. */
  b?: string[];
}

interface ReviewObject {
  /** The review without its threads (the title marks). */
  r: Omit<Review, 'threads'>;
  /** Hashes of its threads, by thread id. */
  t: Record<string, string>;
}

type Split = 'doc' | 'review' | 'whole';

function splitOf(key: PartKey): Split {
  const kind = parsePartKey(key)?.kind;
  if (kind === 'section' || kind === 'angle') return 'doc';
  return kind === 'review' ? 'review' : 'whole';
}

/** The hashes an object of a split part lists (blocks, threads), to read after it. */
function childHashes(split: Split, object: unknown): string[] {
  if (object === undefined) return [];
  if (split === 'doc') return (object as DocObject).b ?? [];
  if (split === 'review') return Object.values((object as ReviewObject).t ?? {});
  return [];
}

function stageReview(store: ObjectSource, review: Review): string {
  const { threads, ...rest } = review;
  const object: ReviewObject = {
    r: rest,
    t: Object.fromEntries(Object.entries(threads).map(([id, thread]) => [id, store.stage(thread)])),
  };
  return store.stage(object);
}

/** The review back from its object and its threads; undefined when a thread cannot be read. */
function readReview(object: ReviewObject, children: Map<string, unknown>): Review | undefined {
  const threads: Review['threads'] = {};
  for (const [id, hash] of Object.entries(object.t)) {
    const thread = children.get(hash) as CommentThread | undefined;
    if (thread === undefined) return undefined;
    threads[id] = thread;
  }
  return { ...object.r, threads };
}

/** Stages the objects of every part; answers each part's hash. */
export function stageParts(store: ObjectSource, parts: SheetParts): PartHashes {
  const hashes: PartHashes = {};
  for (const [key, value] of Object.entries(parts)) {
    const split = splitOf(key);
    if (split === 'review') {
      hashes[key] = stageReview(store, value as Review);
      continue;
    }
    if (split === 'whole') {
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
export async function readParts(store: ObjectSource, hashes: PartHashes): Promise<ReadParts> {
  const entries = Object.entries(hashes);
  const top = await store.read(entries.map(([, hash]) => hash));
  const blockHashes = entries.flatMap(([key, hash]) => childHashes(splitOf(key), top.get(hash)));
  const blocks = await store.read(blockHashes);
  const parts: SheetParts = {};
  const unreadable: PartKey[] = [];
  for (const [key, hash] of entries) {
    const object = top.get(hash);
    if (object === undefined) {
      unreadable.push(key);
      continue;
    }
    const split = splitOf(key);
    if (split === 'whole') {
      parts[key] = object as PartValue;
      continue;
    }
    if (split === 'review') {
      const review = readReview(object as ReviewObject, blocks);
      if (review) parts[key] = review;
      else unreadable.push(key);
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
  /** The blocks each readable section or angle lists (the threads, for the review). */
  blocksOf: Map<string, string[]>;
}

/** Reads only the parts' objects (not their blocks): enough to tell what a damaged object file costs. */
export async function inspectParts(
  store: Pick<ObjectSource, 'read' | 'has'>,
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
    const blocks = childHashes(splitOf(key), object);
    blocksOf.set(hash, blocks);
    if (blocks.some((block) => !store.has(block))) unreadable.add(hash);
  }
  return { unreadable, blocksOf };
}
