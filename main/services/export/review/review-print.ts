import type { ExportFormat } from '../../../../shared/api/export-contract.js';
import { AppFailure } from '../../../../shared/result.js';
import type { RevisionRef } from '../../history/sheet-history.js';
import type { RepositoryContext } from '../../repository/context.js';
import { figureImages, sheetDocs, type PrintSheet } from '../sheet-input.js';
import { sheetWithChangesSince } from './changes-since.js';

/**
 * An export for review (« avec les commentaires », « avec les modifications depuis une
 * version »): checked, then the sheet to print prepared. Word only: comments and tracked
 * changes are what reviewers answer in Word, a PDF has neither.
 */

export interface ReviewRequest {
  format: ExportFormat;
  revision?: RevisionRef;
  comments?: boolean;
  /** A revision's id, or its number as listed now. */
  changesSince?: RevisionRef;
}

export const isReviewRequest = (request: ReviewRequest): boolean =>
  request.comments === true || request.changesSince !== undefined;

/** Refuses what cannot be done, before anything is read. */
export function checkReviewRequest(request: ReviewRequest): void {
  if (!isReviewRequest(request)) return;
  if (request.format !== 'docx') {
    throw new AppFailure(
      'invalid-request',
      'Les commentaires et les modifications ne s’exportent qu’en Word (.docx) : un PDF ne les montre pas.',
    );
  }
  if (request.revision !== undefined) {
    throw new AppFailure(
      'invalid-request',
      'Une version passée s’exporte telle quelle : les commentaires et les modifications s’exportent avec la fiche actuelle.',
    );
  }
}

/** The sheet an export for review prints, from the one collectSheet prepared (suggestions undone). */
export async function reviewPrint(
  context: RepositoryContext,
  print: PrintSheet,
  request: ReviewRequest,
): Promise<{ print: PrintSheet; warnings: string[] }> {
  const warnings: string[] = [];
  if (print.basisRevision === undefined) {
    // collectSheet records the sheet first where it may write; a reading session cannot.
    warnings.push(
      'Ce fichier ne nomme pas de version de la fiche (ses dernières modifications ne sont pas encore dans son historique, et l’export en lecture seule ne peut pas les y enregistrer) : sa relecture ne pourra pas être importée. Exportez-la depuis l’application.',
    );
  }
  let sheet = print.sheet;
  let changesSince;
  if (request.changesSince !== undefined) {
    const changes = await sheetWithChangesSince(context, print.sheet, request.changesSince);
    sheet = changes.sheet;
    changesSince = changes.since;
    warnings.push(...changes.warnings);
  }
  const scenarios = sheet.microScenarios.useFamily ? print.scenarios : sheet.microScenarios.scenarios;
  // Removed figures print too (struck through): their images are needed.
  const figures = figureImages(sheetDocs({ sheet, familyNote: print.familyNote, scenarios }));
  const assets = new Map(figures.map(({ asset }) => [asset, context.layout.assetFile(asset)]));
  return {
    print: {
      ...print,
      sheet,
      scenarios,
      assets,
      review: { comments: request.comments === true, ...(changesSince ? { changesSince } : {}) },
    },
    warnings,
  };
}
