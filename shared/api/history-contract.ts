import { z } from 'zod';
import { sheetDiffSchema } from '../history/diff-schema.js';
import {
  partKeySchema,
  revisionIdSchema,
  revisionSummarySchema,
  versionCommentSchema,
  versionNameSchema,
} from '../model/history.js';
import { idSchema } from '../model/ids.js';
import { authorEmailSchema, nameSchema } from '../model/names.js';
import { familyFileSchema, sheetFileSchema } from '../model/sheet.js';

/**
 * The operations of a sheet's history and of the user's preferences, spread into the
 * contract (contract.ts). A revision is named by its id (the same on every copy of a shared
 * repository, whatever syncs bring), or by its number (`seq`, 1 for the oldest) as listed now.
 * Every operation on a history takes a `sheetId`, or a `familyId` instead: the history of
 * the family's shared note and micro-scenarios, kept by the same engine (parts `note` and
 * `scenario/…`). Only the user's leaving a sheet (history:checkpoint) is a sheet's alone.
 */

const seqSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** An id (what the interface sends) or a number as listed now (scripts, the CLI's --revision). */
export const revisionRefSchema = z.union([seqSchema, revisionIdSchema]);
const sheetRef = { sheetId: idSchema };

function sheetOrFamily<T extends z.ZodRawShape>(shape: T) {
  return z.union([
    z.object({ ...sheetRef, ...shape }).strict(),
    z.object({ familyId: idSchema, ...shape }).strict(),
  ]);
}

export const historyListingSchema = z.object({
  /** Newest first. */
  revisions: z.array(revisionSummarySchema),
  /** Damaged lines of the history's files, in French: reported, never repaired behind the user's back. */
  problems: z.array(z.string()),
  /** The template's setting: a revision after this many minutes of editing. */
  intervalMinutes: z.number(),
});

export const restoreResultSchema = z.object({
  /** The state just before the restore: restoring it undoes the restore. */
  preRestore: revisionSummarySchema,
  /** The restore's own revision; null when the restored state could not be recorded yet (it will be). */
  restore: revisionSummarySchema.nullable(),
});

export const authorPreferenceSchema = z.object({
  authorName: z.string(),
  /** Optional: commits of a shared repository carry it beside the name. */
  authorEmail: z.string().optional(),
  isDefault: z.boolean(),
  problem: z.string().optional(),
});

export const historyContract = {
  'history:list': {
    request: sheetOrFamily({}),
    response: historyListingSchema,
  },
  'history:get': {
    request: sheetOrFamily({ seq: revisionRefSchema }),
    /** The revision as it was: a sheet's, or the family's shared content (`family`). */
    response: z.union([
      z.object({ revision: revisionSummarySchema, sheet: sheetFileSchema }),
      z.object({ revision: revisionSummarySchema, family: familyFileSchema }),
    ]),
  },
  'history:compare': {
    /** `to` absent: compare with the sheet as it is now. */
    request: sheetOrFamily({ from: revisionRefSchema, to: revisionRefSchema.optional() }),
    response: sheetDiffSchema,
  },
  'history:recordVersion': {
    request: sheetOrFamily({ name: versionNameSchema, comment: versionCommentSchema.optional() }),
    response: revisionSummarySchema,
  },
  /** The user leaves the sheet: a revision if anything changed since the latest one. */
  'history:checkpoint': {
    request: z.object(sheetRef).strict(),
    response: revisionSummarySchema.nullable(),
  },
  'history:restore': {
    /** `parts` absent: the whole revision. */
    request: sheetOrFamily({
      seq: revisionRefSchema,
      parts: z.array(partKeySchema).min(1).max(200).optional(),
    }),
    response: restoreResultSchema,
  },
  'preferences:get': {
    request: z.object({}).strict(),
    response: authorPreferenceSchema,
  },
  'preferences:set': {
    /** `authorEmail` absent: kept as it is; empty: removed. */
    request: z.object({ authorName: nameSchema, authorEmail: authorEmailSchema.optional() }).strict(),
    response: authorPreferenceSchema,
  },
} as const;

export type HistoryListing = z.infer<typeof historyListingSchema>;
export type RestoreResult = z.infer<typeof restoreResultSchema>;
export type AuthorPreference = z.infer<typeof authorPreferenceSchema>;
