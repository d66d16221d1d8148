import type { PlanMetadata } from '../plan/types.js';

/**
 * What a .docx exported by Fiches says of its origin, in its custom properties (Word's
 * Fichier › Informations › Propriétés avancées): the sheet and the revision it prints, and
 * when the sheet shows its family's shared micro-scenarios, the family and the revision of
 * its history they are printed from; each revision by its id (« 4f0c2a9e1b7d-3 »: a number
 * as listed would name another revision once a sync brings a colleague's older one). A
 * reviewer's copy keeps them, so « Importer une relecture Word… » knows which text the
 * reviewer read (main/services/review/word-review.ts, which still takes the number older
 * files wrote where it cannot have changed).
 */
export const REVIEW_PROPERTY = {
  sheet: 'FichesSheetId',
  revision: 'FichesRevision',
  family: 'FichesFamilyId',
  familyRevision: 'FichesFamilyRevision',
} as const;

/** The plan's identity (plan/metadata.ts decides it) as Word custom properties; none for a volume. */
export function reviewProperties(identity: PlanMetadata['identity']): { name: string; value: string }[] {
  if (!identity) return [];
  const { sheet, revision, family } = identity;
  return [
    { name: REVIEW_PROPERTY.sheet, value: sheet },
    ...(revision === undefined ? [] : [{ name: REVIEW_PROPERTY.revision, value: revision }]),
    ...(family === undefined
      ? []
      : [
          { name: REVIEW_PROPERTY.family, value: family.id },
          { name: REVIEW_PROPERTY.familyRevision, value: family.revision },
        ]),
  ];
}
