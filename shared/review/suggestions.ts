import type { Node as PmNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import type { DocNode } from '../content/doc.js';
import { DELETION_MARK, INSERTION_MARK, type SuggestionKind } from '../content/review-marks.js';
import { contentSchema } from '../content/schema.js';
import type { Review } from '../model/review.js';
import type { Scenarios, SheetFile } from '../model/sheet.js';
import { hasSuggestions } from './anchors.js';
import { titleWithoutSuggestions } from './title-marks.js';

/**
 * Accepting and rejecting suggestions, written once on ProseMirror's Transform: an editor
 * runs it inside its own transaction (so Ctrl+Z undoes it), the exports run it on a bare
 * Transform of the saved JSON. Accepting an insertion keeps its text and drops the mark;
 * rejecting it removes the text. Accepting a deletion removes the text; rejecting it keeps
 * the text and drops the mark. A paragraph whose whole text goes this way goes with it.
 */
export type SuggestionDecision = 'accept' | 'reject';

export interface SuggestionRange {
  id: string;
  kind: SuggestionKind;
  from: number;
  to: number;
}

const kinds: readonly SuggestionKind[] = [INSERTION_MARK, DELETION_MARK];

/** Each suggestion's stretches of text in `doc`, contiguous stretches joined, in document order. */
export function suggestionRanges(doc: PmNode): SuggestionRange[] {
  const ranges: SuggestionRange[] = [];
  const last = new Map<string, SuggestionRange>();
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      const kind = mark.type.name as SuggestionKind;
      if (!kinds.includes(kind)) continue;
      const id = String(mark.attrs.id);
      const key = `${kind}:${id}`;
      const end = pos + node.nodeSize;
      const running = last.get(key);
      if (running && running.to === pos) running.to = end;
      else {
        const range = { id, kind, from: pos, to: end };
        ranges.push(range);
        last.set(key, range);
      }
    }
    return false;
  });
  return ranges;
}

/** Removes [from, to), or the whole paragraph when that is all its text and its container keeps another child. */
function removeText(tr: Transform, from: number, to: number): void {
  const $from = tr.doc.resolve(from);
  const parent = $from.parent;
  const wholeBlock =
    parent.isTextblock &&
    from === $from.start() &&
    to === $from.end() &&
    $from.depth >= 1 &&
    $from.node($from.depth - 1).childCount > 1 &&
    $from.node($from.depth - 1).type.name !== 'tableCell' &&
    $from.node($from.depth - 1).type.name !== 'tableHeader';
  if (wholeBlock && parent.type.name === 'paragraph') tr.delete($from.before(), $from.after());
  else tr.delete(from, to);
}

/**
 * Applies `decide`'s answer to every suggestion of `tr.doc` it answers for; answers the
 * number of suggestions decided. Marks are dropped first (positions stay), then text is
 * removed from the end backwards, so each range is still where it was found.
 */
export function decideSuggestions(
  tr: Transform,
  decide: (suggestion: { id: string; kind: SuggestionKind }) => SuggestionDecision | undefined,
): number {
  const decided = new Set<string>();
  const removals: SuggestionRange[] = [];
  for (const range of suggestionRanges(tr.doc)) {
    const decision = decide(range);
    if (!decision) continue;
    decided.add(`${range.kind}:${range.id}`);
    const keepsText = (range.kind === INSERTION_MARK) === (decision === 'accept');
    if (keepsText) {
      const type = tr.doc.type.schema.marks[range.kind];
      if (type) tr.removeMark(range.from, range.to, type);
    } else {
      removals.push(range);
    }
  }
  for (const range of disjoint(removals).reverse()) removeText(tr, range.from, range.to);
  return decided.size;
}

/** Overlapping stretches (an insertion rejected where a deletion is accepted) as one. */
function disjoint(ranges: SuggestionRange[]): { from: number; to: number }[] {
  const merged: { from: number; to: number }[] = [];
  for (const { from, to } of [...ranges].sort((a, b) => a.from - b.from)) {
    const previous = merged[merged.length - 1];
    if (previous && from < previous.to) previous.to = Math.max(previous.to, to);
    else merged.push({ from, to });
  }
  return merged;
}

/**
 * A section (or angle) as it stands while its suggestions wait: what the exports print,
 * and what Word's « Refuser tout » would leave. Content without suggestions is returned as is.
 */
export function withoutSuggestions(doc: DocNode): DocNode {
  if (!hasSuggestions(doc)) return doc;
  const tr = new Transform(contentSchema().nodeFromJSON(doc));
  decideSuggestions(tr, () => 'reject');
  return tr.doc.toJSON() as DocNode;
}

/** Scenarios as they stand while their suggestions wait, titles included (their marks: review.titleMarks). */
export function scenariosWithoutSuggestions(
  scenarios: Scenarios,
  titleMarks: Review['titleMarks'],
): Scenarios {
  return Object.fromEntries(
    Object.entries(scenarios).map(([hypothesis, scenario]) => [
      hypothesis,
      {
        title: titleWithoutSuggestions(scenario.title, titleMarks[hypothesis] ?? []),
        angles: Object.fromEntries(
          Object.entries(scenario.angles).map(([angle, doc]) => [angle, withoutSuggestions(doc)]),
        ),
      },
    ]),
  );
}

/** The sheet as every export prints it today: each pending suggestion left undone. */
export function sheetWithoutSuggestions(sheet: SheetFile): SheetFile {
  return {
    ...sheet,
    sections: Object.fromEntries(
      Object.entries(sheet.sections).map(([id, doc]) => [id, withoutSuggestions(doc)]),
    ),
    microScenarios: {
      ...sheet.microScenarios,
      scenarios: scenariosWithoutSuggestions(sheet.microScenarios.scenarios, sheet.review.titleMarks),
    },
  };
}
