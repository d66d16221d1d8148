import { z } from 'zod';
import { partKeySchema } from './part-keys.js';
import { nameSchema } from './names.js';
import { sheetStatusSchema } from './sheet.js';

/**
 * A sheet's history: immutable revisions of the whole sheet, each saying who recorded it,
 * when, why (its kind) and which parts changed. Parts are what a revision, a comparison and
 * a section restore work on: each section, each micro-scenario title and angle, and the
 * metadata (status, authors, use of the family's micro-scenarios).
 */

export const revisionKinds = [
  /** The state found when the history started (the sheet's first save with history). */
  'initial',
  /** Taken by itself after some minutes of editing (template setting). */
  'auto',
  /** « Enregistrer une version… »: a name and an optional comment. */
  'named',
  /** The status changed. */
  'status',
  /** The user left the sheet. */
  'leave',
  /** The application (or the repository) was closed. */
  'close',
  /** The state just before a restore, so the restore can be undone. */
  'pre-restore',
  /** The result of a restore. */
  'restore',
  /** The state just before an import or a bulk change replaces content. */
  'import',
  /** The state an import made (from a Word file): compared and restored like any other. */
  'imported',
  /** The state just before a sync brought a colleague's changes into the sheet. */
  'pre-sync',
  /** A colleague's changes, merged into the sheet by a sync. */
  'sync',
  /** A conflict of a sync resolved: one version kept, the other, or both edited together. */
  'resolve',
] as const;

export type RevisionKind = (typeof revisionKinds)[number];
export const revisionKindSchema = z.enum(revisionKinds);

export const revisionKindLabels: Record<RevisionKind, string> = {
  initial: 'État initial',
  auto: 'Enregistrement automatique',
  named: 'Version nommée',
  status: 'Changement de statut',
  leave: 'Fermeture de la fiche',
  close: 'Fermeture de l’application',
  'pre-restore': 'Avant restauration',
  restore: 'Restauration',
  import: 'Avant import',
  imported: 'Import Word',
  'pre-sync': 'Avant synchronisation',
  sync: 'Synchronisation',
  resolve: 'Conflit résolu',
};

/** Default of the template's revisionIntervalMinutes. */
export const DEFAULT_REVISION_INTERVAL_MINUTES = 5;

export * from './part-keys.js';

/**
 * A revision's identity, the same on every copy of a shared repository and across syncs:
 * its writer (`0` for the history written before the repository was shared, else the
 * writer id of the copy that recorded it) and its number in that writer's log.
 */
export const REVISION_ID_PATTERN = /^(?:0|[0-9a-f]{12})-[1-9][0-9]{0,15}$/;
export const revisionIdSchema = z.string().regex(REVISION_ID_PATTERN, { message: 'Version inconnue.' });

/** What the revision list shows of one revision, read without loading any content. */
export const revisionSummarySchema = z.object({
  /**
   * The number shown (« n° 12 »), 1 for the oldest, in time order. Derived when the
   * history is read: a sync that brings a colleague's older revisions renumbers the later
   * ones, so requests name a revision by its `id` (a number is still accepted, as listed now).
   */
  seq: z.number().int().positive(),
  id: revisionIdSchema,
  at: z.iso.datetime(),
  author: z.string(),
  kind: revisionKindSchema,
  name: z.string().optional(),
  comment: z.string().optional(),
  /** The new status, for a status change. */
  status: sheetStatusSchema.optional(),
  /**
   * The revision a restore took its content from, by its id (which no sync changes), its
   * number as listed now (to be shown), and the parts it took (all when absent).
   */
  restoredFrom: revisionIdSchema.optional(),
  restoredFromSeq: z.number().int().positive().optional(),
  restoredParts: z.array(partKeySchema).optional(),
  /** The file an import took its content from (its name). */
  source: z.string().optional(),
  /** The parts that differ from the previous revision. */
  changed: z.array(partKeySchema),
  /** Why this revision cannot be read (whole or in part), in French. */
  damaged: z.string().optional(),
});

export type RevisionSummary = z.infer<typeof revisionSummarySchema>;

const VERSION_NAME_MAX = 200;
const VERSION_COMMENT_MAX = 2000;

export const versionNameSchema = nameSchema.pipe(
  z.string().max(VERSION_NAME_MAX, { message: `Le nom dépasse ${VERSION_NAME_MAX} caractères.` }),
);

export const versionCommentSchema = z
  .string()
  .transform((value) => value.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .max(VERSION_COMMENT_MAX, { message: `Le commentaire dépasse ${VERSION_COMMENT_MAX} caractères.` })
      // Line breaks are welcome in a comment; other control characters are not.
      .refine((value) => !/\p{Cc}/u.test(value.replace(/[\n\t]/g, '')), {
        message: 'Le commentaire contient des caractères de contrôle.',
      }),
  );
