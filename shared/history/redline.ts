import { diffArrays } from 'diff';
import type { DocMark, DocNode } from '../content/doc.js';
import { COMMENT_MARK, DELETION_MARK, INSERTION_MARK } from '../content/review-marks.js';
import { canonicalJson } from './canonical.js';
import { alignBlocks, pairBlocks, type Slot } from './diff.js';
import { followKeys, type ChangeAuthor, type ChangeStep } from './redline-walk.js';
import { tokenize } from './tokens.js';

export type { ChangeAuthor, ChangeStep } from './redline-walk.js';

/**
 * A part of a sheet as Word's tracked changes show it: the current text, with what an
 * earlier version had and lost (deletion marks) and what was added since (insertion
 * marks), each change carrying the author and date of the revision that made it.
 * Accepting every change gives the current part, rejecting every change the earlier one.
 *
 * Blocks are aligned and paired by the comparison's own code (diff.ts); a paired text block
 * is compared word by word (tokens.ts), lists, quotes and encadrés block by block inside;
 * a figure or a table changed in any way is the old one removed and the new one added. A
 * block added or removed whole carries the mark itself, and so does everything inside it.
 *
 * Attribution walks the versions in between (redline-walk.ts): every word and block of the
 * part is followed from one revision to the next (the same word comparison), so a word
 * added in revision 12 and a word removed in revision 15 each carry their own revision,
 * whatever came between, a colleague's brought by a sync included.
 */

/** Text blocks: compared word by word. */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'sourceLine', 'encadreTitle']);
/** Blocks of blocks: compared block by block inside, when their attributes agree. */
const CONTAINERS = new Set(['bulletList', 'orderedList', 'listItem', 'blockquote', 'encadre']);

/** Marks that are no part of the text's change: a comment's anchor moves with its words. */
const IGNORED_MARKS = new Set([COMMENT_MARK, INSERTION_MARK, DELETION_MARK]);

interface Token {
  key: string;
  /** The inline node the token was cut from (its text replaced by the token's). */
  node: DocNode;
}

const formatting = (marks: readonly DocMark[] | undefined) =>
  canonicalJson((marks ?? []).filter((mark) => !IGNORED_MARKS.has(mark.type)));

function inlineTokens(block: DocNode): Token[] {
  const tokens: Token[] = [];
  for (const child of block.content ?? []) {
    if (child.type === 'text') {
      const marks = formatting(child.marks);
      for (const piece of tokenize(child.text ?? '')) {
        tokens.push({ key: `t${piece}\u0000${marks}`, node: { ...child, text: piece } });
      }
    } else tokens.push({ key: `n${canonicalJson(child)}`, node: child });
  }
  return tokens;
}

/**
 * The keys the attribution follows through the versions, in document order: a text block's
 * words then its end, a figure or table as one key. The redline walks the same order, so a
 * word's place in this list names it in both.
 */
function flatKeys(node: DocNode): string[] {
  if (TEXT_BLOCKS.has(node.type)) return [...inlineTokens(node).map((token) => token.key), `¶${node.type}`];
  if (CONTAINERS.has(node.type)) {
    return [`[${node.type}`, ...(node.content ?? []).flatMap(flatKeys), `]${node.type}`];
  }
  return [`#${canonicalJson(node)}`];
}

const partKeys = (doc: DocNode | undefined) => (doc?.content ?? []).flatMap(flatKeys);

interface Walk {
  born: (number | undefined)[];
  died: (number | undefined)[];
  /** By step: who made it. */
  steps: readonly ChangeAuthor[];
  /** Places in the old and the new key lists. */
  old: number;
  new: number;
}

/** The latest step: for a change the walk could not place (the two comparisons disagree). */
const latest = (walk: Walk) => walk.steps.length;

function authorOf(walk: Walk, step: number | undefined): ChangeAuthor {
  return walk.steps[(step ?? latest(walk)) - 1] ?? (walk.steps[walk.steps.length - 1] as ChangeAuthor);
}

function changeMark(kind: 'insertion' | 'deletion', by: ChangeAuthor): DocMark {
  return {
    type: kind === 'insertion' ? INSERTION_MARK : DELETION_MARK,
    attrs: { author: by.author, date: by.date },
  };
}

