import type { ExportFormat } from '../../../../shared/api/export-contract.js';
import { partsOfSheet } from '../../../../shared/history/parts.js';
import { canonicalJson } from '../../../../shared/history/canonical.js';
import { AppFailure } from '../../../../shared/result.js';
import { fr } from '../../french.js';
import { historyOf } from '../../history/service.js';
import type { RepositoryContext } from '../../repository/context.js';
import { requireSheet } from '../../sheets/sheet-file.js';
import { figureImages, sheetDocs, type PrintSheet } from '../sheet-input.js';
import { sheetWithChangesSince } from './changes-since.js';

/**
 * An export for review (« avec les commentaires », « avec les modifications depuis une
 * version »): checked, then the sheet to print prepared. Word only: comments and tracked
 * changes are what reviewers answer in Word, a PDF has neither.
 */

export interface ReviewRequest {
  format: ExportFormat;
  revision?: number;
  comments?: boolean;
  changesSince?: number;
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

/**
 * The revision the exported content is. A repository open for writing records the sheet
 * first when it changed since its latest revision, so that the reviewer's file is compared
 * later with exactly what was sent; a reading session (the CLI beside the app) cannot, and
 * says so.
 */
async function exportedRevision(
  context: RepositoryContext,
  print: PrintSheet,
  warnings: string[],
): Promise<number | undefined> {
  const service = historyOf(context);
  // As saved, its suggestions pending (the print has them undone).
  const saved = await requireSheet(context, print.sheet.id);
  if (context.access !== 'read') {
    const recorded = await service.record(saved, { kind: 'auto' }, false);
    if (recorded) return recorded.seq;
  }
  const history = await service.sheet(saved.id);
  const latest = history.summariesInOrder().at(-1);
  if (!latest) return undefined;
  const recorded = await history.partsAt(latest.seq, () => '').catch(() => undefined);
  if (recorded && canonicalJson(recorded) !== canonicalJson(partsOfSheet(saved))) {
    warnings.push(
      fr`La fiche a changé depuis sa version ${latest.seq}, la dernière de son historique : une relecture de ce fichier sera comparée à cette version.`,
    );
  }
  return latest.seq;
}

/** The sheet an export for review prints, from the one collectSheet prepared (suggestions undone). */
export async function reviewPrint(
  context: RepositoryContext,
  print: PrintSheet,
  request: ReviewRequest,
): Promise<{ print: PrintSheet; warnings: string[] }> {
  const warnings: string[] = [];
  const latest = await exportedRevision(context, print, warnings);
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
      ...(latest === undefined ? {} : { latest }),
      review: { comments: request.comments === true, ...(changesSince ? { changesSince } : {}) },
    },
    warnings,
  };
}
