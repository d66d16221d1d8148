import { textOf, wordCount, type DocNode } from '../content/doc.js';
import { countNumbered } from '../content/numbering.js';
import type { SheetTemplate } from './template.js';
import type { Scenarios, SheetFile } from './sheet.js';

/** empty: nothing written; in-progress: below the template's minimum; complete: at or above it. */
export type PartState = 'empty' | 'in-progress' | 'complete';

export interface PartProgress {
  /** Section id, or "<hypothesis>.title" / "<hypothesis>.<angle>" for micro-scenarios. */
  key: string;
  words: number;
  targetMin: number;
  targetMax: number;
  state: PartState;
  /** Figures and tables of the part still without their source: the part is not complete. */
  missingSources?: number;
}

export interface Completeness {
  parts: PartProgress[];
  /** Share of complete parts, 0 to 1. */
  ratio: number;
  words: number;
}

const EMPTY_DOC: DocNode = { type: 'doc' };

function stateOf(words: number, min: number): PartState {
  if (words === 0) return 'empty';
  return words >= min ? 'complete' : 'in-progress';
}

function docProgress(key: string, doc: DocNode | undefined, min: number, max: number): PartProgress {
  const words = wordCount(textOf(doc ?? EMPTY_DOC));
  const { missingSources } = countNumbered(doc ?? EMPTY_DOC);
  const state = stateOf(words, min);
  return {
    key,
    words,
    targetMin: min,
    targetMax: max,
    state: state === 'complete' && missingSources > 0 ? 'in-progress' : state,
    missingSources,
  };
}

/** Progress of each micro-scenario title and angle, against the template. */
export function scenariosProgress(template: SheetTemplate, scenarios: Scenarios): PartProgress[] {
  const { min, max } = template.microScenarios.targetWords;
  return template.microScenarios.hypotheses.flatMap((hypothesis) => {
    const scenario = scenarios[hypothesis.id];
    const title = scenario?.title.trim() ?? '';
    const titleWords = wordCount(title);
    return [
      {
        key: `${hypothesis.id}.title`,
        words: titleWords,
        targetMin: 1,
        targetMax: 30,
        state: titleWords > 0 ? 'complete' : 'empty',
      } satisfies PartProgress,
      ...template.microScenarios.angles.map((angle) =>
        docProgress(`${hypothesis.id}.${angle.id}`, scenario?.angles[angle.id], min, max),
      ),
    ];
  });
}

/**
 * How far a sheet is, part by part. Micro-scenarios count from the family's file when the
 * sheet uses its family's; pass them in as familyScenarios.
 */
export function completenessOf(
  template: SheetTemplate,
  sheet: Pick<SheetFile, 'sections' | 'microScenarios'>,
  familyScenarios?: Scenarios,
): Completeness {
  const sections = template.sections.map((section) =>
    docProgress(section.id, sheet.sections[section.id], section.targetWords.min, section.targetWords.max),
  );
  const scenarios = sheet.microScenarios.useFamily ? (familyScenarios ?? {}) : sheet.microScenarios.scenarios;
  const parts = [...sections, ...scenariosProgress(template, scenarios)];
  const complete = parts.filter((part) => part.state === 'complete').length;
  return {
    parts,
    ratio: parts.length === 0 ? 0 : complete / parts.length,
    words: parts.reduce((sum, part) => sum + part.words, 0),
  };
}
