import type { Handlers } from '../../../shared/api/dispatch.js';
import type { syncContract } from '../../../shared/api/sync-contract.js';
import type { RepositoryContext } from '../repository/context.js';
import { resolveConflict } from './resolve.js';
import { syncOf } from './service.js';

/** The sync operations of one open repository; `sync:join`, which opens another, is the hosts'. */
export type SyncHandlers = Pick<
  Handlers,
  Exclude<keyof typeof syncContract, 'sync:join' | 'sync:joinProgress'>
>;

export function syncHandlers(context: RepositoryContext): SyncHandlers {
  const sync = () => syncOf(context);
  return {
    'sync:status': () => sync().status(),
    'sync:run': () => sync().sync(),
    'sync:share': ({ remote, username, password }) =>
      sync().share(remote, username && password ? { username, password } : undefined),
    'sync:credentials': async (credentials) => {
      await sync().setCredentials(credentials);
      return {};
    },
    'sync:settings': (settings) => sync().setSettings(settings),
    'conflicts:resolve': ({ conflictId, choice, value, ...target }) =>
      resolveConflict(context, target, conflictId, choice, value),
  };
}
