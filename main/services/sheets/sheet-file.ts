import type { SheetSummary } from '../../../shared/api/contract.js';
import { emptyDoc } from '../../../shared/content/doc.js';
import { completenessOf } from '../../../shared/model/completeness.js';
import { emptyReview, openThreadCount } from '../../../shared/model/review.js';
import { SHEET_SCHEMA_VERSION, sheetFileSchema, type SheetFile } from '../../../shared/model/sheet.js';
import type { SheetTemplate } from '../../../shared/model/template.js';
import { docsProblem, idMismatch, scenariosProblem } from '../content-checks.js';
import { readFamilyFile } from '../families.js';
import type { RepositoryContext } from '../repository/context.js';
import { damagedFailure, listDamaged, setAside, unreadableFailure } from '../repository/damaged.js';
import { emptyScenarios } from '../scenarios.js';
import { InvalidFileError, loadJson, saveJson } from '../storage/json-store.js';
import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';

/** sheets/<id>.json: loading (with set-aside of damaged files), writing, summarising. */

function sheetSpec(id: string, root: string) {
  return {
    kind: 'sheet' as const,
    schema: sheetFileSchema,
    within: root,
    check: (sheet: SheetFile) =>
      idMismatch('id', sheet.id, id) ??
      docsProblem(sheet.sections, 'sections') ??
      scenariosProblem(sheet.microScenarios.scenarios, 'microScenarios.scenarios'),
  };
}

/**
 * The sheet, or null when there is no file. A file that fails to load is set aside (left
 * in place by a reading session) and the call fails with `damaged`, its reason naming the
 * file and the field.
 */
export async function readSheet(context: RepositoryContext, id: string): Promise<SheetFile | null> {
  const { layout } = context;
  const path = layout.sheetFile(id);
  try {
    return await loadJson(path, layout.display(path), sheetSpec(id, layout.root));
  } catch (error) {
    if (!(error instanceof InvalidFileError)) throw error;
    if (context.access === 'read') throw unreadableFailure('sheet', id, error.file, error.reason);
    const entry = await setAside(layout, { kind: 'sheet', id, source: path, reason: error.reason });
    if (entry) throw damagedFailure(entry);
    // Set aside meanwhile by another call: report it like any sheet already set aside.
    return null;
  }
}

/** readSheet for a sheet that must exist: a missing one answers `damaged` if it was set aside, else `not-found`. */
export async function requireSheet(context: RepositoryContext, id: string): Promise<SheetFile> {
  const sheet = await readSheet(context, id);
  if (sheet) return sheet;
  const setAsideEntry = (await listDamaged(context.layout)).find(
    (entry) => entry.kind === 'sheet' && entry.id === id,
  );
  if (setAsideEntry) throw damagedFailure(setAsideEntry);
  throw new AppFailure(
    'not-found',
    fr`La fiche « ${id} » n’existe pas (encore) : créez-la depuis la liste des variables.`,
    {
      id,
    },
  );
}

export async function writeSheet(context: RepositoryContext, sheet: SheetFile): Promise<void> {
  const path = context.layout.sheetFile(sheet.id);
  await saveJson(path, context.layout.display(path), sheet);
}

/**
 * A new sheet, every part empty. It shows its family's micro-scenarios when the family
 * already shares some (as the technology family does): the user expects the new sheet
 * to look like its siblings, and can switch to its own with one click.
 */
export function newSheet(template: SheetTemplate, id: string, now: Date, familyShares: boolean): SheetFile {
  const at = now.toISOString();
  return {
    schemaVersion: SHEET_SCHEMA_VERSION,
    id,
    status: 'draft',
    authors: [],
    createdAt: at,
    updatedAt: at,
    sections: Object.fromEntries(template.sections.map((section) => [section.id, emptyDoc()])),
    microScenarios: { useFamily: familyShares, scenarios: emptyScenarios(template) },
    review: emptyReview(),
  };
}

export function summaryOf(
  template: SheetTemplate,
  sheet: SheetFile,
  familyScenarios: SheetFile['microScenarios']['scenarios'] | undefined,
): SheetSummary {
  const { ratio, words } = completenessOf(template, sheet, familyScenarios);
  return {
    id: sheet.id,
    status: sheet.status,
    authors: sheet.authors,
    updatedAt: sheet.updatedAt,
    completeness: { ratio, words },
    ...(sheet.conflicts?.length ? { conflicts: sheet.conflicts.length } : {}),
    openThreads: openThreadCount(sheet.review),
  };
}

/** The summary, reading the family's micro-scenarios when the sheet shows them instead of its own. */
export async function summarize(
  context: RepositoryContext,
  sheet: SheetFile,
  /** Undefined for a sheet no variable points at any more. */
  familyId: string | undefined,
): Promise<SheetSummary> {
  const template = await context.template();
  if (!sheet.microScenarios.useFamily) return summaryOf(template, sheet, undefined);
  const family = familyId ? (await readFamilyFile(context, familyId)).family : null;
  return summaryOf(template, sheet, family?.scenarios ?? {});
}
