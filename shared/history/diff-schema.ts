import { z } from 'zod';
import { partKeySchema } from '../model/history.js';

/** The shape of a comparison (diff.ts), declared once for the code and for the API contract. */

export const segmentSchema = z.object({ op: z.enum(['same', 'ins', 'del']), text: z.string() });

const blockBase = { type: z.string(), label: z.string().optional() };

export const cellChangeSchema = z.object({
  /** 1-based. */
  column: z.number().int().positive(),
  /** The text of the column's header cell, when the table has a header row. */
  heading: z.string().optional(),
  segments: z.array(segmentSchema),
});

export const rowChangeSchema = z.object({
  kind: z.enum(['changed', 'added', 'removed']),
  /** 1-based, the header row included: in the newer table, or in the older for a removed row. */
  row: z.number().int().positive(),
  /** The cells that changed (every cell of an added or removed row). */
  cells: z.array(cellChangeSchema),
});

/** A changed table, part by part: its caption and source when they changed, then its rows. */
export const tableChangeSchema = z.object({
  caption: z.array(segmentSchema).optional(),
  source: z.array(segmentSchema).optional(),
  rows: z.array(rowChangeSchema),
});

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
    table: tableChangeSchema.optional(),
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
export type CellChange = z.infer<typeof cellChangeSchema>;
export type RowChange = z.infer<typeof rowChangeSchema>;
export type TableChange = z.infer<typeof tableChangeSchema>;
export type PartDiff = z.infer<typeof partDiffSchema>;
export type MetaChange = z.infer<typeof metaChangeSchema>;
export type ThreadChange = z.infer<typeof threadChangeSchema>;
export type SheetDiff = z.infer<typeof sheetDiffSchema>;
