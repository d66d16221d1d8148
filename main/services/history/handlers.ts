import type { Handlers } from '../../../shared/api/dispatch.js';
import type { historyContract } from '../../../shared/api/history-contract.js';
import type { RepositoryContext } from '../repository/context.js';
import { leaveSheet, recordNamedVersion } from './policy.js';
import { compareRevisions, listHistory, revisionOf } from './queries.js';
import { restoreRevision } from './restore.js';
import { historyOf } from './service.js';
import { familySubject, sheetSubject, type HistorySubject } from './subjects.js';

export type HistoryHandlers = Pick<Handlers, keyof typeof historyContract>;

/** The history and preferences operations of the contract, for one open repository. */
export function historyHandlers(context: RepositoryContext): HistoryHandlers {
  // A sheet's history or a family's: listed, read, compared, named and restored by the same code.
  const subjectOf = (target: { sheetId: string } | { familyId: string }): Promise<HistorySubject> =>
    'familyId' in target ? familySubject(context, target.familyId) : sheetSubject(context, target.sheetId);
  return {
    'history:list': async (request) => listHistory(context, await subjectOf(request)),
    'history:get': async ({ seq, ...target }) => {
      if ('familyId' in target) {
        const { revision, value } = await revisionOf(
          context,
          await familySubject(context, target.familyId),
          seq,
        );
        return { revision, family: value };
      }
      const { revision, value } = await revisionOf(context, await sheetSubject(context, target.sheetId), seq);
      return { revision, sheet: value };
    },
    'history:compare': async ({ from, to, ...target }) =>
      compareRevisions(context, await subjectOf(target), from, to),
    'history:recordVersion': async ({ name, comment, ...target }) =>
      recordNamedVersion(context, await subjectOf(target), name, comment || undefined),
    'history:checkpoint': ({ sheetId }) => leaveSheet(context, sheetId),
    'history:restore': async ({ seq, parts, ...target }) =>
      restoreRevision(context, await subjectOf(target), seq, parts),
    'preferences:get': () => historyOf(context).preferences.author(),
    'preferences:set': ({ authorName, authorEmail }) =>
      historyOf(context).preferences.setAuthor(authorName, authorEmail),
  };
}
