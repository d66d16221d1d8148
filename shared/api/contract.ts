import { z } from 'zod';
import { incomingDocSchema } from '../content/links.js';
import { idSchema } from '../model/ids.js';
import { nameSchema } from '../model/names.js';
import { exerciseSchema, variableSchema } from '../model/repository.js';
import { commentThreadSchema, REVIEW_LIMITS, reviewIdSchema, titleMarkSchema } from '../model/review.js';
import { familyFileSchema, scenarioSchema, sheetFileSchema, sheetStatusSchema } from '../model/sheet.js';
import { sheetTemplateSchema } from '../model/template.js';
import { assetsContract } from './assets-contract.js';
import { exportContract } from './export-contract.js';
import { historyContract } from './history-contract.js';
import { importContract } from './import-contract.js';
import { syncContract } from './sync-contract.js';
import { volumeContract } from './volume-contract.js';
import { reviewContract } from './review-contract.js';

/**
 * Every operation the renderer can ask of the host, declared once: its `domain:verb`
 * name, the schema of its request and of its response. Electron's IPC and the browser
 * host's HTTP adapter both parse requests with these schemas before any service sees
 * them, and both answer a Result (shared/result.ts).
 */

const empty = z.object({}).strict();

export const sheetSummarySchema = z.object({
  id: idSchema,
  status: sheetStatusSchema,
  authors: z.array(z.string()),
  updatedAt: z.string(),
  /** Share of complete parts (0 to 1) and words written. */
  completeness: z.object({ ratio: z.number(), words: z.number() }),
  /** Conflicts of a sync left to resolve in the sheet; absent when there are none. */
  conflicts: z.number().int().positive().optional(),
  /**
   * sheets:update only: the parts (history part keys) a sync had changed since the editor
   * read them, saved merged with that change (shared/merge/rebase.ts): read them again.
   */
  merged: z.array(z.string()).optional(),
  /** Comment threads not resolved yet. */
  openThreads: z.number(),
});

export const damagedEntrySchema = z.object({
  /** The sheet (or family, or file) it was. */
  id: z.string(),
  kind: z.enum(['sheet', 'family']),
  /** Where it was set aside, relative to the repository folder. */
  file: z.string(),
  reason: z.string(),
  setAsideAt: z.string(),
});

export const overviewSchema = z.object({
  path: z.string(),
  name: z.string(),
  exercise: exerciseSchema,
  families: z.array(
    z.object({
      id: idSchema,
      number: z.number(),
      name: z.string(),
      /** Comment threads not resolved yet on the family's shared micro-scenarios (its sheets count only their own). */
      openThreads: z.number(),
      variables: z.array(
        z.object({
          id: idSchema,
          name: z.string(),
          sheet: sheetSummarySchema.nullable(),
          damaged: z.array(damagedEntrySchema),
        }),
      ),
    }),
  ),
  /** Every file set aside as damaged, including those no variable points at. */
  damaged: z.array(damagedEntrySchema),
  trashCount: z.number(),
});

export const sheetViewSchema = z.object({
  sheet: sheetFileSchema,
  variable: variableSchema,
  family: z.object({ id: idSchema, number: z.number(), name: z.string() }),
  /** What the family's sheets share: note and micro-scenarios (an empty one when never written). */
  familyShared: familyFileSchema,
});

export const scenarioPatchSchema = z
  .object({
    title: scenarioSchema.shape.title.optional(),
    angles: z.record(idSchema, incomingDocSchema).optional(),
  })
  .strict();

/** What a save sends of a review, a sheet's or a family's. */
const reviewPatchShape = {
  /** Only the comment threads that changed, each whole; null deletes one. */
  threads: z
    .record(reviewIdSchema, commentThreadSchema.nullable())
    .refine((threads) => Object.keys(threads).length <= REVIEW_LIMITS.threads, {
      message: `Au plus ${REVIEW_LIMITS.threads} fils de commentaires par enregistrement.`,
    })
    .optional(),
  /**
   * The marks of the scenario titles that changed, by hypothesis; an empty list removes
   * them. As many as the file holds (a sync's union may pass REVIEW_LIMITS): the service
   * refuses a save that adds past the limit.
   */
  titleMarks: z.record(idSchema, z.array(titleMarkSchema)).optional(),
};

/**
 * What the editor started from, for the parts of the patch that hold text and for the
 * comment threads it sends: where the file no longer holds it (a sync brought a colleague's
 * change), the save merges instead of replacing. Absent: the patch replaces, as before
 * sharing.
 */
