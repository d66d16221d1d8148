import {
  familyOfParts,
  partsOfFamily,
  partsOfSheet,
  sheetOfParts,
  withFamilyParts,
  withParts,
  type SheetParts,
} from '../../../shared/history/parts.js';
import type { RevisionSummary } from '../../../shared/model/history.js';
import type { Review } from '../../../shared/model/review.js';
import {
  emptyFamilyFile,
  familyFileSchema,
  sheetFileSchema,
  type FamilyFile,
  type SheetFile,
} from '../../../shared/model/sheet.js';
import { docsProblem, scenariosProblem } from '../content-checks.js';
import { readFamilyFile } from '../families.js';
import type { RepositoryContext } from '../repository/context.js';
import { requireFamily, requireVariable } from '../repository/system.js';
import { requireSheet, writeSheet } from '../sheets/sheet-file.js';
import { saveJson } from '../storage/json-store.js';
import { historyOf, type RecordFields } from './service.js';
import { familyTarget, sheetTarget, type HistoryTarget } from './target.js';

/**
 * What has a history: a sheet, or a family's shared note and micro-scenarios. Listing,
 * reading a revision, comparing, naming a version and restoring are written once
 * (queries.ts, policy.ts, restore.ts) against this, and so is landing a reviewer's Word
 * copy (review/word-review.ts): how the subject is read now, how a revision's parts make
 * it, how parts go back into it, how it is checked, written and recorded, and the queue
 * its saves run in.
 */
export interface HistorySubject<T = unknown> {
  target: HistoryTarget;
  queue: string;
  /** Said when a restore is refused: what stays as it was. */
  unchanged: string;
  read(): Promise<T>;
  partsOf(value: T): SheetParts;
  /** The subject as a revision's parts describe it, on its own: nothing of today's leaks into it. */
  ofParts(parts: SheetParts, createdAt: string, at: string): T;
  /** `current` with the given parts replaced (a review part included), changed `now`. */
  withParts(current: T, parts: SheetParts, now: string): T;
  reviewOf(value: T): Review;
  problem(value: T): string | undefined;
  write(value: T): Promise<void>;
  record(value: T, fields: RecordFields, force: boolean): Promise<RevisionSummary | null>;
  recordSaved(value: T, fields: RecordFields): Promise<RevisionSummary | null | undefined>;
}

const firstIssue = (issues: readonly { message: string }[]) => issues[0]?.message;

/** A variable's sheet (the variable must be one of the repository's). */
export async function sheetSubject(
  context: RepositoryContext,
  sheetId: string,
): Promise<HistorySubject<SheetFile>> {
  requireVariable(await context.repository(), sheetId);
  const service = historyOf(context);
  return {
    target: sheetTarget(sheetId),
    queue: `sheet:${sheetId}`,
    unchanged: 'La fiche n’a pas été modifiée.',
    read: () => requireSheet(context, sheetId),
    partsOf: partsOfSheet,
    ofParts: (parts, createdAt, at) => sheetOfParts(sheetId, createdAt, at, parts),
    withParts: (current, parts, now) => ({ ...withParts(current, parts), updatedAt: now }),
    reviewOf: (sheet) => sheet.review,
    problem(next) {
      const parsed = sheetFileSchema.safeParse(next);
      return parsed.success
        ? (docsProblem(next.sections, 'sections') ??
            scenariosProblem(next.microScenarios.scenarios, 'microScenarios.scenarios'))
        : firstIssue(parsed.error.issues);
    },
    write: (next) => writeSheet(context, next),
    record: (value, fields, force) => service.record(value, fields, force),
    recordSaved: (value, fields) => service.recordSaved(value, fields, true),
  };
}

/** A family's shared note and micro-scenarios; a damaged file is an error, never an empty state. */
export async function familySubject(
  context: RepositoryContext,
  familyId: string,
): Promise<HistorySubject<FamilyFile>> {
  requireFamily(await context.repository(), familyId);
  const service = historyOf(context);
  return {
    target: familyTarget(familyId),
    queue: `family:${familyId}`,
    unchanged: 'Les micro-scénarios partagés n’ont pas été modifiés.',
    async read() {
      const { family, damaged } = await readFamilyFile(context, familyId);
      if (damaged) throw damaged;
      return family ?? emptyFamilyFile(familyId);
    },
    partsOf: partsOfFamily,
    ofParts: (parts) => familyOfParts(familyId, parts),
    withParts: (current, parts) => withFamilyParts(current, parts),
    reviewOf: (family) => family.review,
    problem(next) {
      const parsed = familyFileSchema.safeParse(next);
      return parsed.success
        ? (docsProblem({ note: next.note }) ?? scenariosProblem(next.scenarios, 'scenarios'))
        : firstIssue(parsed.error.issues);
    },
    async write(next) {
      const path = context.layout.familyFile(familyId);
      await saveJson(path, context.layout.display(path), next);
    },
    record: (value, fields, force) => service.recordFamily(value, fields, force),
    recordSaved: (value, fields) => service.recordFamilySaved(value, fields, true),
  };
}
