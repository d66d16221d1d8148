import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { OpRequest } from '../../shared/api/contract.js';
import type { CredentialStore } from '../services/sync/credentials.js';
import type { ProgressEvent } from '../services/sync/repo.js';
import { joinRepository } from '../services/sync/join.js';
import { checkedRemoteUrl, suggestedFolderName } from '../services/sync/remote-url.js';
import type { CurrentRepository } from './current-repository.js';

/**
 * `sync:join`, as both hosts answer it: the remote is cloned into a new folder, then opened
 * in place of the current repository (which stays as it was, closed). Without a folder,
 * the new one goes beside the open repository, named after the remote (« depot-partage »,
 * then « depot-partage-2 »… if taken): the browser host has no folder dialog, and the
 * desktop offers this one as the default of its own.
 */
async function freeFolder(parent: string, name: string): Promise<string> {
  for (let index = 1; ; index += 1) {
    const candidate = path.join(parent, index === 1 ? name : `${name}-${index}`);
    try {
      await stat(candidate);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return candidate;
      throw error;
    }
  }
}

/** The join under way in this host, as isomorphic-git reports it (one at a time). */
let progress: ProgressEvent | null = null;

export function joinProgress(): { phase: string; loaded: number; total?: number } | null {
  if (!progress) return null;
  const { phase, loaded, total } = progress;
  return total ? { phase, loaded, total } : { phase, loaded };
}

export async function joinAndOpen(
  current: CurrentRepository,
  request: OpRequest<'sync:join'>,
  credentials: CredentialStore,
): Promise<{ path: string }> {
  const remote = checkedRemoteUrl(request.remote);
  if (request.username && request.password) {
    await credentials.set(remote, { username: request.username, password: request.password });
  }
  const folder = request.folder
    ? path.resolve(request.folder)
    : await freeFolder(path.dirname(current.path), suggestedFolderName(remote));
  progress = { phase: 'Connexion', loaded: 0 };
  try {
    const joined = await joinRepository({
      remote,
      folder,
      credentials,
      onProgress: (event) => (progress = event),
    });
    await current.switchTo(joined);
    return { path: joined };
  } finally {
    progress = null;
  }
}
