import { z } from 'zod';
import { docSchema, emptyDoc } from '../content/doc.js';
import { idSchema } from './ids.js';
import { nameSchema } from './names.js';
import { emptyReview, reviewSchema } from './review.js';

/** 2: the review (comment threads, scenario title marks) joined the sheet. */
export const SHEET_SCHEMA_VERSION = 2;

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

/** One hypothesis (basse, tendancielle, haute): a capitalised title and one text per angle. */
export const scenarioSchema = z.object({
  title: z
    .string()
    .max(SCENARIO_TITLE_MAX, { message: `Le titre dépasse ${SCENARIO_TITLE_MAX} caractères.` })
    .refine((value) => !/\p{Cc}/u.test(value), { message: 'Le titre contient des caractères de contrôle.' }),
  /** Keyed by the template's angle ids (économique, environnemental, social). */
  angles: z.record(idSchema, docSchema),
});

/** Keyed by the template's hypothesis ids. */
export const scenariosSchema = z.record(idSchema, scenarioSchema);

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
});

export type SheetFile = z.infer<typeof sheetFileSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type Scenarios = z.infer<typeof scenariosSchema>;

/**
 * families/<family-id>.json: what a family's sheets share (the technology family's
 * micro-scenarios). 2: the review of the shared micro-scenarios (comment threads, title
 * marks) joined the file (migration: main/services/storage/migrations.ts).
 */
export const FAMILY_FILE_SCHEMA_VERSION = 2;

export const familyFileSchema = z.object({
  schemaVersion: z.literal(FAMILY_FILE_SCHEMA_VERSION),
  familyId: idSchema,
  /** The family's note shown after the method note on each of its sheets ("À noter : …"). */
  note: docSchema,
  scenarios: scenariosSchema,
  /** Comment threads on the shared micro-scenarios, and the marks of their titles (model/review.ts). */
  review: reviewSchema,
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
