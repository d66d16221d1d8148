import type { FamilyFile } from '../../../shared/model/sheet.js';
import type { SheetTemplate } from '../../../shared/model/template.js';
import type { Layout, TextRole } from '../../../shared/model/layout.js';
import type { Family } from '../../../shared/model/repository.js';
import { textOf } from '../../../shared/content/doc.js';
import { inlineText } from '../docx-read/inline-text.js';
import type { Block, Paragraph } from '../docx-read/model.js';
import { styleKey } from '../docx-read/styles.js';
import { FIGURE_STYLE, MISSING_IMAGE_STYLE, STYLES } from '../export/docx/styles.js';
import { normalised, similarity } from './text-match.js';

/**
 * What each top-level block of a Word sheet is, before it is placed: the parts of the
 * template Fiches writes around the content (family line, title, standard texts, phase
 * bands, the system diagram, the micro-scenarios' labels), headings, or content. Fiches'
 * own styles (export/docx/styles.ts) are recognised by their names; a document from
 * elsewhere by its Word styles and its words, accent-, case- and punctuation-insensitive.
 */
export type Role =
  | { kind: 'heading'; level: number }
  | { kind: 'title' }
  | { kind: 'family-line'; family?: Family }
  | { kind: 'band' }
  | { kind: 'standard'; text: 'opening' | 'method'; exact: boolean }
  | { kind: 'family-note'; same: boolean }
  | { kind: 'hypothesis'; id: string; rest: number }
  | { kind: 'angle'; id: string; rest: number }
  | { kind: 'scenario-title' }
  | { kind: 'diagram' }
  | { kind: 'toc' }
  | { kind: 'content' }
  | { kind: 'empty' };

export interface RecogniseContext {
  template: SheetTemplate;
  layout: Layout;
  families: readonly Family[];
  /** The family shared content of the sheet's family, when the document names one. */
  familyShared?: FamilyFile | undefined;
}

const keyOf = (role: TextRole) => styleKey(STYLES[role].name);
const FICHES_STYLES = {
  family: keyOf('family'),
  opening: keyOf('opening'),
  band: keyOf('band'),
  methodNote: keyOf('methodNote'),
  familyNote: keyOf('familyNote'),
  hypothesis: keyOf('hypothesisLabel'),
  scenarioTitle: keyOf('scenarioTitle'),
  angle: keyOf('angleLabel'),
  diagram: [keyOf('diagramFamily'), keyOf('diagramVariable'), keyOf('diagramCurrent')],
  figure: styleKey(FIGURE_STYLE.name),
  missingImage: styleKey(MISSING_IMAGE_STYLE.name),
};

/** Near enough to a standard text to be it, with a word or two changed. */
const STANDARD_THRESHOLD = 0.9;

export function styleKeyOf(paragraph: Paragraph): string {
  return paragraph.style ? styleKey(paragraph.style.name) : '';
}

export function isFichesFigureStyle(paragraph: Paragraph): 'figure' | 'missing' | undefined {
  const key = styleKeyOf(paragraph);
  if (key === FICHES_STYLES.figure) return 'figure';
  if (key === FICHES_STYLES.missingImage) return 'missing';
  return undefined;
}

function hasVisibleContent(paragraph: Paragraph): boolean {
  if (inlineText(paragraph.content).trim() !== '') return true;
  return paragraph.content.some(
    (inline) => inline.kind === 'image' || inline.kind === 'text-box' || inline.kind === 'unsupported',
  );
}

/**
 * The words a document is compared with, normalised once: a long document has hundreds of
 * paragraphs, each compared with every label and standard text.
 */
class Vocabulary {
  private readonly band: string;
  private readonly phases: Set<string>;
  private readonly familyLines = new Map<string, Family>();
  private readonly familyNote: string;
  readonly hypotheses: { id: string; label: string }[];
  readonly angles: { id: string; label: string }[];
  private readonly standards: { kind: 'opening' | 'method'; text: string; length: number }[];

  constructor(private readonly ctx: RecogniseContext) {
    const { template } = ctx;
    this.band = normalised(template.phases.map((phase) => phase.label).join(' '));
    this.phases = new Set(template.phases.map((phase) => normalised(phase.label)));
    for (const family of ctx.families) {
      this.familyLines.set(normalised(`${family.number}. ${family.name}`), family);
      this.familyLines.set(normalised(family.name), family);
    }
    this.familyNote = ctx.familyShared ? normalised(textOf(ctx.familyShared.note)) : '';
    const labelled = (items: readonly { id: string; label: string }[]) =>
      items.map((item) => ({ id: item.id, label: normalised(item.label) }));
    this.hypotheses = labelled(template.microScenarios.hypotheses);
    this.angles = labelled(template.microScenarios.angles);
    this.standards = [
      ...template.standardTexts.opening.map((text) => ({ kind: 'opening' as const, text })),
      ...template.standardTexts.microScenariosMethod.map((text) => ({ kind: 'method' as const, text })),
    ].map(({ kind, text }) => ({ kind, text: normalised(text), length: text.length }));
  }

