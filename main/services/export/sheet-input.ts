import { assetIdSchema } from '../../../shared/content/assets.js';
import { textOf, wordCount, type DocNode } from '../../../shared/content/doc.js';
import { isSourceMissing, numberBlocks, numberSheet } from '../../../shared/content/numbering.js';
import type { RevisionSummary } from '../../../shared/model/history.js';
import type { Family, RepositoryFile, Variable } from '../../../shared/model/repository.js';
import type { Review } from '../../../shared/model/review.js';
import type { Scenarios, SheetFile } from '../../../shared/model/sheet.js';
import {
  scenariosWithoutSuggestions,
  sheetWithoutSuggestions,
  withoutSuggestions,
} from '../../../shared/review/suggestions.js';
import type { SheetTemplate } from '../../../shared/model/template.js';
import { readFamilyFile } from '../families.js';
import { fr } from '../french.js';
import { revisionOf } from '../history/queries.js';
import type { RevisionRef } from '../history/sheet-history.js';
import { familySubject, sheetSubject } from '../history/subjects.js';
import { revisionOfCurrent } from '../review/exported-revision.js';
import type { RepositoryContext } from '../repository/context.js';
import { requireVariable } from '../repository/system.js';
import { requireSheet } from '../sheets/sheet-file.js';

/**
 * Everything an export of one sheet prints, gathered once from the repository so every
 * format (Word, PDF) prints the same thing: the sheet (or one of its past revisions), its
 * place in the system of variables, the template's texts, the micro-scenarios it shows,
 * where the images of its figures are. It is data only (no function, no class, no image
 * bytes), so it crosses to the worker process that builds the document, which reads the
 * images there (loadVerifiedAssets).
 */
export interface PrintSheet {
  repository: RepositoryFile;
  template: SheetTemplate;
  family: Family;
  /** Position of the family in the system, for its fallback colour. */
  familyIndex: number;
  variable: Variable;
  /**
   * The sheet with its pending suggestions left undone (inserted text out, deleted text
   * in: shared/review/suggestions.ts); its comment marks and its review are kept.
   */
  sheet: SheetFile;
  familyNote: DocNode | undefined;
  /** The sheet's own micro-scenarios, or its family's when it uses them. */
  scenarios: Scenarios;
  /**
   * The review of the family's micro-scenarios, when the sheet shows them: their threads
   * and the marks of their titles (the sheet's own review is in `sheet`).
   */
  familyReview?: Review;
  /** Set when a past revision is printed. */
  revision?: RevisionSummary;
  /** When the sheet as it is now is printed: the id of the revision holding that same text, if any. */
  basisRevision?: string;
  /** The same for the family's micro-scenarios it shows: the id of the revision of the family's history holding them. */
  familyBasisRevision?: string;
  /** An export for review: what it carries besides the text (absent: a plain export, for publication). */
  review?: ReviewExport;
  /** Every image the figures name: its file in the repository, which may be absent or damaged. */
  assets: ReadonlyMap<string, string>;
}

export interface ReviewExport {
  /** Word comments anchored on their words, with replies and resolved state. */
  comments: boolean;
  /** The sheet carries the changes since this revision as insertion and deletion marks (review/changes-since.ts). */
  changesSince?: RevisionSummary;
}

/** Every document of the sheet that can hold figures: sections, the family's note, the micro-scenarios' angles. */
export function sheetDocs(print: Pick<PrintSheet, 'sheet' | 'familyNote' | 'scenarios'>): DocNode[] {
  const docs = [
    ...Object.values(print.sheet.sections),
    print.familyNote,
    ...Object.values(print.scenarios).flatMap((scenario) => Object.values(scenario.angles)),
  ];
  return docs.filter((doc): doc is DocNode => doc !== undefined);
}

export interface FigureImage {
  asset: string;
  /** Shown across the page somewhere (else within a column). */
  full: boolean;
}

/** The figures' images, each once; `full` when any of its figures spans the page. */
export function figureImages(docs: readonly DocNode[]): FigureImage[] {
  const found = new Map<string, FigureImage>();
  const visit = (node: DocNode) => {
    const asset = node.type === 'figure' ? node.attrs?.asset : undefined;
    if (typeof asset === 'string' && assetIdSchema.safeParse(asset).success) {
      const full = node.attrs?.width === 'full' || found.get(asset)?.full === true;
      found.set(asset, { asset, full });
    }
    for (const child of node.content ?? []) visit(child);
  };
  docs.forEach(visit);
  return [...found.values()];
}

