import { DEFAULT_REVISION_INTERVAL_MINUTES, type RevisionSummary } from '../../../shared/model/history.js';
import type { FamilyFile, SheetFile } from '../../../shared/model/sheet.js';
import { readFamilyFile } from '../families.js';
import type { RepositoryContext } from '../repository/context.js';
import { requireVariable } from '../repository/system.js';
import { requireSheet } from '../sheets/sheet-file.js';
import { existingHistoryOf, historyOf } from './service.js';
import type { HistorySubject } from './subjects.js';
import { familyTarget, targetFromKey, targetKey } from './target.js';

/**
 * When revisions are recorded without anyone asking: before the first save of a sheet
 * with no history yet (its state then), when the status changes, once a sheet has been
 * edited for the template's interval since its latest revision, when the user leaves the
 * sheet and when the repository closes. Nothing is recorded when nothing changed.
 * A family's shared note and micro-scenarios follow the same policy in their own history:
 * before their first save, after the interval of editing, when the user leaves a sheet
 * showing them, and at close. Every function here runs inside the sheet's (or family's)
 * queue, so it sees saves and restores in order.
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
 * than a clock read when no revision is due, however long the history. Never fails: the
 * sheet is written already (HistoryService.recordSaved).
 */
export async function afterSheetSave(
  context: RepositoryContext,
  before: SheetFile,
  after: SheetFile,
): Promise<void> {
  const service = historyOf(context);
  if (before.status !== after.status) {
    await service.recordSaved(after, { kind: 'status', status: after.status }, true);
    return;
  }
  await afterEdit(context, after.id, () => service.recordSaved(after, { kind: 'auto' }, false));
}

/** Records (`recordAuto`) once the first save of `key` not yet in a revision is the interval old. */
async function afterEdit(
  context: RepositoryContext,
  key: string,
  recordAuto: () => Promise<unknown>,
): Promise<void> {
  const service = historyOf(context);
  const now = service.now().getTime();
  const since = service.pending.get(key);
  if (since === undefined) {
    service.pending.set(key, now);
    return;
  }
  // The save read the template already; one gone bad since delays the revision, never fails the save.
  const interval = await intervalMs(context).catch(() => Infinity);
  if (now - since >= interval) await recordAuto();
}

/** Before a families:update save: the shared content's state when its history starts. */
export async function beforeFamilySave(context: RepositoryContext, before: FamilyFile): Promise<void> {
  const service = historyOf(context);
  if (!(await service.family(before.familyId)).isEmpty) return;
  await service.recordFamily(before, { kind: 'initial' }, false);
}

/** As afterSheetSave, for a family's shared content; never fails either. */
export async function afterFamilySave(context: RepositoryContext, after: FamilyFile): Promise<void> {
  const service = historyOf(context);
  await afterEdit(context, targetKey(familyTarget(after.familyId)), () =>
    service.recordFamilySaved(after, { kind: 'auto' }, false),
  );
}

/** A revision of the family's shared content if anything changed; null when it was never written. */
export function checkpointFamily(
  context: RepositoryContext,
  familyId: string,
  kind: 'leave' | 'close',
): Promise<RevisionSummary | null> {
  return context.queue.run(`family:${familyId}`, async () => {
    const { family, damaged } = await readFamilyFile(context, familyId);
    if (damaged) throw damaged;
    return family ? historyOf(context).recordFamily(family, { kind }, false) : null;
  });
}

/**
 * history:checkpoint: the user left the sheet. When it shows its family's micro-scenarios,
 * what they typed there is the family's, so the family's history gets its checkpoint too.
 */
export async function leaveSheet(
  context: RepositoryContext,
  sheetId: string,
): Promise<RevisionSummary | null> {
  const summary = await checkpoint(context, sheetId, 'leave');
  const sheet = await requireSheet(context, sheetId);
  if (sheet.microScenarios.useFamily) {
    const { family } = requireVariable(await context.repository(), sheetId);
    await checkpointFamily(context, family.id, 'leave');
  }
  return summary;
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

/**
 * « Enregistrer une version… », of a sheet or of its family's shared content: recorded even
 * when nothing changed, since it names the state.
 */
export function recordNamedVersion<T>(
  context: RepositoryContext,
  subject: HistorySubject<T>,
  name: string,
  comment: string | undefined,
): Promise<RevisionSummary> {
  return context.queue.run(subject.queue, async () => {
    const fields = comment ? { kind: 'named' as const, name, comment } : { kind: 'named' as const, name };
    return (await subject.record(await subject.read(), fields, true)) as RevisionSummary;
  });
}

/**
 * The repository is closing: every sheet and family edited since its latest revision gets
 * one. One that cannot be recorded (deleted meanwhile, disk full) must not stop the others
 * nor the closing, and nobody is left to tell: its saves are on disk in any case.
 */
export async function closeHistory(context: RepositoryContext): Promise<void> {
  const service = existingHistoryOf(context);
  if (!service) return;
  for (const key of [...service.pending.keys()]) {
    const target = targetFromKey(key);
    const done =
      target.kind === 'sheet'
        ? checkpoint(context, target.id, 'close')
        : checkpointFamily(context, target.id, 'close');
    await done.catch(() => undefined);
  }
}
