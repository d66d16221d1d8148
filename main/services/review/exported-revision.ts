import type { SheetFile } from '../../../shared/model/sheet.js';
import { historyOf } from '../history/service.js';
import type { RepositoryContext } from '../repository/context.js';

/**
 * The revision holding the sheet as it is now, recorded first when the latest revision
 * differs (unrecorded edits): what a Word export for review names as its text, so that the
 * reviewer's copy can be compared with it later. It is named by its id, the same on every
 * copy of a shared repository whatever a sync brings (a number as listed would name
 * another revision once a colleague's older one arrives). A reading session writes no
 * history: it names no revision then, and the review import says so.
 */
export async function revisionOfCurrent(
  context: RepositoryContext,
  sheet: SheetFile,
): Promise<string | undefined> {
  if (context.access === 'read') return undefined;
  const service = historyOf(context);
  const recorded = await service.record(sheet, { kind: 'auto' }, false);
  return recorded?.id ?? (await service.sheet(sheet.id)).latest?.id;
}
