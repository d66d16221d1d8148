import type { Node as PmNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import type { Transform } from '@tiptap/pm/transform';
import { FAR_BLOCKS } from './far-blocks-node.js';
import { farBlocksType, FarBlocksStep, type TopRange } from './far-blocks-step.js';

/**
 * Which top-level blocks the editor holds in runs of far blocks (far-blocks-node.ts): none
 * in a section of fewer than MIN_BLOCKS blocks; otherwise every full run of RUN_SIZE blocks
 * further than NEAR blocks from the selection. The blocks around the selection are always
 * top-level ones, so that every command finds them where a section has them.
 */
export const MIN_BLOCKS = 512;
export const RUN_SIZE = 64;
export const NEAR = 48;

/** The section's blocks, counted as stored. */
function topBlockCount(doc: PmNode): number {
  let count = 0;
  doc.forEach((child) => {
    count += child.type.name === FAR_BLOCKS ? child.childCount : 1;
  });
  return count;
}

/**
 * Takes the blocks of every run that meets `from`–`to` (the selection), or stands right
 * before or after it, back to the top level: the selection's blocks and their neighbours
 * are then top-level ones, so that a Backspace at the start of a block joins it with the
 * block before, not with a run. The step maps every position exactly: the selection stays
 * on the same text.
 */
export function bringNear(tr: Transform, from: number, to: number): void {
  const runs = runsNear(tr.doc, from, to);
  if (runs.length > 0) tr.step(new FarBlocksStep(false, runs));
}

/** The runs bringNear takes back to the top level. */
export function runsNear(doc: PmNode, from: number, to: number): TopRange[] {
  const $from = doc.resolve(from);
  const first = Math.max(0, $from.index(0) - 1);
  const last = Math.min(doc.childCount - 1, doc.resolve(to).indexAfter(0));
  const runs: TopRange[] = [];
  // Run on every update of the view: only the few children around the selection are read.
  let pos = $from.posAtIndex(first, 0);
  for (let index = first; index <= last; index += 1) {
    const child = doc.child(index);
    if (child.type.name === FAR_BLOCKS) runs.push([pos, pos + child.nodeSize]);
    pos += child.nodeSize;
  }
  return runs;
}

/** Puts every full run of RUN_SIZE top-level blocks further than NEAR from `from`–`to` into a run of far blocks. */
export function holdFar(tr: Transform, from: number, to: number): void {
  const doc = tr.doc;
  if (topBlockCount(doc) < MIN_BLOCKS) return;
  const type = farBlocksType(doc.type.schema);
  const nearFrom = doc.resolve(from).index(0) - NEAR;
  const nearTo = doc.resolve(to).indexAfter(0) + NEAR;
  const runs: TopRange[] = [];
  let start = -1;
  let count = 0;
  doc.forEach((child, pos, index) => {
    if (child.type === type || (index >= nearFrom && index < nearTo)) {
      count = 0;
      return;
    }
    if (count === 0) start = pos;
    count += 1;
    if (count === RUN_SIZE) {
      runs.push([start, pos + child.nodeSize]);
      count = 0;
    }
  });
  if (runs.length > 0) tr.step(new FarBlocksStep(true, runs));
}

/**
 * A transaction of `state` that first takes the runs around `pos` back to the top level,
 * with where `pos` is then: for a command on a block the selection is not in (a figure's
 * buttons, an image dropped), which works on the section's top level.
 */
export function nearPos(state: EditorState, pos: number): { tr: Transaction; pos: number } {
  const tr = state.tr;
  bringNear(tr, pos, pos);
  return { tr, pos: tr.mapping.map(pos) };
}