  /** The breadcrumb (« PASSÉ > PRÉSENT > FUTURS POSSIBLES »), or a phase's name alone as a heading of its own. */
  isBand(line: string): boolean {
    return line !== '' && (line === this.band || this.phases.has(line));
  }

  familyOf(line: string): Family | undefined {
    return this.familyLines.get(line);
  }

  isFamilyNote(line: string): boolean {
    return this.familyNote !== '' && line === this.familyNote;
  }

  standard(text: string, line: string): { text: 'opening' | 'method'; exact: boolean } | undefined {
    const exact = this.standards.find((standard) => standard.text === line);
    if (exact) return { text: exact.kind, exact: true };
    if (text.length <= 30) return undefined;
    // Texts of very different lengths cannot be near: spare the comparison.
    const near = this.standards.find(
      (standard) =>
        Math.abs(standard.length - text.length) <= 0.25 * Math.max(standard.length, text.length) &&
        similarity(standard.text, line) >= STANDARD_THRESHOLD,
    );
    return near ? { text: near.kind, exact: false } : undefined;
  }
}

/** A label (« Hypothèse basse ») alone, or opening the text before a separator (« Hypothèse basse : … »): the length it takes. */
function labelAt(text: string, line: string, label: string): number | undefined {
  if (line === label) return text.length;
  if (!line.startsWith(label)) return undefined;
  const match = /^(.*?)\s*[:\u2013\u2014-]\s+/u.exec(text);
  return match && normalised(match[1] ?? '') === label ? match[0].length : undefined;
}

function paragraphRole(paragraph: Paragraph, words: Vocabulary): Role {
  if (!hasVisibleContent(paragraph)) return { kind: 'empty' };
  const text = inlineText(paragraph.content).trim();
  const line = normalised(text);
  const key = styleKeyOf(paragraph);
  if (key === FICHES_STYLES.family) return { kind: 'family-line', family: words.familyOf(line) };
  if (key === FICHES_STYLES.band || words.isBand(line)) return { kind: 'band' };
  if (key === FICHES_STYLES.familyNote) return { kind: 'family-note', same: words.isFamilyNote(line) };
  if (key === FICHES_STYLES.scenarioTitle) return { kind: 'scenario-title' };
  if (FICHES_STYLES.diagram.includes(key)) return { kind: 'diagram' };
  for (const hypothesis of words.hypotheses) {
    const rest = labelAt(text, line, hypothesis.label);
    if (rest !== undefined) return { kind: 'hypothesis', id: hypothesis.id, rest };
  }
  for (const angle of words.angles) {
    const rest = labelAt(text, line, angle.label);
    if (rest !== undefined && (key === FICHES_STYLES.angle || text.length <= 300)) {
      return { kind: 'angle', id: angle.id, rest };
    }
  }
  const standard = paragraph.headingLevel === undefined ? words.standard(text, line) : undefined;
  if (standard) return { kind: 'standard', ...standard };
  if (words.isFamilyNote(line)) return { kind: 'family-note', same: true };
  const builtIn = paragraph.style?.builtIn;
  if (builtIn === 'toc') return { kind: 'toc' };
  if (builtIn === 'title') return { kind: 'title' };
  const family = paragraph.list ? undefined : words.familyOf(line);
  if (family) return { kind: 'family-line', family };
  if (paragraph.headingLevel !== undefined && !paragraph.list)
    return { kind: 'heading', level: paragraph.headingLevel };
  return { kind: 'content' };
}

/** The system-of-variables diagram: a table whose blocks open on the families' names. */
function isDiagram(block: Block, words: Vocabulary, familyCount: number): boolean {
  if (block.kind !== 'table') return false;
  const openings = block.rows.flatMap((row) =>
    row.cells.map((cell) => {
      const first = cell.blocks.find((inner) => inner.kind === 'paragraph' && hasVisibleContent(inner));
      return first?.kind === 'paragraph' ? first : undefined;
    }),
  );
  const named = openings.filter(
    (paragraph) =>
      paragraph &&
      (FICHES_STYLES.diagram.includes(styleKeyOf(paragraph)) ||
        words.familyOf(normalised(inlineText(paragraph.content)))),
  );
  return named.length >= Math.max(2, Math.ceil(familyCount / 2));
}

export interface Recognised {
  block: Block;
  role: Role;
}

export function recognise(blocks: readonly Block[], ctx: RecogniseContext): Recognised[] {
  const words = new Vocabulary(ctx);
  return blocks.map((block) => ({
    block,
    role:
      block.kind === 'paragraph'
        ? paragraphRole(block, words)
        : isDiagram(block, words, ctx.families.length)
          ? { kind: 'diagram' }
          : { kind: 'content' },
  }));
}
