import { numberSheet, noCounts, type Counts } from '../../../../shared/content/numbering.js';
import type { DocNode } from '../../../../shared/content/doc.js';
import { familyColours, type Layout } from '../../../../shared/model/layout.js';
import type { Family, RepositoryFile } from '../../../../shared/model/repository.js';
import type { Scenarios } from '../../../../shared/model/sheet.js';
import type { SheetTemplate } from '../../../../shared/model/template.js';
import { runningValues } from '../running-values.js';
import type { PrintSheet } from '../sheet-input.js';
import type { Review, TitleMark } from '../../../../shared/model/review.js';
import { titleDocOf } from '../../../../shared/review/title-marks.js';
import {
  planContent,
  planNodes,
  sideOf,
  type ChangeSide,
  type ContentPlanning,
  type PartStart,
} from './content.js';
import { frenchSpaces } from './text.js';
import type {
  OutlineLevel,
  PlanBand,
  PlanDiagram,
  PlanFamily,
  PlanMicroScenarios,
  PlanNode,
  PlanSection,
  PlanSheet,
} from './types.js';

/**
 * One sheet as the plan prints it: its opening, its sections (bands, questions, body), its
 * micro-scenarios; every text, number and page break decided here from the template, the
 * layout and the sheet.
 */

const level = (n: number): OutlineLevel => Math.min(6, Math.max(1, n)) as OutlineLevel;

export function planFamily(layout: Layout, family: Family, familyIndex: number): PlanFamily {
  const name = frenchSpaces(family.name);
  return {
    id: family.id,
    number: family.number,
    name,
    label: `${family.number}.\u00a0${name}`,
    colours: familyColours(layout, family.id, familyIndex),
  };
}

/** The diagram of the system; `current` is the variable highlighted (none in a volume's front matter). */
export function planDiagram(layout: Layout, repository: RepositoryFile, current?: string): PlanDiagram {
  return {
    title: frenchSpaces(layout.diagram.title),
    columns: layout.diagram.columns,
    families: repository.families.map((family, index) => ({
      label: planFamily(layout, family, index).label,
      colours: familyColours(layout, family.id, index),
      variables: family.variables.map((variable) => ({
        name: frenchSpaces(variable.name),
        current: variable.id === current,
      })),
    })),
  };
}

function band(template: SheetTemplate, layout: Layout, phaseId: string): PlanBand {
  return {
    separator: layout.band.separator,
    phases: template.phases.map((phase) => ({
      label: frenchSpaces(phase.label),
      current: phase.id === phaseId,
    })),
  };
}

type Shown = { sections: Record<string, DocNode>; familyNote: DocNode | undefined; scenarios: Scenarios };

/** The sheet's parts on one side of their tracked changes (plan/content.ts). */
function shownSide(shown: Shown, side: ChangeSide): Shown {
  const view = (doc: DocNode) => sideOf(doc, side).doc;
  return {
    sections: Object.fromEntries(Object.entries(shown.sections).map(([id, doc]) => [id, view(doc)])),
    familyNote: shown.familyNote && view(shown.familyNote),
    scenarios: Object.fromEntries(
      Object.entries(shown.scenarios).map(([id, scenario]) => [
        id,
        {
          ...scenario,
          angles: Object.fromEntries(
            Object.entries(scenario.angles).map(([angle, doc]) => [angle, view(doc)]),
          ),
        },
      ]),
    ),
  };
}

function sideStarts(template: SheetTemplate, shown: Shown, offset: Counts): Map<string, Counts> {
  const starts = new Map<string, Counts>();
  for (const { part, start } of numberSheet(template, shown)) {
    const key =
      part.kind === 'section'
        ? `section/${part.section}`
        : part.kind === 'family-note'
          ? 'family-note'
          : `angle/${part.hypothesis}/${part.angle}`;
    starts.set(key, { figure: start.figure + offset.figure, table: start.table + offset.table });
  }
  return starts;
}

/**
 * Where each part of the sheet starts numbering, from `offset` (what the volume holds
 * before it); with tracked changes, also as the parts were (for the blocks removed since).
 */
function numberingStarts(
  template: SheetTemplate,
  shown: Shown,
  offset: Counts,
  changes: boolean,
): (key: string) => PartStart {
  const current = sideStarts(template, changes ? shownSide(shown, 'current') : shown, offset);
  const base = changes ? sideStarts(template, shownSide(shown, 'base'), offset) : undefined;
  return (key) => ({
    current: current.get(key) ?? noCounts(),
    ...(base ? { base: base.get(key) ?? noCounts() } : {}),
  });
}

export interface MicroPlanning extends ContentPlanning {
  template: SheetTemplate;
  level: OutlineLevel;
  /** The marks of the scenarios' titles (the sheet's review, or the family's for its shared ones), by hypothesis. */
  titleMarks: Review['titleMarks'];
}

/** A title's text nodes, its marks as the content's (shared/review/title-marks.ts). */
function titleContent(title: string, marks: readonly TitleMark[], planning: ContentPlanning): PlanNode[] {
  return planNodes(titleDocOf(title, marks).content?.[0]?.content, planning);
}

