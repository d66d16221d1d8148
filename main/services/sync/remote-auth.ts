import git from 'isomorphic-git';
import type { CredentialStore } from './credentials.js';
import { missingCredentials, refusedCredentials, remoteFailure } from './errors.js';

/** How the repository's git speaks with its remote about credentials and refusals (repo.ts). */

/**
 * onAuth and onAuthFailure for one remote: credentials from the store, and a refusal
 * (401 with them) forgets them, so the interface asks again instead of retrying them.
 */
export function authCallbacks(remote: string, store: CredentialStore) {
  const state = { offered: false };
  return {
    state,
    onAuth: async () => {
      const credentials = await store.get(remote);
      if (!credentials) return { cancel: true };
      state.offered = true;
      return { username: credentials.username, password: credentials.password };
    },
    onAuthFailure: async () => {
      await store.delete(remote);
      return { cancel: true };
    },
  };
}

/**
 * The remote refused to move the branch for a reason that passes: a colleague's push got
 * there first (the remote's own fast-forward check), or is still being written and holds
 * the branch's lock (git's receive-pack then answers « failed to update ref »). Fetch, merge
 * and push again.
 */
export function refusedForNow(error: unknown, branch: string): boolean {
  if (error instanceof git.Errors.PushRejectedError) return true;
  if (!(error instanceof git.Errors.GitPushError)) return false;
  const refused = error.data.result.refs[`refs/heads/${branch}`]?.error ?? '';
  return /fetch first|non-fast-forward|rejected|failed to (update|lock) ref/i.test(refused);
}

/** A 401 or a cancelled prompt: missing credentials if none were offered, refused ones otherwise. */
export function authAware(error: unknown, remote: string, offered: boolean): unknown {
  const host = new URL(remote).host;
  if (error instanceof git.Errors.UserCanceledError)
    return offered ? refusedCredentials(host) : missingCredentials(host);
  if (error instanceof git.Errors.HttpError && error.data.statusCode === 401) {
    return offered ? refusedCredentials(host) : missingCredentials(host);
  }
  return remoteFailure(error, remote);
}
