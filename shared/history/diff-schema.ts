import { z } from 'zod';
import { partKeySchema } from '../model/history.js';

/** The shape of a comparison (diff.ts), declared once for the code and for the API contract. */

export const segmentSchema = z.object({ op: z.enum(['same', 'ins', 'del']), text: z.string() });

const blockBase = { type: z.string(), label: z.string().optional() };

export const blockChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['same', 'added', 'removed']), ...blockBase, text: z.string() }),
  z.object({
    kind: z.enum(['moved-out', 'moved-in']),
    ...blockBase,
    text: z.string(),
    /** The part it went to (moved-out) or came from (moved-in), when not this one. */
    otherPart: z.string().optional(),
  }),
  z.object({
    kind: z.literal('changed'),
    ...blockBase,
    segments: z.array(segmentSchema),
    /** The text is the same: only formatting or attributes (a link, an image) changed. */
    formatOnly: z.boolean(),
  }),
]);

export const partDiffSchema = z.object({
  key: partKeySchema,
  title: z.string(),
  changed: z.boolean(),
  /** Sections and angles. */
  blocks: z.array(blockChangeSchema).optional(),
  /** Micro-scenario titles. */
  segments: z.array(segmentSchema).optional(),
});

export const metaChangeSchema = z.object({
  field: z.enum(['status', 'authors', 'useFamily']),
  label: z.string(),
  before: z.string(),
  after: z.string(),
});

/** What happened to one comment thread between the two states. */
export const threadChangeSchema = z.object({
  kind: z.enum(['new', 'resolved', 'reopened', 'replied', 'edited', 'deleted']),
  thread: z.string(),
  /** The part it is about, as the sheet names it. */
  partTitle: z.string(),
  quote: z.string(),
  author: z.string(),
  text: z.string(),
  /** Who resolved it (resolved), or the authors of the new replies (replied). */
  by: z.string().optional(),
  /** New replies (replied). */
  count: z.number().optional(),
});

export const sheetDiffSchema = z.object({
  parts: z.array(partDiffSchema),
  meta: z.array(metaChangeSchema),
  /** The comment threads that changed, in the order of the sheet's parts. */
  review: z.array(threadChangeSchema),
  /** One line per notable change of the content (a title, an encadré, a source, a figure), in French. */
  highlights: z.array(z.string()),
});

export type Segment = z.infer<typeof segmentSchema>;
export type BlockChange = z.infer<typeof blockChangeSchema>;
export type PartDiff = z.infer<typeof partDiffSchema>;
export type MetaChange = z.infer<typeof metaChangeSchema>;
export type ThreadChange = z.infer<typeof threadChangeSchema>;
export type SheetDiff = z.infer<typeof sheetDiffSchema>;