export async function collectSheet(
  context: RepositoryContext,
  sheetId: string,
  revision?: RevisionRef,
): Promise<PrintSheet> {
  const repository = await context.repository();
  const template = await context.template();
  const { family, variable } = requireVariable(repository, sheetId);
  let sheet: SheetFile;
  let summary: RevisionSummary | undefined;
  let basisRevision: string | undefined;
  if (revision === undefined) {
    sheet = await requireSheet(context, sheetId);
    basisRevision = await revisionOfCurrent(context, await sheetSubject(context, sheetId), sheet);
  } else {
    const found = await revisionOf(context, await sheetSubject(context, sheetId), revision);
    sheet = found.value;
    summary = found.revision;
  }
  // A damaged family file is set aside and reported by the overview; the sheet still prints.
  const shared = (await readFamilyFile(context, family.id)).family;
  const showsFamily = sheet.microScenarios.useFamily && shared !== null;
  // The family's micro-scenarios printed with the sheet as it is now are named too, for a review of them.
  const familyBasisRevision =
    showsFamily && revision === undefined
      ? await revisionOfCurrent(context, await familySubject(context, family.id), shared)
      : undefined;
  // Suggestions waiting in the text print as if undone: what the sheet says until someone accepts them.
  const printed = sheetWithoutSuggestions(sheet);
  const familyNote = shared ? withoutSuggestions(shared.note) : undefined;
  const scenarios = sheet.microScenarios.useFamily
    ? scenariosWithoutSuggestions(shared?.scenarios ?? {}, shared?.review.titleMarks ?? {})
    : printed.microScenarios.scenarios;
  const figures = figureImages(sheetDocs({ sheet: printed, familyNote, scenarios }));
  const assets = new Map(figures.map(({ asset }) => [asset, context.layout.assetFile(asset)]));
  return {
    repository,
    template,
    family,
    familyIndex: repository.families.findIndex((candidate) => candidate.id === family.id),
    variable,
    sheet: printed,
    familyNote,
    scenarios,
    ...(summary ? { revision: summary } : {}),
    ...(basisRevision === undefined ? {} : { basisRevision }),
    ...(showsFamily && shared ? { familyReview: shared.review } : {}),
    ...(familyBasisRevision === undefined ? {} : { familyBasisRevision }),
    assets,
  };
}

const isEmpty = (doc: DocNode | undefined): boolean => !doc || wordCount(textOf(doc)) === 0;

/**
 * What the export reports without refusing: empty parts, and figures or tables without
 * their caption or their source. Problems met while rendering (a missing image) are added
 * by each format.
 */
export function contentWarnings(print: PrintSheet): string[] {
  const warnings: string[] = [];
  for (const section of print.template.sections) {
    if (isEmpty(print.sheet.sections[section.id])) warnings.push(fr`Section « ${section.title} » vide.`);
  }
  for (const hypothesis of print.template.microScenarios.hypotheses) {
    const scenario = print.scenarios[hypothesis.id];
    if (!scenario?.title.trim()) warnings.push(fr`Micro-scénario « ${hypothesis.label} » sans titre.`);
    for (const angle of print.template.microScenarios.angles) {
      if (isEmpty(scenario?.angles[angle.id])) {
        warnings.push(fr`Micro-scénario « ${hypothesis.label} », angle « ${angle.label} » vide.`);
      }
    }
  }
  const numbered = {
    sections: print.sheet.sections,
    familyNote: print.familyNote,
    scenarios: print.scenarios,
  };
  for (const { doc, start } of numberSheet(print.template, numbered)) {
    for (const block of doc ? numberBlocks(doc, start) : []) {
      const name = block.kind === 'figure' ? fr`Figure ${block.number}` : fr`Tableau ${block.number}`;
      const caption = doc?.content?.[block.index]?.content?.find((child) => child.type === 'caption');
      // A caption counts as a source does: once it has a visible character.
      if (isSourceMissing(caption ? textOf(caption) : '')) warnings.push(fr`${name} sans légende.`);
      if (block.missingSource) warnings.push(fr`${name} sans source.`);
    }
  }
  return warnings;
}
