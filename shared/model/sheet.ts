import { z } from 'zod';
import { docSchema, emptyDoc } from '../content/doc.js';
import { idSchema } from './ids.js';
import { nameSchema } from './names.js';
import { parsePartKey, partKeySchema } from './part-keys.js';
import { emptyReview, reviewSchema } from './review.js';

/**
 * 2: the review (comment threads, scenario title marks) joined the sheet.
 * 3: a sheet may carry `conflicts` (a merge of two colleagues' work, sync).
 */
export const SHEET_SCHEMA_VERSION = 3;

export const sheetStatuses = ['draft', 'review', 'validated', 'published'] as const;
export type SheetStatus = (typeof sheetStatuses)[number];
export const sheetStatusSchema = z.enum(sheetStatuses);

export const sheetStatusLabels: Record<SheetStatus, string> = {
  draft: 'Brouillon',
  review: 'En relecture',
  validated: 'Validée',
  published: 'Publiée',
};

const SCENARIO_TITLE_MAX = 300;

/** A micro-scenario's title: short, on one line. */
export const SCENARIO_TITLE_SCHEMA = z
  .string()
  .max(SCENARIO_TITLE_MAX, { message: `Le titre dépasse ${SCENARIO_TITLE_MAX} caractères.` })
  .refine((value) => !/\p{Cc}/u.test(value), { message: 'Le titre contient des caractères de contrôle.' });

/** One hypothesis (basse, tendancielle, haute): a capitalised title and one text per angle. */
export const scenarioSchema = z.object({
  title: SCENARIO_TITLE_SCHEMA,
  /** Keyed by the template's angle ids (économique, environnemental, social). */
  angles: z.record(idSchema, docSchema),
});

/** Keyed by the template's hypothesis ids. */
export const scenariosSchema = z.record(idSchema, scenarioSchema);

/** What a sheet's `meta` part holds (see shared/history/parts.ts). */
export const sheetMetaSchema = z.object({
  status: sheetStatusSchema,
  authors: z.array(nameSchema).max(50),
  useFamily: z.boolean(),
});

const CONFLICTS_MAX = 500;

/**
 * A real conflict left by a merge (main/services/sync): the same block or field was changed
 * on both sides. The sheet holds one version (the current one, still editable) and this
 * entry the other, whole: both are kept until someone keeps one, the other, or an edit of
 * the two, and nothing is ever written into the content as a conflict marker. The entry
 * travels with the sheet, so a colleague who syncs before it is resolved sees it too.
 */
export const conflictSchema = z
  .object({
    /** Stable across machines (a hash of the part and the other value): merges keep one entry per conflict. */
    id: z.string().regex(/^[0-9a-f]{16}$/),
    part: partKeySchema,
    /** The other version of the part: a document, a title, or the metadata. */
    value: z.union([docSchema, SCENARIO_TITLE_SCHEMA, sheetMetaSchema]),
    /** Who wrote the other version, and who the version kept in the sheet. */
    author: z.string().max(200),
    currentAuthor: z.string().max(200),
    /** When the merge found it. */
    at: z.iso.datetime(),
  })
  .superRefine((conflict, ctx) => {
    const kind = parsePartKey(conflict.part)?.kind;
    const value = conflict.value;
    // The review never conflicts as a whole: it merges thread by thread (shared/merge/review.ts).
    const expected =
      kind === 'review'
        ? false
        : kind === 'title'
          ? typeof value === 'string'
          : kind === 'meta'
            ? typeof value === 'object' && 'status' in value
            : typeof value === 'object' && 'type' in value;
    if (!expected) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: 'Version en conflit d’un autre type que sa partie.',
      });
    }
  });

export const conflictsSchema = z.array(conflictSchema).max(CONFLICTS_MAX);

export const sheetFileSchema = z.object({
  schemaVersion: z.literal(SHEET_SCHEMA_VERSION),
  /** The variable's id: the slug of its name, also the file name. */
  id: idSchema,
  status: sheetStatusSchema,
  authors: z.array(nameSchema).max(50),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Keyed by the template's section ids. */
  sections: z.record(idSchema, docSchema),
  microScenarios: z.object({
    /** When true the sheet shows its family's shared micro-scenarios instead of its own. */
    useFamily: z.boolean(),
    scenarios: scenariosSchema,
  }),
  /** Comment threads and the marks of the scenario titles (model/review.ts). */
  review: reviewSchema,
  /** Unresolved conflicts of a merge; absent when there are none. */
  conflicts: conflictsSchema.optional(),
});

export type SheetFile = z.infer<typeof sheetFileSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type Scenarios = z.infer<typeof scenariosSchema>;
export type Conflict = z.infer<typeof conflictSchema>;
export type SheetMetaValue = z.infer<typeof sheetMetaSchema>;

/**
 * families/<family-id>.json: what a family's sheets share (the technology family's
 * micro-scenarios). 2: a family may carry `conflicts` (a merge of two colleagues' work, sync).
 * 3: the review of the shared micro-scenarios (comment threads, title marks) joined the file
 * (migrations: main/services/storage/migrations.ts).
 */
export const FAMILY_FILE_SCHEMA_VERSION = 3;

export const familyFileSchema = z.object({
  schemaVersion: z.literal(FAMILY_FILE_SCHEMA_VERSION),
  familyId: idSchema,
  /** The family's note shown after the method note on each of its sheets ("À noter : …"). */
  note: docSchema,
  scenarios: scenariosSchema,
  /** Comment threads on the shared micro-scenarios, and the marks of their titles (model/review.ts). */
  review: reviewSchema,
  /** Unresolved conflicts of a merge (parts `note` and `scenario/…`); absent when there are none. */
  conflicts: conflictsSchema.optional(),
});

export type FamilyFile = z.infer<typeof familyFileSchema>;

/** A family whose file was never written: nothing shared yet. */
export function emptyFamilyFile(familyId: string): FamilyFile {
  return {
    schemaVersion: FAMILY_FILE_SCHEMA_VERSION,
    familyId,
    note: emptyDoc(),
    scenarios: {},
    review: emptyReview(),
  };
}
