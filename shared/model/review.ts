import { z } from 'zod';
import { COMMENT_MARK, DELETION_MARK, INSERTION_MARK } from '../content/review-marks.js';
import { ID_PATTERN, idSchema } from './ids.js';
import { nameSchema } from './names.js';

/**
 * The review of a sheet, saved in the sheet beside its content: comment threads, keyed by
 * id so that two copies of a sheet merge thread by thread, and the marks of the scenario
 * titles. A thread's anchor is a `comment` mark in the content of its part (content/
 * review-marks.ts); a scenario title is plain text, so its marks are kept here as offsets
 * into the title (titleMarks), and the editor turns them back into marks.
 */

/**
 * Whose review: a sheet's own parts, or the micro-scenarios a family shares with its sheets
 * (families/<id>.json holds their review, reviewed from any sheet that shows them).
 */
export type ReviewOwner = 'sheet' | 'family';

/**
 * Bounds of one sheet's review: far above a real review, low enough to keep requests and
 * files small. `threads` and `replies` bound what people add (a save, a Word import: see
 * main/services/review/review-patch.ts), not what a file holds: a sync's union of two
 * copies' threads and replies may pass them, and never drops one to fit.
 */
export const REVIEW_LIMITS = {
  threads: 1000,
  replies: 200,
  /** Characters of a comment or a reply. */
  text: 10_000,
  /** Characters of the text a thread quotes (longer selections are cut, with « … »). */
  quote: 1000,
  /** Marks on one scenario title. */
  titleMarks: 200,
} as const;

/** A title is at most this long (sheet.ts): its marks stay inside it. */
const TITLE_MAX = 300;

/** Threads, replies and suggestions are named as sheets are (content/review-marks.ts checks the same pattern). */
export const reviewIdSchema = idSchema;

const ID = ID_PATTERN.source.slice(1, -1);

/**
 * The parts a comment can be about, named as the history names them (model/history.ts):
 * a section, a scenario's title, a scenario's angle. An encadré, a caption or a table
 * cell lives in a section or an angle, and its comment belongs to that part.
 */
export const COMMENT_PART_PATTERN = new RegExp(
  `^(?:section/${ID}|scenario/${ID}/title|scenario/${ID}/angle/${ID})$`,
);

export const commentPartSchema = z
  .string()
  .max(260)
  .regex(COMMENT_PART_PATTERN, { message: 'Partie de fiche inconnue pour un commentaire.' });

/** The text of a comment or a reply: line breaks welcome, other control characters not. */
export const commentTextSchema = z
  .string()
  .transform((value) => value.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1, { message: 'Le commentaire est vide.' })
      .max(REVIEW_LIMITS.text, {
        message: `Le commentaire dépasse ${REVIEW_LIMITS.text.toLocaleString('fr-FR')} caractères.`,
      })
      .refine((value) => !/\p{Cc}/u.test(value.replace(/[\n\t]/g, '')), {
        message: 'Le commentaire contient des caractères de contrôle.',
      }),
  );

export const commentReplySchema = z.object({
  id: reviewIdSchema,
  author: nameSchema,
  at: z.iso.datetime(),
  /** Set when its author changed its text. */
  editedAt: z.iso.datetime().optional(),
  text: commentTextSchema,
});

export const commentThreadSchema = z.object({
  id: reviewIdSchema,
  author: nameSchema,
  at: z.iso.datetime(),
  editedAt: z.iso.datetime().optional(),
  text: commentTextSchema,
  /** The part whose text carries the anchor. */
  part: commentPartSchema,
  /**
   * The anchored text as last seen: what the thread is about, still shown when that text
   * was deleted (the thread is then listed as « texte supprimé », never lost).
   */
  quote: z.string().max(REVIEW_LIMITS.quote + 1),
  /** In time order. Past REVIEW_LIMITS.replies only by a sync's union (see REVIEW_LIMITS). */
  replies: z.array(commentReplySchema),
  /** Absent while the thread is open. */
  resolved: z.object({ by: nameSchema, at: z.iso.datetime() }).optional(),
});

const offset = z.number().int().min(0).max(TITLE_MAX);

const suggestionAttrsSchema = z.object({
  id: reviewIdSchema,
  author: z.string().max(200),
  date: z.iso.datetime({ offset: true }).nullable(),
});

/** A mark over [from, to) of a scenario title, in UTF-16 offsets as JavaScript counts them. */
export const titleMarkSchema = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal(COMMENT_MARK),
      attrs: z.object({ thread: reviewIdSchema }),
      from: offset,
      to: offset,
    }),
    z.object({ type: z.literal(INSERTION_MARK), attrs: suggestionAttrsSchema, from: offset, to: offset }),
    z.object({ type: z.literal(DELETION_MARK), attrs: suggestionAttrsSchema, from: offset, to: offset }),
  ])
  .refine((mark) => mark.from < mark.to, { message: 'Une marque de titre couvre au moins un caractère.' });

/** Threads and title marks past REVIEW_LIMITS only by a sync's union (see REVIEW_LIMITS). */
export const reviewSchema = z.object({
  threads: z
    .record(reviewIdSchema, commentThreadSchema)
    .refine((threads) => Object.entries(threads).every(([id, thread]) => thread.id === id), {
      message: 'Un fil de commentaires est rangé sous un autre identifiant que le sien.',
    }),
  /** Keyed by the template's hypothesis ids. */
  titleMarks: z.record(idSchema, z.array(titleMarkSchema)),
});

export type CommentReply = z.infer<typeof commentReplySchema>;
export type CommentThread = z.infer<typeof commentThreadSchema>;
export type TitleMark = z.infer<typeof titleMarkSchema>;
export type Review = z.infer<typeof reviewSchema>;

export const emptyReview = (): Review => ({ threads: {}, titleMarks: {} });

export function isReviewEmpty(review: Review): boolean {
  return (
    Object.keys(review.threads).length === 0 &&
    Object.values(review.titleMarks).every((marks) => marks.length === 0)
  );
}

export function isOpen(thread: CommentThread): boolean {
  return thread.resolved === undefined;
}

export function openThreadCount(review: Review): number {
  return Object.values(review.threads).filter(isOpen).length;
}
