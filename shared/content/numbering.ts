import type { Scenarios } from '../model/sheet.js';
import type { SheetTemplate } from '../model/template.js';
import { textOf, type DocNode } from './doc.js';

/**
 * Figures and tables are numbered through the whole sheet, each kind on its own: the
 * sections in the template's order, then the family's note, then the micro-scenarios
 * (hypothesis by hypothesis, angle by angle). Numbers are derived here and never stored,
 * so the editor, the Word export and the PDF export show the same « Figure 3 ».
 */

export type NumberedKind = 'figure' | 'table';

export interface Counts {
  figure: number;
  table: number;
}

export const noCounts = (): Counts => ({ figure: 0, table: 0 });

/** The node types that carry a number, and of which kind. */
const kindByType: Readonly<Record<string, NumberedKind>> = { figure: 'figure', tableFigure: 'table' };

export function numberedKindOf(typeName: string): NumberedKind | undefined {
  return Object.hasOwn(kindByType, typeName) ? kindByType[typeName] : undefined;
}

const labels: Record<NumberedKind, string> = { figure: 'Figure', table: 'Tableau' };

/** « Figure 3 : », the text put before the caption (no-break space before the colon). */
export function captionLabel(kind: NumberedKind, number: number): string {
  return `${labels[kind]} ${number}\u00a0: `;
}

/** A source counts once it has a visible character. */
export function isSourceMissing(sourceText: string): boolean {
  return sourceText.replace(/[\s\u00a0\u202f]/g, '') === '';
}

export interface NumberedBlock {
  /** Index of the block among the section's top-level blocks. */
  index: number;
  kind: NumberedKind;
  number: number;
  missingSource: boolean;
}

/** The source line is the last child of a figure and of a table figure. */
function sourceOf(block: DocNode): DocNode | undefined {
  const children = block.content ?? [];
  const last = children[children.length - 1];
  return last?.type === 'sourceLine' ? last : undefined;
}

/** The numbered blocks of one section, numbered from `start` (what the parts before it hold). */
export function numberBlocks(doc: DocNode, start: Counts = noCounts()): NumberedBlock[] {
  const next = { ...start };
  const blocks: NumberedBlock[] = [];
  (doc.content ?? []).forEach((block, index) => {
    const kind = numberedKindOf(block.type);
    if (!kind) return;
    next[kind] += 1;
    const source = sourceOf(block);
    blocks.push({
      index,
      kind,
      number: next[kind],
      missingSource: isSourceMissing(source ? textOf(source) : ''),
    });
  });
  return blocks;
}

export function countNumbered(doc: DocNode): Counts & { missingSources: number } {
  const counts = { ...noCounts(), missingSources: 0 };
  for (const block of numberBlocks(doc)) {
    counts[block.kind] += 1;
    if (block.missingSource) counts.missingSources += 1;
  }
  return counts;
}

/** Where each part starts counting: the sum of all the parts before it. */
export function startsOf(counts: readonly Counts[]): Counts[] {
  const running = noCounts();
  return counts.map((count) => {
    const start = { ...running };
    running.figure += count.figure;
    running.table += count.table;
    return start;
  });
}

/** The parts of a sheet that hold content, in numbering order. */
export type NumberedPart =
  | { kind: 'section'; section: string }
  | { kind: 'family-note' }
  | { kind: 'scenario-angle'; hypothesis: string; angle: string };

export function numberingOrder(template: SheetTemplate): NumberedPart[] {
  const { hypotheses, angles } = template.microScenarios;
  return [
    ...template.sections.map((section): NumberedPart => ({ kind: 'section', section: section.id })),
    { kind: 'family-note' },
    ...hypotheses.flatMap((hypothesis) =>
      angles.map((angle): NumberedPart => ({
        kind: 'scenario-angle',
        hypothesis: hypothesis.id,
        angle: angle.id,
      })),
    ),
  ];
}

/** What an export numbers: the sheet's sections, its family's note, the micro-scenarios it shows. */
export interface NumberedSheet {
  sections: Record<string, DocNode>;
  familyNote: DocNode | undefined;
  scenarios: Scenarios;
}

/** Every part of a sheet with its doc and where its numbering starts. */
export function numberSheet(
  template: SheetTemplate,
  sheet: NumberedSheet,
): { part: NumberedPart; doc: DocNode | undefined; start: Counts }[] {
  const parts = numberingOrder(template).map((part) => {
    switch (part.kind) {
      case 'section':
        return { part, doc: sheet.sections[part.section] };
      case 'family-note':
        return { part, doc: sheet.familyNote };
      case 'scenario-angle':
        return { part, doc: sheet.scenarios[part.hypothesis]?.angles[part.angle] };
    }
  });
  const starts = startsOf(parts.map(({ doc }) => (doc ? countNumbered(doc) : noCounts())));
  return parts.map((entry, index) => ({ ...entry, start: starts[index] ?? noCounts() }));
}
