import { canonicalJson } from '../../../shared/history/canonical.js';
import { historyOf } from '../history/service.js';
import { titlesOf } from '../history/queries.js';
import type { HistorySubject } from '../history/subjects.js';
import type { RepositoryContext } from '../repository/context.js';

/**
 * The revision holding the subject (a sheet, or the family's shared micro-scenarios it
 * shows) as it is now, recorded first when the latest revision differs (unrecorded
 * edits): what a Word export names as its text, so that the reviewer's copy can be
 * compared with it later. It is named by its id, the same on every copy of a shared
 * repository whatever a sync brings (a number as listed would name another revision once
 * a colleague's older one arrives). A reading session (the command line while the
 * application has the repository open) writes no history: it names the latest revision
 * when that one holds the text as it is, and none otherwise; the review import says so.
 */
export async function revisionOfCurrent<T>(
  context: RepositoryContext,
  subject: HistorySubject<T>,
  value: T,
): Promise<string | undefined> {
  const history = await historyOf(context).history(subject.target);
  if (context.access !== 'read') {
    const recorded = await subject.record(value, { kind: 'auto' }, false);
    return recorded?.id ?? history.latest?.id;
  }
  const latest = history.latest;
  if (!latest) return undefined;
  const then = await history.partsAt(latest.id, await titlesOf(context));
  return canonicalJson(then) === canonicalJson(subject.partsOf(value)) ? latest.id : undefined;
}
