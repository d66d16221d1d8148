import type { HistoryListing, RestoreResult } from '../../../shared/api/history-contract.js';
import { diffSheets } from '../../../shared/history/diff.js';
import type { SheetDiff } from '../../../shared/history/diff-schema.js';
import { partsOfFamily, withFamilyParts } from '../../../shared/history/parts.js';
import { partTitle } from '../../../shared/history/titles.js';
import {
  DEFAULT_REVISION_INTERVAL_MINUTES,
  type PartKey,
  type RevisionSummary,
} from '../../../shared/model/history.js';
import { familyFileSchema, type FamilyFile } from '../../../shared/model/sheet.js';
import { AppFailure } from '../../../shared/result.js';
import { docsProblem, scenariosProblem } from '../content-checks.js';
import { emptyFamilyFile, readFamilyFile } from '../families.js';
import { fr } from '../french.js';
import type { RepositoryContext } from '../repository/context.js';
import { requireFamily } from '../repository/system.js';
import { saveJson } from '../storage/json-store.js';
import { titlesOf } from './queries.js';
import { historyOf } from './service.js';
import { familyTarget } from './target.js';

/**
 * history:list, history:compare and history:restore for a family's shared note and
 * micro-scenarios: the sheets' engine (SheetHistory) on the family's parts, in the family's
 * queue, so a save of the family and a restore never interleave.
 */

async function familyHistory(context: RepositoryContext, familyId: string) {
  requireFamily(await context.repository(), familyId);
  return historyOf(context).family(familyId);
}

/** The family's content now; a damaged file is an error, never an empty state to compare with. */
async function currentFamily(context: RepositoryContext, familyId: string): Promise<FamilyFile> {
  const { family, damaged } = await readFamilyFile(context, familyId);
  if (damaged) throw damaged;
  return family ?? emptyFamilyFile(familyId);
}

export async function listFamilyHistory(
  context: RepositoryContext,
  familyId: string,
): Promise<HistoryListing> {
  const history = await familyHistory(context, familyId);
  const template = await context.template();
  const listing = await history.list((key) => partTitle(template, key));
  const unrecorded = historyOf(context).unrecordedProblem(familyTarget(familyId));
  return {
    ...listing,
    problems: unrecorded ? [unrecorded, ...listing.problems] : listing.problems,
    intervalMinutes: template.revisionIntervalMinutes ?? DEFAULT_REVISION_INTERVAL_MINUTES,
  };
}

/** Compares revision `from` with revision `to`, or with the family's content as it is now. */
export async function compareFamilyRevisions(
  context: RepositoryContext,
  familyId: string,
  from: number,
  to: number | undefined,
): Promise<SheetDiff> {
  const history = await familyHistory(context, familyId);
  const titleOf = await titlesOf(context);
  const [before, after] = await Promise.all([
    history.partsAt(from, titleOf),
    to === undefined ? currentFamily(context, familyId).then(partsOfFamily) : history.partsAt(to, titleOf),
  ]);
  return diffSheets(await context.template(), before, after);
}

/** As a sheet's restore (restore.ts): the current state first, the restore as a new revision. */
export async function restoreFamilyRevision(
  context: RepositoryContext,
  familyId: string,
  seq: number,
  parts: readonly PartKey[] | undefined,
): Promise<RestoreResult> {
  const history = await familyHistory(context, familyId);
  const titleOf = await titlesOf(context);
  return context.queue.run(`family:${familyId}`, async () => {
    const current = await currentFamily(context, familyId);
    const wanted = parts ? [...new Set(parts)] : undefined;
    const restored = await history.partsAt(seq, titleOf, wanted);
    const next = withFamilyParts(current, restored);
    const parsed = familyFileSchema.safeParse(next);
    const problem = parsed.success
      ? (docsProblem({ note: next.note }) ?? scenariosProblem(next.scenarios, 'scenarios'))
      : parsed.error.issues[0]?.message;
    if (problem) {
      throw new AppFailure(
        'damaged',
        fr`La version n°\u00a0${seq} ne peut pas être restaurée : ${problem}. Les micro-scénarios partagés n’ont pas été modifiés.`,
        { familyId, seq },
      );
    }
    const service = historyOf(context);
    const preRestore = (await service.recordFamily(
      current,
      { kind: 'pre-restore' },
      true,
    )) as RevisionSummary;
    const path = context.layout.familyFile(familyId);
    await saveJson(path, context.layout.display(path), next);
    const restore = await service.recordFamilySaved(
      next,
      { kind: 'restore', restoredFrom: seq, ...(wanted ? { restoredParts: wanted } : {}) },
      true,
    );
    return { preRestore, restore: restore ?? null };
  });
}
