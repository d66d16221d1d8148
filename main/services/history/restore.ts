import type { RestoreResult } from '../../../shared/api/history-contract.js';
import type { PartKey, RevisionSummary } from '../../../shared/model/history.js';
import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';
import type { RepositoryContext } from '../repository/context.js';
import { titlesOf } from './queries.js';
import { historyOf } from './service.js';
import type { HistorySubject } from './subjects.js';

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
  seq: number,
  parts: readonly PartKey[] | undefined,
): Promise<RestoreResult> {
  const service = historyOf(context);
  const history = await service.history(subject.target);
  const titleOf = await titlesOf(context);
  return context.queue.run(subject.queue, async () => {
    const current = await subject.read();
    const wanted = parts ? [...new Set(parts)] : undefined;
    // Read (and check) what is restored before anything is written.
    const restored = await history.partsAt(seq, titleOf, wanted);
    const next = await subject.restored(current, restored, {
      history,
      seq,
      wanted,
      titleOf,
      now: service.now().toISOString(),
    });
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
      restoredFrom: seq,
      ...(wanted ? { restoredParts: wanted } : {}),
    });
    return { preRestore, restore: restore ?? null };
  });
}
