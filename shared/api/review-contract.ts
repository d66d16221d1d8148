import { z } from 'zod';
import { revisionIdSchema, revisionSummarySchema } from '../model/history.js';
import { idSchema } from '../model/ids.js';
import { MAX_IMPORT_FILE_BYTES } from './import-contract.js';

/**
 * « Importer une relecture Word… »: a .docx that Fiches exported, then commented and
 * changed by a reviewer in Word or LibreOffice. Reading it writes nothing (`apply: 'none'`);
 * `comments` attaches the comments only (the command line's --apply-comments); `all` also
 * offers the changes, as suggestions waiting in the text for the user to accept or reject.
 */

export const reviewApplySchema = z.enum(['none', 'comments', 'all']);
export type ReviewApply = z.infer<typeof reviewApplySchema>;

/** Whose text a comment or a change is on: the sheet's own, or its family's shared micro-scenarios. */
const ownerSchema = z.enum(['sheet', 'family']);

export const reviewCommentFoundSchema = z.object({
  id: z.string(),
  owner: ownerSchema,
  /** The part it is about, as the history names parts; null when it is on no part of the sheet. */
  part: z.string().nullable(),
  partTitle: z.string(),
  author: z.string(),
  at: z.string(),
  text: z.string(),
  quote: z.string(),
  replies: z.number().int().nonnegative(),
  resolved: z.boolean(),
  /** Its words were found in the sheet; otherwise it is kept as « texte supprimé ». */
  anchored: z.boolean(),
  /**
   * Already a thread of the sheet: one the copy printed (exported « avec les commentaires »),
   * or one this file brought before (imported again). Never attached twice.
   */
  known: z.boolean(),
  /** Replies the import adds: all of a new thread's; those the reviewer wrote, for a known one. */
  newReplies: z.number().int().nonnegative(),
});

export const reviewChangeFoundSchema = z.object({
  id: z.string(),
  owner: ownerSchema,
  part: z.string(),
  partTitle: z.string(),
  kind: z.enum(['insertion', 'deletion']),
  /** Made with « Suivi des modifications » on; otherwise found by comparison with the exported text. */
  tracked: z.boolean(),
  author: z.string(),
  date: z.string().nullable(),
  text: z.string(),
});

export const reviewImportResultSchema = z.object({
  fileName: z.string(),
  sheetId: idSchema,
  /** The revision the reviewer's copy was exported from: its number as listed now, and its id. */
  exportedRevision: z.number().int().positive(),
  exportedRevisionId: revisionIdSchema,
  comments: z.array(reviewCommentFoundSchema),
  changes: z.array(reviewChangeFoundSchema),
  warnings: z.array(z.string()),
  applied: reviewApplySchema,
  /** Recorded around the import in the sheet's history, when something was applied to the sheet. */
  before: revisionSummarySchema.nullable(),
  after: revisionSummarySchema.nullable(),
  /**
   * When the copy printed the family's shared micro-scenarios: the family, the revision of
   * theirs it printed, and what was recorded around the import in their history.
   */
  family: z
    .object({
      familyId: idSchema,
      exportedRevision: z.number().int().positive(),
      exportedRevisionId: revisionIdSchema,
      before: revisionSummarySchema.nullable(),
      after: revisionSummarySchema.nullable(),
    })
    .nullable(),
});

export type ReviewCommentFound = z.infer<typeof reviewCommentFoundSchema>;
export type ReviewChangeFound = z.infer<typeof reviewChangeFoundSchema>;
export type ReviewImportResult = z.infer<typeof reviewImportResultSchema>;

export const reviewContract = {
  'review:import': {
    request: z
      .object({
        sheetId: idSchema,
        name: z.string().min(1).max(255),
        base64: z.string().max(Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4 + 4),
        apply: reviewApplySchema,
      })
      .strict(),
    response: reviewImportResultSchema,
  },
} as const;
