import { z } from 'zod';
import { idSchema } from '../model/ids.js';
import { sheetStatusSchema } from '../model/sheet.js';
import { exportFormatSchema } from './export-contract.js';

/**
 * Publishing the collection as one volume: a job, since it takes seconds to minutes.
 * `volume:start` answers at once with the job's id; `volume:progress` says where it is
 * (« 12 / 29 : Big Data »); `volume:cancel` stops it (nothing is kept); `volume:result`
 * gives the files and the summary once it is done.
 */

/** Which sheets: all, some families, some sheets, or those of some statuses; always in the order of the system. */
export const volumeSelectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('families'), families: z.array(idSchema).min(1).max(100) }).strict(),
  z.object({ kind: z.literal('sheets'), sheets: z.array(idSchema).min(1).max(1000) }).strict(),
  z.object({ kind: z.literal('statuses'), statuses: z.array(sheetStatusSchema).min(1).max(4) }).strict(),
]);
export type VolumeSelection = z.infer<typeof volumeSelectionSchema>;

export const volumeRequestSchema = z
  .object({
    selection: volumeSelectionSchema,
    formats: z.array(exportFormatSchema).min(1).max(2),
    title: z.string().trim().min(1).max(200),
    /** The date printed on the cover, YYYY-MM-DD. */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date attendue au format AAAA-MM-JJ' }),
  })
  .strict();
export type VolumeRequest = z.infer<typeof volumeRequestSchema>;

/** A sheet of the selection left out of the volume, and why (French). */
export const skippedSheetSchema = z.object({ sheetId: idSchema, name: z.string(), reason: z.string() });

export const volumeSummarySchema = z.object({
  included: z.array(z.object({ sheetId: idSchema, name: z.string() })),
  skipped: z.array(skippedSheetSchema),
  /** What to check before publishing: empty parts, missing images… each naming its sheet. */
  warnings: z.array(z.string()),
});
export type VolumeSummary = z.infer<typeof volumeSummarySchema>;

const jobIdSchema = z.string().regex(/^[a-z0-9-]{8,64}$/);

export const volumeProgressSchema = z.object({
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** The sheet being read (from 1), of `total`; then `total` while the documents are made. */
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  /** What is being done: a sheet's name, or « Mise en page du recueil Word ». */
  current: z.string(),
  /** When failed: why (French). */
  error: z.string().optional(),
});
export type VolumeProgress = z.infer<typeof volumeProgressSchema>;

export const volumeFileSchema = z.object({ fileName: z.string(), mediaType: z.string(), base64: z.string() });

export const volumeContract = {
  'volume:start': { request: volumeRequestSchema, response: z.object({ jobId: jobIdSchema }) },
  'volume:progress': { request: z.object({ jobId: jobIdSchema }).strict(), response: volumeProgressSchema },
  'volume:cancel': {
    request: z.object({ jobId: jobIdSchema }).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
  'volume:result': {
    request: z.object({ jobId: jobIdSchema }).strict(),
    response: z.object({ files: z.array(volumeFileSchema), summary: volumeSummarySchema }),
  },
  /**
   * Desktop only, once the job is done: asks where to save (a file for one format, a folder
   * for both), writes there and answers the summary with the files written; `saved` is null
   * when the user closed the dialog (nothing written). The browser host answers
   * `unsupported` (it downloads volume:result's files instead).
   */
  'volume:save': {
    request: z.object({ jobId: jobIdSchema }).strict(),
    response: z.object({ summary: volumeSummarySchema, saved: z.array(z.string()).nullable() }),
  },
};
