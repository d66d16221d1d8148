import { z } from 'zod';
import { idSchema } from '../model/ids.js';
import { revisionRefSchema } from './history-contract.js';

/**
 * The operations of exports, spread into the contract (contract.ts). A format is named
 * by its id; adding a format (PDF) adds an id here and an entry in the services' format
 * registry, no new operation.
 */

export const exportFormats = ['docx', 'pdf'] as const;
export const exportFormatSchema = z.enum(exportFormats);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** What the menus and dialogs call each format. */
export const exportFormatLabels: Record<ExportFormat, string> = { docx: 'Word', pdf: 'PDF' };

/** The file name extension of each format, without its dot. */
export const exportFormatExtensions: Record<ExportFormat, string> = { docx: 'docx', pdf: 'pdf' };

/** A revision's id, or its number as listed now (see history-contract.ts). */
const revisionSchema = revisionRefSchema;

/**
 * An export for review, Word only (the service says why otherwise): `comments` adds the
 * sheet's comment threads as Word comments; `changesSince` shows, as Word tracked changes,
 * what changed since that revision of the sheet.
 */
const reviewFields = {
  comments: z.boolean().optional(),
  changesSince: revisionSchema.optional(),
};

/** A problem met by the export of one sheet, or the reason it failed: French, shown as is. */
export const sheetExportResultSchema = z.object({
  sheetId: idSchema,
  ok: z.boolean(),
  /** Where the file was written (desktop, CLI) or its name (browser download). */
  file: z.string().optional(),
  warnings: z.array(z.string()),
  error: z.string().optional(),
});

export const exportSummarySchema = z.object({
  format: exportFormatSchema,
  /** The file or folder written to. */
  target: z.string(),
  results: z.array(sheetExportResultSchema),
});

export type SheetExportResult = z.infer<typeof sheetExportResultSchema>;
export type ExportSummary = z.infer<typeof exportSummarySchema>;

export const exportContract = {
  /** One sheet (or one of its revisions) rendered in memory: the browser host downloads it. */
  'export:render': {
    request: z
      .object({
        sheetId: idSchema,
        format: exportFormatSchema,
        revision: revisionSchema.optional(),
        ...reviewFields,
      })
      .strict(),
    response: z.object({
      fileName: z.string(),
      mediaType: z.string(),
      base64: z.string(),
      warnings: z.array(z.string()),
    }),
  },
  /**
   * Desktop only: asks where to save (a file for one sheet, a folder for several), writes
   * there and answers what succeeded; null when the user cancelled. The browser host answers
   * `unsupported` (it downloads through export:render instead).
   */
  'export:save': {
    request: z
      .object({
        sheetIds: z.array(idSchema).min(1).max(1000),
        format: exportFormatSchema,
        /** Only with a single sheet. */
        revision: revisionSchema.optional(),
        ...reviewFields,
      })
      .strict()
      .refine((request) => request.revision === undefined || request.sheetIds.length === 1, {
        message: 'Une version ne s’exporte que pour une seule fiche.',
      })
      .refine((request) => request.changesSince === undefined || request.sheetIds.length === 1, {
        message: 'Les modifications depuis une version s’exportent pour une seule fiche.',
      }),
    response: exportSummarySchema.nullable(),
  },
};
