import type { DocMark, DocNode } from '../../../../shared/content/doc.js';
import { isSafeLinkHref } from '../../../../shared/content/links.js';
import { isMarkName, isNodeName, type MarkName } from '../../../../shared/content/node-names.js';
import { numberBlocks, type Counts, type NumberedBlock } from '../../../../shared/content/numbering.js';
import { COMMENT_MARK, DELETION_MARK, INSERTION_MARK } from '../../../../shared/content/review-marks.js';
import type { Layout } from '../../../../shared/model/layout.js';
import { fr } from '../../french.js';
import { frenchSpaces } from './text.js';
import type { PlanMark, PlanNode, PlanReview } from './types.js';

/**
 * A part's content (ProseMirror JSON) as plan nodes: the one place that decides what the
 * exports print of it. Text gets its French spacing; figures and tables their numbers
 * (shared/content/numbering.ts: top-level blocks, from the part's start); source lines the
 * layout's prefix; a link its address only when it is safe (else it prints as its text).
 * A node or a mark that the schema does not know (a file edited by hand: saved content is
 * checked against the schema) is left out and reported, in every format alike.
 */

export interface ContentPlanning {
  layout: Layout;
  warnings: string[];
  review: PlanReview;
  /** The comment threads met so far, in the order of their first anchor. */
  anchored: Set<string>;
  /** Starts the anchors of the numbered blocks (unique in the document: the sheet's or the family's id). */
  anchorPrefix: string;
}

/** A plain export: for publication, without the review's marks. */
export const NO_REVIEW: PlanReview = { comments: false, changes: false };

/**
 * The review's marks (content/review-marks.ts) reach the plan only for an export for
 * review: a plain export prints commented words as any other, and the pending suggestions
 * are already undone (collectSheet); insertion and deletion marks then only come from the
 * changes since a version (review/changes-since.ts).
 */
function keepsReviewMark(type: MarkName, planning: ContentPlanning): boolean {
  if (type === COMMENT_MARK) return planning.review.comments;
  if (type === INSERTION_MARK || type === DELETION_MARK) return planning.review.changes;
  return true;
}

function planMarks(marks: readonly DocMark[] | undefined, planning: ContentPlanning): PlanMark[] {
  const planned: PlanMark[] = [];
  for (const mark of marks ?? []) {
    if (!isMarkName(mark.type)) {
      planning.warnings.push(fr`Mise en forme « ${mark.type.slice(0, 40)} » inconnue : ignorée.`);
      continue;
    }
    if (!keepsReviewMark(mark.type, planning)) continue;
    const attrs = { ...(mark.attrs ?? {}) };
    if (mark.type === COMMENT_MARK) planning.anchored.add(String(attrs.thread));
    if (mark.type === 'link') {
      const href = typeof attrs.href === 'string' ? attrs.href.trim() : '';
      if (!isSafeLinkHref(href)) continue;
      attrs.href = href;
    }
    planned.push({ type: mark.type, attrs });
  }
  return planned;
}

function planNode(node: DocNode, planning: ContentPlanning): PlanNode | undefined {
  if (!isNodeName(node.type)) {
    planning.warnings.push(fr`Bloc « ${node.type.slice(0, 40)} » inattendu à cet endroit : ignoré.`);
    return undefined;
  }
  const planned: PlanNode = {
    type: node.type,
    attrs: { ...(node.attrs ?? {}) },
    content: planNodes(node.content, planning),
    marks: planMarks(node.marks, planning),
  };
  if (node.type === 'text') planned.text = frenchSpaces(node.text ?? '');
  if (node.type === 'sourceLine') planned.lead = planning.layout.captions.sourcePrefix;
  return planned;
}

/** Nodes as the plan prints them (inline ones: a title's text). */
export function planNodes(nodes: readonly DocNode[] | undefined, planning: ContentPlanning): PlanNode[] {
  return (nodes ?? []).flatMap((node) => planNode(node, planning) ?? []);
}

/** The side of a part's tracked changes: as it is now (removed blocks out), or as it was (added blocks out). */
export type ChangeSide = 'current' | 'base';

/** A block removed whole is not part of the current side, one added whole not part of the earlier one. */
const sideLeaves = (block: DocNode, side: ChangeSide) =>
  block.marks?.some((mark) => mark.type === (side === 'current' ? DELETION_MARK : INSERTION_MARK)) === true;

/** The part's top-level blocks on one side of its changes, each with its index in the part. */
export function sideOf(doc: DocNode, side: ChangeSide): { doc: DocNode; indices: number[] } {
  const indices: number[] = [];
  const content = (doc.content ?? []).filter((block, index) => {
    if (sideLeaves(block, side)) return false;
    indices.push(index);
    return true;
  });
  return { doc: { ...doc, content }, indices };
}

/** Where a part's numbering starts: as it is now, and, with tracked changes, as it was. */
export interface PartStart {
  current: Counts;
  base?: Counts;
}

/**
 * The numbered blocks of a part, by index. With tracked changes, a block removed since the
 * chosen version keeps the number it had then; every other block takes its number of now.
 */
function numbersOf(doc: DocNode, start: PartStart): Map<number, NumberedBlock> {
  if (!start.base) return new Map(numberBlocks(doc, start.current).map((block) => [block.index, block]));
  const numbers = new Map<number, NumberedBlock>();
  const now = sideOf(doc, 'current');
  for (const block of numberBlocks(now.doc, start.current))
    numbers.set(now.indices[block.index] as number, block);
  const then = sideOf(doc, 'base');
  for (const block of numberBlocks(then.doc, start.base)) {
    const index = then.indices[block.index] as number;
    // Only the removed blocks are not numbered yet.
    if (!numbers.has(index)) numbers.set(index, block);
  }
  return numbers;
}

/** One part's blocks, its figures and tables numbered from `start` (what the parts before it hold). */
export function planContent(
  doc: DocNode | undefined,
  start: PartStart,
  planning: ContentPlanning,
): PlanNode[] {
  if (!doc) return [];
  const { captions } = planning.layout;
  const numbers = numbersOf(doc, start);
  return (doc.content ?? []).flatMap((block, index) => {
    const planned = planNode(block, planning);
    if (!planned) return [];
    const numbered = numbers.get(index);
    if (numbered) {
      planned.number = {
        kind: numbered.kind,
        name: numbered.kind === 'figure' ? captions.figureLabel : captions.tableLabel,
        number: numbered.number,
        separator: captions.separator,
      };
      planned.anchor = `${planning.anchorPrefix}-${numbered.kind}-${numbered.number}`;
    }
    return [planned];
  });
}

/** The text a node shows, marks aside (captions as alt text, TOC entries, tests). */
export function planText(node: PlanNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return node.content.map(planText).join('');
}

export const childOfType = (node: PlanNode, type: PlanNode['type']): PlanNode | undefined =>
  node.content.find((child) => child.type === type);
