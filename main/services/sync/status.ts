import { overview } from '../repository/overview.js';
import type { SyncSettings } from '../repository/local-state.js';
import { changedBetween } from './apply.js';
import { SHEET_PATH } from './file-merge.js';
import type { SyncService } from './service.js';
import { plural } from '../../../shared/plural.js';

/**
 * What the « Synchroniser » button shows, always: « À jour », « 3 fiches modifiées à
 * envoyer », « Hors ligne : vos modifications restent sur cet ordinateur », « Conflit à
 * résoudre dans 1 fiche ». Computed from the working tree, the last commit and where the
 * remote was last seen (no network), so it is cheap enough to ask every few seconds.
 */
export type SyncState =
  'not-shared' | 'syncing' | 'conflict' | 'unauthorized' | 'offline' | 'error' | 'to-send' | 'up-to-date';

export interface SyncStatus {
  shared: boolean;
  remote?: string;
  state: SyncState;
  /** The button's label, in French. */
  label: string;
  /** Sheets changed here and not yet on the remote. */
  toSend: number;
  /** Sheets with a conflict to resolve. */
  conflicts: number;
  /** Bumped when a sync changed files here. */
  generation: number;
  /** How the last sync ended: its failure's message, or what it has to say (a sheet brought back…). */
  lastSync?: { at: string; ok: boolean; message?: string; notes?: string[] };
  settings: SyncSettings;
  /** First start: this repository was just made from the sample, and is not shared. */
  firstStart: boolean;
}

export async function computeStatus(service: SyncService, settings: SyncSettings): Promise<SyncStatus> {
  const remote = await service.remote();
  const last = service.last;
  const lastSync = last
    ? {
        at: last.at,
        ok: last.ok,
        ...(last.error ? { message: last.error.message } : {}),
        ...(last.report?.notes.length ? { notes: last.report.notes } : {}),
      }
    : undefined;
  const base = {
    generation: service.generation,
    settings,
    firstStart: false,
    ...(lastSync ? { lastSync } : {}),
  };
  if (!remote) {
    return {
      ...base,
      firstStart: service.newSample,
      shared: false,
      state: 'not-shared',
      label: 'Dépôt non partagé',
      toSend: 0,
      conflicts: 0,
    };
  }
  const { repo } = service;
  const head = await repo.head();
  const changed = new Set([
    ...(await repo.changedPaths()),
    ...changedBetween(await repo.files(await repo.remoteHead()), await repo.files(head)),
  ]);
  const toSend = [...changed].filter((path) => SHEET_PATH.test(path)).length;
  const summary = await overview(service.context);
  const conflicts = summary.families
    .flatMap((family) => family.variables)
    .filter((v) => (v.sheet?.conflicts ?? 0) > 0).length;
  const common = { ...base, shared: true, remote, toSend, conflicts };
  if (service.isRunning) return { ...common, state: 'syncing', label: 'Synchronisation…' };
  if (conflicts > 0) {
    return { ...common, state: 'conflict', label: `Conflit à résoudre dans ${plural(conflicts, 'fiche')}` };
  }
  if (last && !last.ok && last.error?.code === 'offline') {
    return {
      ...common,
      state: 'offline',
      label: 'Hors ligne\u00a0: vos modifications restent sur cet ordinateur',
    };
  }
  if (last && !last.ok && last.error?.code === 'unauthorized') {
    return { ...common, state: 'unauthorized', label: 'Identifiants à donner pour synchroniser' };
  }
  if (last && !last.ok) return { ...common, state: 'error', label: 'Synchronisation impossible' };
  if (toSend > 0) {
    return {
      ...common,
      state: 'to-send',
      label: `${plural(toSend, 'fiche')} ${toSend > 1 ? 'modifiées' : 'modifiée'} à envoyer`,
    };
  }
  if (changed.size > 0) return { ...common, state: 'to-send', label: 'Modifications à envoyer' };
  return { ...common, state: 'up-to-date', label: 'À jour' };
}
