import type { HistoryListing } from '../../../shared/api/history-contract.js';
import { diffSheets } from '../../../shared/history/diff.js';
import type { SheetDiff } from '../../../shared/history/diff-schema.js';
import { partsOfSheet, sheetOfParts } from '../../../shared/history/parts.js';
import { partTitle } from '../../../shared/history/titles.js';
import {
  DEFAULT_REVISION_INTERVAL_MINUTES,
  type PartKey,
  type RevisionSummary,
} from '../../../shared/model/history.js';
import type { SheetFile } from '../../../shared/model/sheet.js';
import type { RepositoryContext } from '../repository/context.js';
import { requireVariable } from '../repository/system.js';
import { requireSheet } from '../sheets/sheet-file.js';
import { historyOf } from './service.js';
import { sheetTarget } from './target.js';

/** history:list, history:get and history:compare: reading a sheet's history, never writing it. */

export async function titlesOf(context: RepositoryContext): Promise<(key: PartKey) => string> {
  const template = await context.template();
  return (key) => partTitle(template, key);
}

async function historyOfVariable(context: RepositoryContext, sheetId: string) {
  // Only the variables of the repository have a history to show: anything else is not found.
  requireVariable(await context.repository(), sheetId);
  return historyOf(context).sheet(sheetId);
}

export async function listHistory(context: RepositoryContext, sheetId: string): Promise<HistoryListing> {
  const history = await historyOfVariable(context, sheetId);
  const template = await context.template();
  const listing = await history.list((key) => partTitle(template, key));
  const unrecorded = historyOf(context).unrecordedProblem(sheetTarget(sheetId));
  return {
    ...listing,
    problems: unrecorded ? [unrecorded, ...listing.problems] : listing.problems,
    intervalMinutes: template.revisionIntervalMinutes ?? DEFAULT_REVISION_INTERVAL_MINUTES,
  };
}

export async function getRevision(
  context: RepositoryContext,
  sheetId: string,
  seq: number,
): Promise<{ revision: RevisionSummary; sheet: SheetFile }> {
  const history = await historyOfVariable(context, sheetId);
  const parts = await history.partsAt(seq, await titlesOf(context));
  const revision = history.summaryOf(seq) as RevisionSummary;
  const first = history.summaryOf(1)?.at ?? revision.at;
  return { revision, sheet: sheetOfParts(sheetId, first, revision.at, parts) };
}

/** Compares revision `from` with revision `to`, or with the sheet as it is now. */
export async function compareRevisions(
  context: RepositoryContext,
  sheetId: string,
  from: number,
  to: number | undefined,
): Promise<SheetDiff> {
  const history = await historyOfVariable(context, sheetId);
  const titleOf = await titlesOf(context);
  const [before, after] = await Promise.all([
    history.partsAt(from, titleOf),
    to === undefined ? requireSheet(context, sheetId).then(partsOfSheet) : history.partsAt(to, titleOf),
  ]);
  return diffSheets(await context.template(), before, after);
}
