import type { DocNode } from '../content/doc.js';
import {
  angleKey,
  META_KEY,
  NOTE_KEY,
  parsePartKey,
  REVIEW_KEY,
  sectionKey,
  titleKey,
  type PartKey,
} from '../model/history.js';
import {
  emptyFamilyFile,
  SHEET_SCHEMA_VERSION,
  type FamilyFile,
  type Scenario,
  type SheetFile,
  type SheetStatus,
} from '../model/sheet.js';
import { emptyReview, isReviewEmpty, type Review } from '../model/review.js';

/**
 * A sheet as the history sees it: a flat map of parts, so a revision stores, compares and
 * restores each section, title and angle on its own, and its review (threads and title
 * marks) as one more part, present only once the sheet has one: a sheet never commented
 * keeps exactly the parts it had before reviews existed. `updatedAt` is no part: it
 * changes on every save and says nothing about the content.
 */
export interface SheetMeta {
  status: SheetStatus;
  authors: string[];
  useFamily: boolean;
}

export type PartValue = DocNode | string | SheetMeta | Review;
export type SheetParts = Record<PartKey, PartValue>;

export function partsOfSheet(sheet: SheetFile): SheetParts {
  const parts: SheetParts = {
    [META_KEY]: {
      status: sheet.status,
      authors: sheet.authors,
      useFamily: sheet.microScenarios.useFamily,
    },
  };
  for (const [id, doc] of Object.entries(sheet.sections)) parts[sectionKey(id)] = doc;
  Object.assign(parts, scenarioParts(sheet.microScenarios.scenarios));
  if (!isReviewEmpty(sheet.review)) parts[REVIEW_KEY] = sheet.review;
  return parts;
}

function scenarioParts(scenarios: Record<string, Scenario>): SheetParts {
  const parts: SheetParts = {};
  for (const [hypothesis, scenario] of Object.entries(scenarios)) {
    parts[titleKey(hypothesis)] = scenario.title;
    for (const [angle, doc] of Object.entries(scenario.angles)) parts[angleKey(hypothesis, angle)] = doc;
  }
  return parts;
}

/**
 * A family's shared content as its history sees it: the note, each micro-scenario title
 * and angle, and the review of them (present once they have one), keyed as a sheet's are,
 * so one engine records, compares and restores both.
 */
export function partsOfFamily(family: FamilyFile): SheetParts {
  const parts: SheetParts = { [NOTE_KEY]: family.note, ...scenarioParts(family.scenarios) };
  if (!isReviewEmpty(family.review)) parts[REVIEW_KEY] = family.review;
  return parts;
}

/** `family` with the given parts replaced; every other part keeps its current value. */
export function withFamilyParts(family: FamilyFile, parts: SheetParts): FamilyFile {
  const host = sheetOfParts(family.familyId, '', '', {});
  const { microScenarios, review } = withParts(
    { ...host, microScenarios: { useFamily: false, scenarios: family.scenarios }, review: family.review },
    parts,
  );
  const note = parts[NOTE_KEY];
  return {
    ...family,
    note: note ? (note as DocNode) : family.note,
    scenarios: microScenarios.scenarios,
    review,
  };
}

/** The family's shared content a revision describes, on its own. */
export function familyOfParts(familyId: string, parts: SheetParts): FamilyFile {
  return withFamilyParts(emptyFamilyFile(familyId), parts);
}

/** `sheet` with the given parts replaced; every other part keeps its current value. */
export function withParts(sheet: SheetFile, parts: SheetParts): SheetFile {
  const sections = { ...sheet.sections };
  const scenarios: Record<string, Scenario> = Object.fromEntries(
    Object.entries(sheet.microScenarios.scenarios).map(([id, scenario]) => [
      id,
      { title: scenario.title, angles: { ...scenario.angles } },
    ]),
  );
  const scenarioOf = (hypothesis: string): Scenario => (scenarios[hypothesis] ??= { title: '', angles: {} });
  let { status, authors, review } = sheet;
  let useFamily = sheet.microScenarios.useFamily;
  for (const [key, value] of Object.entries(parts)) {
    const parsed = parsePartKey(key);
    switch (parsed?.kind) {
      case 'section':
        sections[parsed.section] = value as DocNode;
        break;
      case 'title':
        scenarioOf(parsed.hypothesis).title = value as string;
        break;
      case 'angle':
        scenarioOf(parsed.hypothesis).angles[parsed.angle] = value as DocNode;
        break;
      case 'meta':
        ({ status, authors, useFamily } = value as SheetMeta);
        break;
      case 'review':
        review = value as Review;
        break;
      // A family's note is no part of a sheet.
      case 'note':
      case undefined:
        break;
    }
  }
  return { ...sheet, status, authors, sections, microScenarios: { useFamily, scenarios }, review };
}

/** The sheet a revision describes, on its own: nothing of today's sheet leaks into it. */
export function sheetOfParts(id: string, createdAt: string, at: string, parts: SheetParts): SheetFile {
  const skeleton: SheetFile = {
    schemaVersion: SHEET_SCHEMA_VERSION,
    id,
    status: 'draft',
    authors: [],
    createdAt,
    updatedAt: at,
    sections: {},
    microScenarios: { useFamily: false, scenarios: {} },
    review: emptyReview(),
  };
  return withParts(skeleton, parts);
}
