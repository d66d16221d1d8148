import type { PrintSheet } from '../sheet-input.js';

/**
 * What a .docx exported by Fiches says of its origin, in its custom properties (Word's
 * Fichier › Informations › Propriétés avancées): the sheet and the revision it prints. A
 * reviewer's copy keeps them, so « Importer une relecture Word… » knows which text the
 * reviewer read (main/services/review/word-review.ts).
 */
export const REVIEW_PROPERTY = {
  sheet: 'FichesSheetId',
  revision: 'FichesRevision',
} as const;

export function reviewProperties(print: PrintSheet): { name: string; value: string }[] {
  const seq = print.revision?.seq ?? print.basisRevision;
  return [
    { name: REVIEW_PROPERTY.sheet, value: print.sheet.id },
    ...(seq === undefined ? [] : [{ name: REVIEW_PROPERTY.revision, value: String(seq) }]),
  ];
}