export const patchBaseSchema = z
  .object({
    sections: z.record(idSchema, incomingDocSchema).optional(),
    scenarios: z.record(idSchema, scenarioPatchSchema).optional(),
    note: incomingDocSchema.optional(),
    /** Each thread of the patch as the editor last knew it; null: one it did not know (new). */
    threads: z.record(reviewIdSchema, commentThreadSchema.nullable()).optional(),
    /** The marks of each title of the patch as the editor last knew them (none: an empty list). */
    titleMarks: z.record(idSchema, z.array(titleMarkSchema)).optional(),
  })
  .strict();

export const sheetPatchSchema = z
  .object({
    /** Only the sections that changed, keyed by template section id. */
    sections: z.record(idSchema, incomingDocSchema).optional(),
    /** Only the hypotheses (and within them the angles) that changed. */
    scenarios: z.record(idSchema, scenarioPatchSchema).optional(),
    base: patchBaseSchema.optional(),
    useFamilyMicroScenarios: z.boolean().optional(),
    status: sheetStatusSchema.optional(),
    authors: z.array(nameSchema).max(50).optional(),
    ...reviewPatchShape,
  })
  .strict();

export const familyPatchSchema = z
  .object({
    note: incomingDocSchema.optional(),
    scenarios: z.record(idSchema, scenarioPatchSchema).optional(),
    base: patchBaseSchema.optional(),
    /** The review of the shared micro-scenarios, as a sheet's (their titles and angles only). */
    ...reviewPatchShape,
  })
  .strict();

export const trashEntrySchema = z.object({
  trashId: z.string(),
  sheetId: idSchema,
  deletedAt: z.string(),
});

const op = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({
  request,
  response,
});

export const contract = {
  'app:info': op(
    empty,
    z.object({
      host: z.enum(['electron', 'browser']),
      version: z.string(),
      /** The desktop app can show a folder dialog; the browser host opens the folder given by --repo. */
      canChooseRepository: z.boolean(),
    }),
  ),
  'repository:overview': op(empty, overviewSchema),
  'repository:choose': op(empty, overviewSchema.nullable()),
  'template:get': op(empty, sheetTemplateSchema),
  'variables:add': op(z.object({ familyId: idSchema, name: nameSchema }).strict(), variableSchema),
  'sheets:get': op(z.object({ id: idSchema }).strict(), sheetViewSchema),
  'sheets:create': op(z.object({ variableId: idSchema }).strict(), sheetViewSchema),
  'sheets:update': op(z.object({ id: idSchema, patch: sheetPatchSchema }).strict(), sheetSummarySchema),
  'sheets:delete': op(z.object({ id: idSchema }).strict(), trashEntrySchema),
  'trash:list': op(empty, z.array(trashEntrySchema)),
  'trash:restore': op(
    z
      .object({
        trashId: z
          .string()
          .regex(/^[a-z0-9-]+$/)
          .max(120),
      })
      .strict(),
    sheetSummarySchema,
  ),
  'families:update': op(
    z.object({ familyId: idSchema, patch: familyPatchSchema }).strict(),
    z.object({ familyId: idSchema, updatedAt: z.string(), merged: z.array(z.string()).optional() }),
  ),
  ...historyContract,
  ...syncContract,
  ...assetsContract,
  ...exportContract,
  ...importContract,
  ...volumeContract,
  ...reviewContract,
} as const;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type OpRequest<N extends OpName> = z.input<Contract[N]['request']>;
export type ParsedRequest<N extends OpName> = z.output<Contract[N]['request']>;
export type OpResponse<N extends OpName> = z.output<Contract[N]['response']>;

export const opNames = Object.keys(contract) as OpName[];

export function isOpName(name: unknown): name is OpName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export type SheetSummary = z.infer<typeof sheetSummarySchema>;
export type DamagedEntry = z.infer<typeof damagedEntrySchema>;
export type Overview = z.infer<typeof overviewSchema>;
export type SheetView = z.infer<typeof sheetViewSchema>;
export type SheetPatch = z.infer<typeof sheetPatchSchema>;
export type ScenarioPatch = z.infer<typeof scenarioPatchSchema>;
export type FamilyPatch = z.infer<typeof familyPatchSchema>;
export type PatchBase = z.infer<typeof patchBaseSchema>;
export type TrashEntry = z.infer<typeof trashEntrySchema>;