const withoutComments = (marks: readonly DocMark[] | undefined) =>
  (marks ?? []).filter((mark) => !IGNORED_MARKS.has(mark.type));

/** A block added or removed whole: the mark on it and on everything inside (old anchors dropped from a removed one). */
function markedWhole(node: DocNode, mark: DocMark): DocNode {
  const own = mark.type === DELETION_MARK ? withoutComments(node.marks) : (node.marks ?? []);
  return {
    ...node,
    marks: [...own, mark],
    ...(node.content ? { content: node.content.map((child) => markedWhole(child, mark)) } : {}),
  };
}

function firstPlaced(
  indices: readonly (number | undefined)[],
  from: number,
  count: number,
): number | undefined {
  for (let index = from; index < from + count; index += 1)
    if (indices[index] !== undefined) return indices[index];
  return undefined;
}

function removedBlock(node: DocNode, walk: Walk): DocNode {
  const count = flatKeys(node).length;
  const by = authorOf(walk, firstPlaced(walk.died, walk.old, count));
  walk.old += count;
  return markedWhole(node, changeMark('deletion', by));
}

function addedBlock(node: DocNode, walk: Walk): DocNode {
  const count = flatKeys(node).length;
  const by = authorOf(walk, firstPlaced(walk.born, walk.new, count));
  walk.new += count;
  return markedWhole(node, changeMark('insertion', by));
}

/** Neighbouring text of the same marks is one text node again. */
function joined(nodes: DocNode[]): DocNode[] {
  const out: DocNode[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (
      node.type === 'text' &&
      last?.type === 'text' &&
      canonicalJson(last.marks ?? []) === canonicalJson(node.marks ?? [])
    ) {
      last.text = `${last.text ?? ''}${node.text ?? ''}`;
    } else out.push(node.type === 'text' ? { ...node } : node);
  }
  return out;
}

function withMark(node: DocNode, mark: DocMark, drop: boolean): DocNode {
  return { ...node, marks: [...(drop ? withoutComments(node.marks) : (node.marks ?? [])), mark] };
}

function textBlock(before: DocNode, after: DocNode, walk: Walk): DocNode {
  const oldTokens = inlineTokens(before);
  const newTokens = inlineTokens(after);
  const inline: DocNode[] = [];
  let o = 0;
  let n = 0;
  for (const change of diffArrays(
    oldTokens.map((token) => token.key),
    newTokens.map((token) => token.key),
  )) {
    for (let k = 0; k < change.value.length; k += 1) {
      if (change.removed) {
        const token = oldTokens[o] as Token;
        inline.push(
          withMark(token.node, changeMark('deletion', authorOf(walk, walk.died[walk.old + o])), true),
        );
        o += 1;
      } else if (change.added) {
        const token = newTokens[n] as Token;
        inline.push(
          withMark(token.node, changeMark('insertion', authorOf(walk, walk.born[walk.new + n])), false),
        );
        n += 1;
      } else {
        inline.push((newTokens[n] as Token).node);
        o += 1;
        n += 1;
      }
    }
  }
  // The block's end: the words, then its end mark, as flatKeys counts them.
  walk.old += oldTokens.length + 1;
  walk.new += newTokens.length + 1;
  const content = joined(inline);
  return { ...after, ...(content.length ? { content } : {}) };
}

function sameAttrs(a: DocNode, b: DocNode): boolean {
  return canonicalJson(a.attrs ?? {}) === canonicalJson(b.attrs ?? {});
}

function changedBlock(before: DocNode, after: DocNode, walk: Walk): DocNode[] {
  if (TEXT_BLOCKS.has(after.type)) return [textBlock(before, after, walk)];
  if (CONTAINERS.has(after.type) && sameAttrs(before, after)) {
    walk.old += 1;
    walk.new += 1;
    const content = blocks(before, after, walk);
    walk.old += 1;
    walk.new += 1;
    return [{ ...after, content }];
  }
  return [removedBlock(before, walk), addedBlock(after, walk)];
}

