import type { DocNode } from '../../content/doc.js';
import { emptyReview } from '../../model/review.js';
import { SHEET_SCHEMA_VERSION, type SheetFile } from '../../model/sheet.js';
import type { SheetTemplate } from '../../model/template.js';

/** A small template and sheet for the comparison's tests: two sections, one hypothesis, one angle. */
export const comparisonTemplate: SheetTemplate = {
  schemaVersion: 1,
  id: 'fiche',
  name: 'Fiche',
  phases: [{ id: 'passe', label: 'Passé' }],
  sections: [
    {
      id: 'trajectoire',
      title: 'Trajectoire de la variable',
      help: 'Aide.',
      targetWords: { min: 1, max: 9 },
    },
    {
      id: 'passe',
      title: 'Évolution passée',
      phase: 'passe',
      help: 'Aide.',
      targetWords: { min: 1, max: 9 },
    },
  ],
  standardTexts: { opening: ['Ouverture.'], microScenariosMethod: ['Méthode.'] },
  microScenarios: {
    title: 'Micro-scénarios',
    help: 'Aide.',
    hypotheses: [{ id: 'basse', label: 'Hypothèse basse' }],
    angles: [{ id: 'social', label: 'Social' }],
    targetWords: { min: 1, max: 9 },
  },
};

/** A draft Big Data sheet with these sections, no micro-scenarios unless overridden. */
export function comparisonSheet(
  sections: Record<string, DocNode>,
  overrides: Partial<SheetFile> = {},
): SheetFile {
  return {
    schemaVersion: SHEET_SCHEMA_VERSION,
    id: 'big-data',
    status: 'draft',
    authors: ['Anne'],
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    sections,
    microScenarios: { useFamily: false, scenarios: {} },
    review: emptyReview(),
    ...overrides,
  };
}
