import type { DocNode } from '../content/doc.js';
import { emptyReview } from '../model/review.js';
import { SHEET_SCHEMA_VERSION, type SheetFile } from '../model/sheet.js';

/** Small sheets for the merge tests. */
export const p = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
export const doc = (...texts: string[]): DocNode => ({ type: 'doc', content: texts.map(p) });

export function sheetOf(sections: Record<string, DocNode>, overrides: Partial<SheetFile> = {}): SheetFile {
  return {
    schemaVersion: SHEET_SCHEMA_VERSION,
    id: 'big-data',
    status: 'draft',
    authors: ['Anne'],
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    sections,
    microScenarios: {
      useFamily: false,
      scenarios: { basse: { title: 'LA MISE EN RÉSEAU', angles: { social: doc('Social.') } } },
    },
    review: emptyReview(),
    ...overrides,
  };
}

export const labels = { ourAuthor: 'Anne', theirAuthor: 'Bruno', at: '2025-03-01T10:00:00.000Z' };
