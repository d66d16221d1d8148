import type { Handlers } from '../../../shared/api/dispatch.js';
import type { historyContract } from '../../../shared/api/history-contract.js';
import type { RepositoryContext } from '../repository/context.js';
import { checkpoint, recordNamedVersion } from './policy.js';
import { compareRevisions, getRevision, listHistory } from './queries.js';
import { restoreRevision } from './restore.js';
import { historyOf } from './service.js';

export type HistoryHandlers = Pick<Handlers, keyof typeof historyContract>;

/** The history and preferences operations of the contract, for one open repository. */
export function historyHandlers(context: RepositoryContext): HistoryHandlers {
  return {
    'history:list': ({ sheetId }) => listHistory(context, sheetId),
    'history:get': ({ sheetId, seq }) => getRevision(context, sheetId, seq),
    'history:compare': ({ sheetId, from, to }) => compareRevisions(context, sheetId, from, to),
    'history:recordVersion': ({ sheetId, name, comment }) =>
      recordNamedVersion(context, sheetId, name, comment || undefined),
    'history:checkpoint': ({ sheetId }) => checkpoint(context, sheetId, 'leave'),
    'history:restore': ({ sheetId, seq, parts }) => restoreRevision(context, sheetId, seq, parts),
    'preferences:get': () => historyOf(context).preferences.author(),
    'preferences:set': ({ authorName }) => historyOf(context).preferences.setAuthor(authorName),
  };
}
