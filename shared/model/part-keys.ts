import { z } from 'zod';
import { ID_PATTERN } from './ids.js';

/**
 * The parts of a sheet that a revision, a comparison, a restore and a merge work on one by
 * one: each section, each micro-scenario title and angle, the metadata (status, authors,
 * use of the family's micro-scenarios), and a family's note. Kept apart from history.ts so
 * the sheet model (which names parts in its conflicts) can use them without a cycle.
 */
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

/** Parts that hold a document (a ProseMirror doc): merged and compared block by block. */
export function isDocPartKey(key: PartKey): boolean {
  const kind = parsePartKey(key)?.kind;
  return kind === 'section' || kind === 'angle' || kind === 'note';
}