export function planMicroScenarios(
  familyNote: DocNode | undefined,
  scenarios: Scenarios,
  at: (key: string) => PartStart,
  planning: MicroPlanning,
): PlanMicroScenarios {
  const { template, layout } = planning;
  const settings = template.microScenarios;
  return {
    title: frenchSpaces(settings.title),
    level: planning.level,
    continuationTitle: frenchSpaces(
      layout.microScenarios.continuationTitle.replaceAll('{title}', settings.title),
    ),
    newPage: layout.newPage.microScenarios,
    method: template.standardTexts.microScenariosMethod.map(frenchSpaces),
    familyNote: planContent(familyNote, at('family-note'), planning),
    hypotheses: settings.hypotheses.map((hypothesis, index) => {
      const scenario = scenarios[hypothesis.id];
      return {
        id: hypothesis.id,
        label: frenchSpaces(hypothesis.label),
        title: frenchSpaces(scenario?.title.trim() ?? ''),
        titleContent: titleContent(scenario?.title ?? '', planning.titleMarks[hypothesis.id] ?? [], planning),
        ownPage: index > 0 && layout.microScenarios.hypothesisOnNewPage,
        angles: settings.angles.map((angle) => ({
          id: angle.id,
          label: frenchSpaces(angle.label),
          body: planContent(scenario?.angles[angle.id], at(`angle/${hypothesis.id}/${angle.id}`), planning),
        })),
      };
    }),
  };
}

export interface SheetPlanning extends ContentPlanning {
  /** In a volume: under its family in the outline, without the opening text and diagram. */
  inVolume: boolean;
  /** False when the family's divider shows the family's micro-scenarios instead. */
  showMicroScenarios: boolean;
  /** Figures and tables already numbered before this sheet (numbering through the volume). */
  offset: Counts;
  rightHand: boolean;
}

/** Counts the numbered blocks of planned content (top level: as numbering.ts does). */
export function countPlanned(
  nodes: readonly { number?: { kind: 'figure' | 'table' } }[],
  into: Counts,
): void {
  for (const node of nodes) if (node.number) into[node.number.kind] += 1;
}

export function planSheet(print: PrintSheet, planning: SheetPlanning): { sheet: PlanSheet; counts: Counts } {
  const { template } = print;
  const { layout } = planning;
  const top = planning.inVolume ? 2 : 1;
  const shown = {
    sections: print.sheet.sections,
    familyNote: planning.showMicroScenarios ? print.familyNote : undefined,
    scenarios: planning.showMicroScenarios ? print.scenarios : {},
  };
  const starts = numberingStarts(template, shown, planning.offset, planning.review.changes);
  const family = planFamily(layout, print.family, print.familyIndex);
  const sections: PlanSection[] = [];
  let previousPhase: string | undefined;
  for (const [index, section] of template.sections.entries()) {
    const phaseStart = section.phase !== undefined && section.phase !== previousPhase;
    previousPhase = section.phase;
    const display = section.phase === undefined && section.question === undefined;
    const text = frenchSpaces(display ? section.title : (section.question ?? section.title));
    sections.push({
      id: section.id,
      anchor: `fiche-${print.variable.id}-${section.id}`,
      newPage:
        index > 0 &&
        (section.phase === undefined ? layout.newPage.trajectory : phaseStart && layout.newPage.eachPhase),
      phaseStart,
      heading: display
        ? { kind: 'display', text, level: level(top + 1) }
        : {
            kind: 'question',
            text,
            level: level(top + 1),
            ...(phaseStart && section.phase ? { band: band(template, layout, section.phase) } : {}),
          },
      bodyLevel: level(top + 2),
      body: planContent(print.sheet.sections[section.id], starts(`section/${section.id}`), planning),
    });
  }
  const microScenarios = planning.showMicroScenarios
    ? planMicroScenarios(print.familyNote, print.scenarios, starts, {
        ...planning,
        template,
        level: level(top + 1),
        titleMarks: print.sheet.microScenarios.useFamily
          ? (print.familyReview?.titleMarks ?? {})
          : print.sheet.review.titleMarks,
      })
    : undefined;
  const counts = { ...planning.offset };
  for (const section of sections) countPlanned(section.body, counts);
  if (microScenarios) {
    countPlanned(microScenarios.familyNote, counts);
    for (const hypothesis of microScenarios.hypotheses) {
      for (const angle of hypothesis.angles) countPlanned(angle.body, counts);
    }
  }
  const sheet: PlanSheet = {
    id: print.variable.id,
    anchor: `fiche-${print.variable.id}`,
    family,
    variableName: frenchSpaces(print.variable.name),
    running: runningValues(print, layout),
    opening: {
      familyLine: family.label,
      title: frenchSpaces(print.variable.name),
      level: level(top),
      paragraphs: planning.inVolume ? [] : template.standardTexts.opening.map(frenchSpaces),
      ...(planning.inVolume ? {} : { diagram: planDiagram(layout, print.repository, print.variable.id) }),
    },
    sections,
    ...(microScenarios ? { microScenarios } : {}),
    rightHand: planning.rightHand,
  };
  return { sheet, counts };
}
