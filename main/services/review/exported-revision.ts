import type { RevisionSummary } from '../../../shared/model/history.js';
import { REVISION_ID_PATTERN } from '../../../shared/model/history.js';
import type { SheetFile } from '../../../shared/model/sheet.js';
import { historyOf } from '../history/service.js';
import type { RevisionLineage } from '../history/sheet-history.js';
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

export type NamedRevision =
  | { kind: 'found'; revision: RevisionSummary }
  | { kind: 'unknown' }
  /** A number that another revision may have taken since the export: which one is meant cannot be told. */
  | { kind: 'ambiguous'; seq: number };

/**
 * The revision a reviewer's copy names (its FichesRevision property): an id; or, in a file
 * exported before ids were written, a number as listed then. A number is taken only when it
 * names a revision written before the repository was shared: those keep their numbers for
 * ever, on every copy. Any later number may have moved since the export.
 */
export function namedRevision(lineage: readonly RevisionLineage[], value: string): NamedRevision {
  if (REVISION_ID_PATTERN.test(value)) {
    const found = lineage.find(({ summary }) => summary.id === value);
    return found ? { kind: 'found', revision: found.summary } : { kind: 'unknown' };
  }
  if (!/^[1-9][0-9]{0,15}$/.test(value)) return { kind: 'unknown' };
  const seq = Number(value);
  const listed = lineage.find(({ summary }) => summary.seq === seq);
  if (!listed) return { kind: 'unknown' };
  return listed.writer === null ? { kind: 'found', revision: listed.summary } : { kind: 'ambiguous', seq };
}
