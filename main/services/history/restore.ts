import type { RestoreResult } from '../../../shared/api/history-contract.js';
import { withParts } from '../../../shared/history/parts.js';
import { restoredReview } from '../../../shared/review/restore.js';
import { REVIEW_KEY, type PartKey, type RevisionSummary } from '../../../shared/model/history.js';
import type { Review } from '../../../shared/model/review.js';
import { sheetFileSchema } from '../../../shared/model/sheet.js';
import { AppFailure } from '../../../shared/result.js';
import { docsProblem, scenariosProblem } from '../content-checks.js';
import { fr } from '../french.js';
import type { RepositoryContext } from '../repository/context.js';
import { requireSheet, writeSheet } from '../sheets/sheet-file.js';
import { titlesOf } from './queries.js';
import { historyOf } from './service.js';
import type { SheetHistory } from './sheet-history.js';

/**
 * The review a revision had, to bring back the threads of the parts restored; undefined
 * when it had none, or when it cannot be read (the restore of the text goes on without it).
 */
async function reviewAt(
  history: SheetHistory,
  seq: number,
  titleOf: (key: PartKey) => string,
): Promise<Review | undefined> {
  try {
    return (await history.partsAt(seq, titleOf, [REVIEW_KEY]))[REVIEW_KEY] as Review;
  } catch (error) {
    if (error instanceof AppFailure && (error.code === 'not-found' || error.code === 'damaged')) {
      return undefined;
    }
    throw error;
  }
}

/**
 * history:restore: a whole revision, or some of its parts, becomes the sheet again. Nothing
 * is lost: the current state is recorded first (pre-restore), and the restore itself is a
 * new revision, so restoring the pre-restore revision undoes it. Runs in the sheet's queue:
 * a save sent before the restore is in the pre-restore revision, one sent after it applies
 * on top of the restored sheet. A failure before the sheet is written leaves it as it was.
 * Comment threads are never taken away by a restore (shared/review/restore.ts).
 */
export function restoreRevision(
  context: RepositoryContext,
  sheetId: string,
  seq: number,
  parts: readonly PartKey[] | undefined,
): Promise<RestoreResult> {
  return context.queue.run(`sheet:${sheetId}`, async () => {
    const current = await requireSheet(context, sheetId);
    const service = historyOf(context);
    const history = await service.sheet(sheetId);
    const wanted = parts ? [...new Set(parts)] : undefined;
    // Read (and check) what is restored before anything is written.
    const titleOf = await titlesOf(context);
    const restored = await history.partsAt(seq, titleOf, wanted);
    const reviewThen = wanted ? await reviewAt(history, seq, titleOf) : restored[REVIEW_KEY];
    const next = {
      ...withParts(current, restored),
      review: restoredReview(current.review, reviewThen as Review | undefined, wanted),
      updatedAt: service.now().toISOString(),
    };
    const parsed = sheetFileSchema.safeParse(next);
    const problem = parsed.success
      ? (docsProblem(next.sections, 'sections') ??
        scenariosProblem(next.microScenarios.scenarios, 'microScenarios.scenarios'))
      : parsed.error.issues[0]?.message;
    if (problem) {
      throw new AppFailure(
        'damaged',
        fr`La version n°\u00a0${seq} ne peut pas être restaurée : ${problem}. La fiche n’a pas été modifiée.`,
        { sheetId, seq },
      );
    }
    const preRestore = (await service.record(current, { kind: 'pre-restore' }, true)) as RevisionSummary;
    await writeSheet(context, next);
    // The sheet is restored: a failure to record that (recordSaved) is no failure of the restore.
    const restore = await service.recordSaved(
      next,
      { kind: 'restore', restoredFrom: seq, ...(wanted ? { restoredParts: wanted } : {}) },
      true,
    );
    return { preRestore, restore: restore ?? null };
  });
}
