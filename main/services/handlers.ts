import type { Handlers } from '../../shared/api/dispatch.js';
import { AppFailure } from '../../shared/result.js';
import { importAsset } from './assets/import.js';
import { readAsset } from './assets/read.js';
import { renderSheet } from './export/render.js';
import { volumeHandlers } from './export/volume/jobs.js';
import { updateFamily } from './family-update.js';
import { fr } from './french.js';
import { historyHandlers } from './history/handlers.js';
import { decodeFile, importHandlers } from './import/handlers.js';
import type { RepositoryContext } from './repository/context.js';
import { overview } from './repository/overview.js';
import { importWordReview } from './review/word-review.js';
import { updateSheet } from './sheets/update.js';
import { createSheet, getSheet } from './sheets/view.js';
import { syncHandlers } from './sync/handlers.js';
import { deleteSheet, listTrash, restoreSheet } from './trash.js';
import { addVariable } from './variables.js';

/** Every operation of the contract that concerns an open repository; the hosts add the others. */
export type ServiceHandlers = Omit<
  Handlers,
  'app:info' | 'repository:choose' | 'export:save' | 'volume:save' | 'sync:join' | 'sync:joinProgress'
>;

/** The operations that only read: all a reading session offers (session.ts). */
export const readOperations = [
  'repository:overview',
  'template:get',
  'sheets:get',
  'trash:list',
  'history:list',
  'history:get',
  'history:compare',
  'assets:read',
  'export:render',
  'import:analyse',
  'volume:start',
  'volume:progress',
  'volume:cancel',
  'volume:result',
  'preferences:get',
] as const satisfies readonly (keyof ServiceHandlers)[];
/**
 * Operations that write unless asked not to: a reading session offers them only in that
 * form (an import tried with `dryRun`, a review listed with `apply: 'none'`).
 */
type ReadOnlyForms = 'import:apply' | 'review:import';
export type ReadHandlers = Pick<ServiceHandlers, (typeof readOperations)[number] | ReadOnlyForms>;

export function repositoryHandlers(context: RepositoryContext): ServiceHandlers {
  return {
    'repository:overview': () => overview(context),
    'template:get': () => context.template(),
    'variables:add': ({ familyId, name }) => addVariable(context, familyId, name),
    'sheets:get': ({ id }) => getSheet(context, id),
    'sheets:create': ({ variableId }) => createSheet(context, variableId),
    'sheets:update': ({ id, patch }) => updateSheet(context, id, patch),
    'sheets:delete': ({ id }) => deleteSheet(context, id),
    'trash:list': () => listTrash(context),
    'trash:restore': ({ trashId }) => restoreSheet(context, trashId),
    'families:update': ({ familyId, patch }) => updateFamily(context, familyId, patch),
    'assets:import': (request) => importAsset(context, request),
    'assets:read': ({ assetId }) => readAsset(context, assetId),
    'export:render': async (request) => {
      const { bytes, ...rendered } = await renderSheet(context, request);
      return { ...rendered, base64: bytes.toString('base64') };
    },
    ...historyHandlers(context),
    ...importHandlers(context),
    ...syncHandlers(context),
    ...volumeHandlers(context),
    'review:import': ({ sheetId, name, base64, apply }) =>
      importWordReview(context, { sheetId, name, bytes: decodeFile(name, base64), apply }),
  };
}

/** What a reading session refuses: the form of an operation that would write. */
function writeRefused(what: string): never {
  throw new AppFailure(
    'read-only',
    fr`Ce dépôt est ouvert en lecture seule : ${what} demande de l’ouvrir pour y écrire.`,
  );
}

/** The read operations of a repository open for reading (its context says so: nothing is written). */
export function readingHandlers(context: RepositoryContext): ReadHandlers {
  const all = repositoryHandlers(context);
  const read = Object.fromEntries(readOperations.map((name) => [name, all[name]])) as Pick<
    ServiceHandlers,
    (typeof readOperations)[number]
  >;
  return {
    ...read,
    'import:apply': async (request) =>
      request.dryRun === true ? all['import:apply'](request) : writeRefused('importer une fiche'),
    'review:import': async (request) =>
      request.apply === 'none' ? all['review:import'](request) : writeRefused('attacher une relecture'),
  };
}
