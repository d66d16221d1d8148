import type { Handlers } from '../../../shared/api/dispatch.js';
import type { historyContract } from '../../../shared/api/history-contract.js';
import type { RepositoryContext } from '../repository/context.js';
import { compareFamilyRevisions, listFamilyHistory, restoreFamilyRevision } from './family-history.js';
import { leaveSheet, recordNamedVersion } from './policy.js';
import { compareRevisions, getRevision, listHistory } from './queries.js';
import { restoreRevision } from './restore.js';
import { historyOf } from './service.js';

export type HistoryHandlers = Pick<Handlers, keyof typeof historyContract>;

/** The history and preferences operations of the contract, for one open repository. */
export function historyHandlers(context: RepositoryContext): HistoryHandlers {
  return {
    'history:list': (request) =>
      'familyId' in request
        ? listFamilyHistory(context, request.familyId)
        : listHistory(context, request.sheetId),
    'history:get': ({ sheetId, seq }) => getRevision(context, sheetId, seq),
    'history:compare': ({ from, to, ...target }) =>
      'familyId' in target
        ? compareFamilyRevisions(context, target.familyId, from, to)
        : compareRevisions(context, target.sheetId, from, to),
    'history:recordVersion': ({ sheetId, name, comment }) =>
      recordNamedVersion(context, sheetId, name, comment || undefined),
    'history:checkpoint': ({ sheetId }) => leaveSheet(context, sheetId),
    'history:restore': ({ seq, parts, ...target }) =>
      'familyId' in target
        ? restoreFamilyRevision(context, target.familyId, seq, parts)
        : restoreRevision(context, target.sheetId, seq, parts),
    'preferences:get': () => historyOf(context).preferences.author(),
    'preferences:set': ({ authorName, authorEmail }) =>
      historyOf(context).preferences.setAuthor(authorName, authorEmail),
  };
}
