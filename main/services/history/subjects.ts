import {
  familyOfParts,
  partsOfFamily,
  partsOfSheet,
  sheetOfParts,
  withFamilyParts,
  withParts,
  type SheetParts,
} from '../../../shared/history/parts.js';
import { REVIEW_KEY, type PartKey, type RevisionSummary } from '../../../shared/model/history.js';
import type { Review } from '../../../shared/model/review.js';
import {
  emptyFamilyFile,
  familyFileSchema,
  sheetFileSchema,
  type FamilyFile,
  type SheetFile,
} from '../../../shared/model/sheet.js';
import { restoredReview } from '../../../shared/review/restore.js';
import { AppFailure } from '../../../shared/result.js';
import { docsProblem, scenariosProblem } from '../content-checks.js';
import { readFamilyFile } from '../families.js';
import type { RepositoryContext } from '../repository/context.js';
import { requireFamily, requireVariable } from '../repository/system.js';
import { requireSheet, writeSheet } from '../sheets/sheet-file.js';
import { saveJson } from '../storage/json-store.js';
import { historyOf, type RecordFields } from './service.js';
import type { SheetHistory } from './sheet-history.js';
import { familyTarget, sheetTarget, type HistoryTarget } from './target.js';

/**
 * What has a history: a sheet, or a family's shared note and micro-scenarios. Listing,
 * reading a revision, comparing, naming a version and restoring are written once
 * (queries.ts, policy.ts, restore.ts) against this: how the subject is read now, how a
 * revision's parts make it, how restored parts go back into it, how it is checked, written
 * and recorded, and the queue its saves run in.
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
  /** `current` with the parts of revision `seq` (`wanted` of them, or all). */
  restored(current: T, restored: SheetParts, context: RestoreContext): Promise<T>;
  problem(value: T): string | undefined;
  write(value: T): Promise<void>;
  record(value: T, fields: RecordFields, force: boolean): Promise<RevisionSummary | null>;
  recordSaved(value: T, fields: RecordFields): Promise<RevisionSummary | null | undefined>;
}

export interface RestoreContext {
  history: SheetHistory;
  seq: number;
  wanted: readonly PartKey[] | undefined;
  titleOf: (key: PartKey) => string;
  now: string;
}

const firstIssue = (issues: readonly { message: string }[]) => issues[0]?.message;

/**
 * The review a revision had, to bring back the threads of the parts restored; undefined
 * when it had none, or when it cannot be read (the restore of the text goes on without it).
 */
async function reviewAt(history: SheetHistory, seq: number, titleOf: (key: PartKey) => string) {
  try {
    return (await history.partsAt(seq, titleOf, [REVIEW_KEY]))[REVIEW_KEY] as Review;
  } catch (error) {
    if (error instanceof AppFailure && (error.code === 'not-found' || error.code === 'damaged')) {
      return undefined;
    }
    throw error;
  }
}

/**
 * The review after a restore, of a sheet or of a family's shared content alike: no thread is
 * taken away, and those the revision had on the restored parts come back (shared/review/restore.ts).
 */
async function reviewAfterRestore(
  current: Review,
  restored: SheetParts,
  { history, seq, wanted, titleOf }: RestoreContext,
): Promise<Review> {
  const reviewThen = wanted ? await reviewAt(history, seq, titleOf) : restored[REVIEW_KEY];
  return restoredReview(current, reviewThen as Review | undefined, wanted);
}

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
    restored: async (current, restored, restore) => ({
      ...withParts(current, restored),
      review: await reviewAfterRestore(current.review, restored, restore),
      updatedAt: restore.now,
    }),
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
    restored: async (current, restored, restore) => ({
      ...withFamilyParts(current, restored),
      review: await reviewAfterRestore(current.review, restored, restore),
    }),
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
