import { DEFAULT_REVISION_INTERVAL_MINUTES, type RevisionSummary } from '../../../shared/model/history.js';
import type { SheetFile } from '../../../shared/model/sheet.js';
import type { RepositoryContext } from '../repository/context.js';
import { requireSheet } from '../sheets/sheet-file.js';
import { existingHistoryOf, historyOf } from './service.js';

/**
 * When revisions are recorded without anyone asking: before the first save of a sheet
 * with no history yet (its state then), when the status changes, once a sheet has been
 * edited for the template's interval since its latest revision, when the user leaves the
 * sheet and when the repository closes. Nothing is recorded when nothing changed.
 * Every function here runs inside the sheet's queue, so it sees saves and restores in order.
 */

async function intervalMs(context: RepositoryContext): Promise<number> {
  const minutes = (await context.template()).revisionIntervalMinutes ?? DEFAULT_REVISION_INTERVAL_MINUTES;
  return minutes * 60_000;
}

/** Before a save: a sheet that has no history yet gets its current state recorded first. */
export async function beforeSheetSave(context: RepositoryContext, before: SheetFile): Promise<void> {
  const service = historyOf(context);
  if (!(await service.sheet(before.id)).isEmpty) return;
  await service.record(before, { kind: 'initial', at: before.updatedAt }, false);
}

/**
 * After a save: a status change is recorded at once; otherwise a revision is taken when
 * the first save not yet in a revision is at least the interval old. Costs nothing more
 * than a clock read when no revision is due, however long the history.
 */
export async function afterSheetSave(
  context: RepositoryContext,
  before: SheetFile,
  after: SheetFile,
): Promise<void> {
  const service = historyOf(context);
  if (before.status !== after.status) {
    await service.record(after, { kind: 'status', status: after.status }, true);
    return;
  }
  const now = service.now().getTime();
  const since = service.pending.get(after.id);
  if (since === undefined) {
    service.pending.set(after.id, now);
    return;
  }
  if (now - since >= (await intervalMs(context))) await service.record(after, { kind: 'auto' }, false);
}

/** The user left the sheet, or the repository is closing: a revision if anything changed. */
export function checkpoint(
  context: RepositoryContext,
  sheetId: string,
  kind: 'leave' | 'close',
): Promise<RevisionSummary | null> {
  return context.queue.run(`sheet:${sheetId}`, async () =>
    historyOf(context).record(await requireSheet(context, sheetId), { kind }, false),
  );
}

/** « Enregistrer une version… »: recorded even when nothing changed, since it names the state. */
export function recordNamedVersion(
  context: RepositoryContext,
  sheetId: string,
  name: string,
  comment: string | undefined,
): Promise<RevisionSummary> {
  return context.queue.run(`sheet:${sheetId}`, async () => {
    const sheet = await requireSheet(context, sheetId);
    const fields = comment ? { kind: 'named' as const, name, comment } : { kind: 'named' as const, name };
    return (await historyOf(context).record(sheet, fields, true)) as RevisionSummary;
  });
}

/**
 * The repository is closing: every sheet edited since its latest revision gets one. A
 * sheet that cannot be recorded (deleted meanwhile, disk full) must not stop the others
 * nor the closing, and nobody is left to tell: its saves are on disk in any case.
 */
export async function closeHistory(context: RepositoryContext): Promise<void> {
  const service = existingHistoryOf(context);
  if (!service) return;
  for (const sheetId of [...service.pending.keys()]) {
    await checkpoint(context, sheetId, 'close').catch(() => undefined);
  }
}
