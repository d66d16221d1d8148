import { z } from 'zod';
import { ID_PATTERN } from './ids.js';
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
};

/** Default of the template's revisionIntervalMinutes. */
export const DEFAULT_REVISION_INTERVAL_MINUTES = 5;

const ID = ID_PATTERN.source.slice(1, -1);

/**
 * `section/<id>`, `scenario/<hypothesis>/title`, `scenario/<hypothesis>/angle/<angle>`,
 * `meta`, `note` (a family's note, in the history of its shared content), or `review` (the
 * sheet's comment threads and title marks, model/review.ts; absent while it has none): ids
 * checked against the id pattern, so a key never names anything else.
 */
export const PART_KEY_PATTERN = new RegExp(
  `^(?:section/${ID}|scenario/${ID}/title|scenario/${ID}/angle/${ID}|meta|note|review)$`,
);

export const partKeySchema = z
  .string()
  .max(260)
  .regex(PART_KEY_PATTERN, { message: 'Partie de fiche inconnue.' });

export type PartKey = string;

export type ParsedPartKey =
  | { kind: 'section'; section: string }
  | { kind: 'title'; hypothesis: string }
  | { kind: 'angle'; hypothesis: string; angle: string }
  | { kind: 'meta' }
  | { kind: 'note' }
  | { kind: 'review' };

export const sectionKey = (section: string): PartKey => `section/${section}`;
export const titleKey = (hypothesis: string): PartKey => `scenario/${hypothesis}/title`;
export const angleKey = (hypothesis: string, angle: string): PartKey =>
  `scenario/${hypothesis}/angle/${angle}`;
export const META_KEY: PartKey = 'meta';
export const NOTE_KEY: PartKey = 'note';
export const REVIEW_KEY: PartKey = 'review';

export function parsePartKey(key: PartKey): ParsedPartKey | undefined {
  if (!PART_KEY_PATTERN.test(key)) return undefined;
  const [head, first, second, third] = key.split('/');
  if (head === 'meta') return { kind: 'meta' };
  if (head === 'note') return { kind: 'note' };
  if (head === 'review') return { kind: 'review' };
  if (head === 'section' && first) return { kind: 'section', section: first };
  if (second === 'title' && first) return { kind: 'title', hypothesis: first };
  if (second === 'angle' && first && third) return { kind: 'angle', hypothesis: first, angle: third };
  return undefined;
}

/** What the revision list shows of one revision, read without loading any content. */
export const revisionSummarySchema = z.object({
  seq: z.number().int().positive(),
  at: z.iso.datetime(),
  author: z.string(),
  kind: revisionKindSchema,
  name: z.string().optional(),
  comment: z.string().optional(),
  /** The new status, for a status change. */
  status: sheetStatusSchema.optional(),
  /** The revision a restore took its content from, and the parts it took (all when absent). */
  restoredFrom: z.number().int().positive().optional(),
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
