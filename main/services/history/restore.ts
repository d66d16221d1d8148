import type { RestoreResult } from '../../../shared/api/history-contract.js';
import type { SheetParts } from '../../../shared/history/parts.js';
import { REVIEW_KEY, type PartKey, type RevisionSummary } from '../../../shared/model/history.js';
import type { Review } from '../../../shared/model/review.js';
import { restoredReview } from '../../../shared/review/restore.js';
import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';
import type { RepositoryContext } from '../repository/context.js';
import { titlesOf } from './queries.js';
import { historyOf } from './service.js';
import type { RevisionRef, SheetHistory } from './sheet-history.js';
import type { HistorySubject } from './subjects.js';

type TitleOf = (key: PartKey) => string;

/**
 * The review a revision had, to bring back the threads of the parts restored; undefined
 * when it had none, or when it cannot be read (the restore of the text goes on without it).
 */
async function reviewAt(history: SheetHistory, id: string, titleOf: TitleOf): Promise<Review | undefined> {
  try {
    return (await history.partsAt(id, titleOf, [REVIEW_KEY]))[REVIEW_KEY] as Review;
  } catch (error) {
    if (error instanceof AppFailure && (error.code === 'not-found' || error.code === 'damaged')) {
      return undefined;
    }
    throw error;
  }
}

/**
 * The review after a restore: no thread is taken away, and those the revision had on the
 * restored parts come back (shared/review/restore.ts).
 */
async function reviewAfterRestore(
  current: Review,
  restored: SheetParts,
  history: SheetHistory,
  id: string,
  wanted: readonly PartKey[] | undefined,
  titleOf: TitleOf,
): Promise<Review> {
  const then = wanted ? await reviewAt(history, id, titleOf) : (restored[REVIEW_KEY] as Review | undefined);
  return restoredReview(current, then, wanted);
}

/**
 * history:restore: a whole revision, or some of its parts, becomes the sheet (or the
 * family's shared content) again. Nothing is lost: the current state is recorded first
 * (pre-restore), and the restore itself is a new revision, so restoring the pre-restore
 * revision undoes it. Runs in the subject's queue: a save sent before the restore is in
 * the pre-restore revision, one sent after it applies on top of the restored state. A
 * failure before the write leaves everything as it was.
 */
export async function restoreRevision<T>(
  context: RepositoryContext,
  subject: HistorySubject<T>,
  ref: RevisionRef,
  parts: readonly PartKey[] | undefined,
): Promise<RestoreResult> {
  const service = historyOf(context);
  const history = await service.history(subject.target);
  const titleOf = await titlesOf(context);
  return context.queue.run(subject.queue, async () => {
    const current = await subject.read();
    const wanted = parts ? [...new Set(parts)] : undefined;
    // Read (and check) what is restored before anything is written. The revision is named
    // by its id from here on: a sync may renumber the list, never change an id.
    const { id, seq } = history.require(ref);
    const restored = await history.partsAt(id, titleOf, wanted);
    const review = await reviewAfterRestore(
      subject.reviewOf(current),
      restored,
      history,
      id,
      wanted,
      titleOf,
    );
    const next = subject.withParts(
      current,
      { ...restored, [REVIEW_KEY]: review },
      service.now().toISOString(),
    );
    const problem = subject.problem(next);
    if (problem) {
      throw new AppFailure(
        'damaged',
        fr`La version n°\u00a0${seq} ne peut pas être restaurée : ${problem}. ${subject.unchanged}`,
        { [subject.target.kind === 'sheet' ? 'sheetId' : 'familyId']: subject.target.id, seq },
      );
    }
    const preRestore = (await subject.record(current, { kind: 'pre-restore' }, true)) as RevisionSummary;
    await subject.write(next);
    // Restored: a failure to record that (recordSaved) is no failure of the restore.
    const restore = await subject.recordSaved(next, {
      kind: 'restore',
      restoredFrom: id,
      ...(wanted ? { restoredParts: wanted } : {}),
    });
    return { preRestore, restore: restore ?? null };
  });
}