function blocks(before: DocNode, after: DocNode, walk: Walk): DocNode[] {
  const out: DocNode[] = [];
  for (const item of alignBlocks('', before, after).items) {
    if (item.kind === 'same') {
      const count = flatKeys(item.slot.node).length;
      walk.old += count;
      walk.new += count;
      out.push(item.slot.node);
      continue;
    }
    const pairs = pairBlocks(item.removed, item.added);
    const pairedNew = new Map<Slot, Slot>([...pairs].map(([oldSlot, newSlot]) => [newSlot, oldSlot]));
    // Where each block's keys start: the hunk's blocks are taken out of their order below.
    const starts = new Map<Slot, number>();
    let oldEnd = walk.old;
    for (const slot of item.removed) {
      starts.set(slot, oldEnd);
      oldEnd += flatKeys(slot.node).length;
    }
    let newEnd = walk.new;
    for (const slot of item.added) {
      starts.set(slot, newEnd);
      newEnd += flatKeys(slot.node).length;
    }
    // In both orders at once: removed blocks before the additions that replace them, and
    // before a changed block those removed before its old self.
    let next = 0;
    const removeUpTo = (end: number) => {
      for (; next < end; next += 1) {
        const slot = item.removed[next] as Slot;
        if (pairs.has(slot)) continue;
        walk.old = starts.get(slot) as number;
        out.push(removedBlock(slot.node, walk));
      }
    };
    for (const slot of item.added) {
      const old = pairedNew.get(slot);
      walk.new = starts.get(slot) as number;
      if (!old) {
        out.push(addedBlock(slot.node, walk));
        continue;
      }
      removeUpTo(item.removed.indexOf(old));
      next += 1;
      walk.old = starts.get(old) as number;
      out.push(...changedBlock(old.node, slot.node, walk));
    }
    removeUpTo(item.removed.length);
    walk.old = oldEnd;
    walk.new = newEnd;
  }
  return out;
}

const EMPTY: DocNode = { type: 'doc', content: [] };

/**
 * A part's content with its changes: `versions` from the earlier version to the current one
 * (undefined where the part was empty), `steps[i]` who made version i + 1, and from what.
 */
export function redlineDoc(
  versions: readonly (DocNode | undefined)[],
  steps: readonly ChangeStep[],
): DocNode {
  const before = versions[0] ?? EMPTY;
  const after = versions[versions.length - 1] ?? EMPTY;
  if (steps.length === 0 || canonicalJson(before) === canonicalJson(after)) return after;
  const { born, died } = followKeys(versions.map(partKeys), steps);
  const walk: Walk = { born, died, steps, old: 0, new: 0 };
  return { ...after, content: blocks(before, after, walk) };
}

/** A mark over [from, to) of a one-line text (a scenario title's). */
export interface RangeChange {
  kind: 'insertion' | 'deletion';
  from: number;
  to: number;
  by: ChangeAuthor;
}

/**
 * A one-line text with its changes (a scenario title): the text both versions' words make,
 * the ranges inserted or deleted, and where each offset of the current text went (so its
 * comment marks follow).
 */
export function redlineLine(
  versions: readonly (string | undefined)[],
  steps: readonly ChangeStep[],
): { text: string; changes: RangeChange[]; offsetOf: (current: number) => number } {
  const paragraph = (text: string | undefined): DocNode => ({
    type: 'paragraph',
    content: text ? [{ type: 'text', text }] : [],
  });
  const doc = redlineDoc(
    versions.map((text) => ({ type: 'doc', content: [paragraph(text)] })),
    steps,
  );
  let text = '';
  const changes: RangeChange[] = [];
  const offsets: number[] = [];
  for (const node of doc.content?.[0]?.content ?? []) {
    const piece = node.text ?? '';
    const mark = node.marks?.find(
      (candidate) => candidate.type === INSERTION_MARK || candidate.type === DELETION_MARK,
    );
    if (mark) {
      changes.push({
        kind: mark.type === INSERTION_MARK ? 'insertion' : 'deletion',
        from: text.length,
        to: text.length + piece.length,
        by: { author: String(mark.attrs?.author ?? ''), date: String(mark.attrs?.date ?? '') },
      });
    }
    if (mark?.type !== DELETION_MARK) for (let k = 0; k < piece.length; k += 1) offsets.push(text.length + k);
    text += piece;
  }
  offsets.push(text.length);
  return { text, changes, offsetOf: (current) => offsets[current] ?? text.length };
}
