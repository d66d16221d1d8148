import type { HistoryListing } from '../../../shared/api/history-contract.js';
import { diffSheets } from '../../../shared/history/diff.js';
import type { SheetDiff } from '../../../shared/history/diff-schema.js';
import { partTitle } from '../../../shared/history/titles.js';
import {
  DEFAULT_REVISION_INTERVAL_MINUTES,
  type PartKey,
  type RevisionSummary,
} from '../../../shared/model/history.js';
import type { RepositoryContext } from '../repository/context.js';
import { historyOf } from './service.js';
import type { RevisionRef } from './sheet-history.js';
import type { HistorySubject } from './subjects.js';

/** history:list, history:get and history:compare: reading a history, never writing it. */

export async function titlesOf(context: RepositoryContext): Promise<(key: PartKey) => string> {
  const template = await context.template();
  return (key) => partTitle(template, key);
}

export async function listHistory(
  context: RepositoryContext,
  subject: HistorySubject,
): Promise<HistoryListing> {
  const history = await historyOf(context).history(subject.target);
  const template = await context.template();
  const listing = await history.list((key) => partTitle(template, key));
  const unrecorded = historyOf(context).unrecordedProblem(subject.target);
  return {
    ...listing,
    problems: unrecorded ? [unrecorded, ...listing.problems] : listing.problems,
    intervalMinutes: template.revisionIntervalMinutes ?? DEFAULT_REVISION_INTERVAL_MINUTES,
  };
}

/** Revision `ref` (its id, or its number as listed now) of the subject, whole, as it was then (history:get opens it read-only). */
export async function revisionOf<T>(
  context: RepositoryContext,
  subject: HistorySubject<T>,
  ref: RevisionRef,
): Promise<{ revision: RevisionSummary; value: T }> {
  const history = await historyOf(context).history(subject.target);
  const parts = await history.partsAt(ref, await titlesOf(context));
  const revision = history.require(ref);
  const first = history.first()?.at ?? revision.at;
  return { revision, value: subject.ofParts(parts, first, revision.at) };
}

/** Compares revision `from` with revision `to`, or with the subject as it is now. */
export async function compareRevisions<T>(
  context: RepositoryContext,
  subject: HistorySubject<T>,
  from: RevisionRef,
  to: RevisionRef | undefined,
): Promise<SheetDiff> {
  const history = await historyOf(context).history(subject.target);
  const titleOf = await titlesOf(context);
  const [before, after] = await Promise.all([
    history.partsAt(from, titleOf),
    to === undefined ? subject.read().then((value) => subject.partsOf(value)) : history.partsAt(to, titleOf),
  ]);
  return diffSheets(await context.template(), before, after);
}
