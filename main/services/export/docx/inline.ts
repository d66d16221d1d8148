import {
  DeletedTextRun,
  ExternalHyperlink,
  InsertedTextRun,
  TextRun,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { MarkName } from '../../../../shared/content/node-names.js';
import type { PlanMark, PlanNode } from '../plan/types.js';
import type { WordReview } from './review.js';

/**
 * Text and its marks as Word runs. The text goes in as the plan says (its no-break spaces
 * are characters like any other, and Word keeps them).
 *
 * Each mark of the schema has an entry, keyed by mark name (a mark added to the schema
 * without a Word form is a compile error). An entry styles the run (`run`), and may also
 * wrap the neighbouring runs that carry the same mark (`wrap`): a link is one hyperlink
 * around its runs; a comment's range or a tracked insertion is written the same way.
 */

export type RunOptions = Pick<
  IRunOptions,
  'bold' | 'italics' | 'underline' | 'style' | 'noProof' | 'language'
>;

export interface MarkEntry {
  run?: (mark: PlanMark) => RunOptions;
  wrap?: {
    /** Neighbouring runs whose marks give the same key are wrapped together. */
    key(mark: PlanMark): string;
    children(mark: PlanMark, runs: ParagraphChild[]): ParagraphChild[];
  };
}

/** Addresses never break at a hyphen Word would add: Word does not hyphenate text it does not proof. */
export const NOT_HYPHENATED: RunOptions = { noProof: true };

const markEntries: Record<MarkName, MarkEntry> = {
  bold: { run: () => ({ bold: true }) },
  italic: { run: () => ({ italics: true }) },
  underline: { run: () => ({ underline: {} }) },
  link: {
    run: () => ({ style: 'Hyperlink', ...NOT_HYPHENATED }),
    wrap: {
      key: (mark) => String(mark.attrs.href),
      children: (mark, runs) => [new ExternalHyperlink({ link: String(mark.attrs.href), children: runs })],
    },
  },
  // The review's marks (in an export for review only: plan/content.ts) are written by
  // review.ts: a comment's range may span paragraphs and overlap another, a change is its
  // runs' kind (w:ins, w:del).
  comment: {},
  insertion: {},
  deletion: {},
};

/** A word that reads as an address or an identifier: Word must not hyphenate it (print/hyphenate.ts agrees). */
const UNBREAKABLE_TOKEN =
  /(?:^|(?<=\s))(?:[a-z][a-z0-9+.-]*:\/\/|www\.|[^\s@]+@)[^\s]+|\S+\.[a-z]{2,}\/\S*/gi;

type Run = (options: IRunOptions) => ParagraphChild;

/** A text's runs: plain, or inserted or deleted as the node's change says (each w:ins or w:del numbered on its own). */
function runMaker(node: PlanNode, review: WordReview): Run {
  return (options) => {
    const change = review.tracked(node.marks);
    if (!change) return new TextRun(options);
    return change.kind === 'insertion'
      ? new InsertedTextRun({ ...options, ...change.revision })
      : new DeletedTextRun({ ...options, ...change.revision });
  };
}

function runsOf(text: string, options: RunOptions, run: Run): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  let last = 0;
  for (const match of text.matchAll(UNBREAKABLE_TOKEN)) {
    const index = match.index ?? 0;
    if (index > last) runs.push(run({ text: text.slice(last, index), ...options }));
    runs.push(run({ text: match[0], ...options, ...NOT_HYPHENATED }));
    last = index + match[0].length;
  }
  if (last < text.length || runs.length === 0) runs.push(run({ text: text.slice(last), ...options }));
  return runs;
}

function runOptions(marks: readonly PlanMark[], extra: RunOptions): RunOptions {
  let options: RunOptions = { ...extra };
  for (const mark of marks) options = { ...options, ...markEntries[mark.type].run?.(mark) };
  return options;
}

interface Wrapping {
  mark: PlanMark;
  key: string;
  children: ParagraphChild[];
}

/**
 * Inline content of a paragraph-like node. Wrapping marks nest in the order the runs carry
 * them; a wrapper closes where the next run no longer carries its mark.
 */
export function inlineChildren(
  nodes: readonly PlanNode[] | undefined,
  review: WordReview,
  extra: RunOptions = {},
): ParagraphChild[] {
  const root: ParagraphChild[] = [];
  const open: Wrapping[] = [];
  const target = () => open[open.length - 1]?.children ?? root;
  const close = (depth: number) => {
    while (open.length > depth) {
      const done = open.pop() as Wrapping;
      const entry = markEntries[done.mark.type].wrap;
      target().push(...(entry ? entry.children(done.mark, done.children) : done.children));
    }
  };
  for (const node of nodes ?? []) {
    const wrapping = node.marks
      .map((mark) => ({ mark, wrap: markEntries[mark.type].wrap }))
      .filter((entry) => entry.wrap !== undefined)
      .map(({ mark, wrap }) => ({ mark, key: `${mark.type}:${wrap?.key(mark) ?? ''}` }));
    let depth = 0;
    while (depth < open.length && depth < wrapping.length && open[depth]?.key === wrapping[depth]?.key)
      depth += 1;
    close(depth);
    for (const { mark, key } of wrapping.slice(depth)) open.push({ mark, key, children: [] });
    if (node.type === 'hardBreak') {
      target().push(runMaker(node, review)({ break: 1 }));
      continue;
    }
    target().push(
      ...review.opening(node),
      ...runsOf(node.text ?? '', runOptions(node.marks, extra), runMaker(node, review)),
      ...review.closing(node),
    );
  }
  close(0);
  return root;
}
