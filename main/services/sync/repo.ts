import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import git, { TREE, type StatusRow, type WalkerEntry } from 'isomorphic-git';
import { GIT_DIR } from '../repository/layout.js';
import type { CredentialStore } from './credentials.js';
import { relationOf, type Relation } from './ancestry.js';
import { compactObjects } from './compact.js';
import { durableGitFs } from './git-fs.js';
import { gitHttpClient } from './http-client.js';
import { authAware, authCallbacks, refusedForNow } from './remote-auth.js';

/**
 * The git side of a shared repository, on isomorphic-git (pure JavaScript: no system git
 * on staff machines). One branch, `main`, one remote, `origin`. This module only speaks
 * git; what the files mean is the merge's business (tree-merge.ts, file-merge.ts).
 */
export const BRANCH = 'main';
export const REMOTE = 'origin';
const REMOTE_BRANCH = `refs/remotes/${REMOTE}/${BRANCH}`;
/** Commits whose files are kept in memory (GitRepository.files). */
const TREES_KEPT = 6;

export interface FileEntry {
  oid: string;
  mode: string;
}

/** Every file of a tree, by path (forward slashes). */
export type TreeFiles = Map<string, FileEntry>;

export interface Author {
  name: string;
  email: string;
}

export interface ProgressEvent {
  phase: string;
  loaded: number;
  total?: number;
}

export async function isGitRepository(dir: string): Promise<boolean> {
  try {
    return (await stat(join(dir, GIT_DIR))).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

export class GitRepository {
  /** isomorphic-git's cache of parsed packs, kept until the objects are packed anew. */
  private cache = {};
  private readonly http = gitHttpClient();
  /**
   * The files of the last commits read (a commit never changes): one sync reads the same
   * few trees several times (the last commit, the colleague's, their base), and the sync
   * state, polled every few seconds, two of them.
   */
  private readonly trees = new Map<string, TreeFiles>();

  constructor(readonly dir: string) {}

  private get base() {
    return { fs: durableGitFs, dir: this.dir, cache: this.cache };
  }

  /**
   * Packs the loose objects as deltas once enough have gathered (compact.ts); never fails a
   * sync: objects left loose are still read, and the next sync tries again.
   */
  async compact(): Promise<void> {
    const packed = await compactObjects(this.dir).catch(() => 0);
    if (packed > 0) this.cache = {};
  }

  async init(): Promise<void> {
    await git.init({ fs: durableGitFs, dir: this.dir, defaultBranch: BRANCH });
  }

  async remoteUrl(): Promise<string | undefined> {
    const url: unknown = await git.getConfig({
      fs: durableGitFs,
      dir: this.dir,
      path: `remote.${REMOTE}.url`,
    });
    return typeof url === 'string' ? url : undefined;
  }

  async setRemote(url: string): Promise<void> {
    await git.addRemote({ fs: durableGitFs, dir: this.dir, remote: REMOTE, url, force: true });
  }

  /** The commit the branch points at; undefined before the first commit. */
  async head(): Promise<string | undefined> {
    return this.resolve(`refs/heads/${BRANCH}`);
  }

  /** Where the remote's branch was at the last fetch or push; undefined when never seen. */
  async remoteHead(): Promise<string | undefined> {
    return this.resolve(REMOTE_BRANCH);
  }

  private async resolve(ref: string): Promise<string | undefined> {
    try {
      return await git.resolveRef({ fs: durableGitFs, dir: this.dir, ref });
    } catch (error) {
      if (error instanceof git.Errors.NotFoundError) return undefined;
      throw error;
    }
  }

  /** How each file of the working tree, the index and the last commit compare (isomorphic-git's status matrix). */
  workingTreeStatus(): Promise<StatusRow[]> {
    return git.statusMatrix(this.base);
  }

  /** Paths whose working copy differs from the last commit (added, modified or deleted). */
  async changedPaths(status?: StatusRow[]): Promise<string[]> {
    const rows = status ?? (await this.workingTreeStatus());
    return rows.filter(([, head, workdir]) => !(head === 1 && workdir === 1)).map(([path]) => path);
  }

  /**
   * Commits the working tree as it is (ignored files aside). Answers the new commit, or
   * undefined when nothing changed and no merge is being recorded (`parents` given).
   */
  async commitWorkingTree(
    message: string,
    author: Author,
    parents?: string[],
    /** Called once the changes are staged, before the commit is written (tests stop there). */
    onStaged?: () => Promise<void> | void,
    /**
     * The status just read by the caller, not read again (a whole pass over the working
     * tree): a file saved since then is left for the next commit, as one saved after this.
     */
    status?: StatusRow[],
  ): Promise<string | undefined> {
    const rows = status ?? (await this.workingTreeStatus());
    const added: string[] = [];
    const removed: string[] = [];
    let changed = false;
    for (const [filepath, head, workdir, stage] of rows) {
      if (workdir === 0 && head === 1) {
        removed.push(filepath);
        changed = true;
      } else if (workdir === 2 || (workdir === 1 && stage !== 1 && head === 1)) {
        added.push(filepath);
        changed = true;
      } else if (head === 0 && stage !== 0 && workdir === 0) {
        removed.push(filepath);
      }
    }
    // All at once: each call writes the whole index (durably), once per call, not per path.
    if (removed.length > 0) await git.remove({ ...this.base, filepath: removed });
    if (added.length > 0) await git.add({ ...this.base, filepath: added });
    if (!changed && !parents) return undefined;
    await onStaged?.();
    const now = Math.floor(Date.now() / 1000);
    const who = { ...author, timestamp: now, timezoneOffset: new Date().getTimezoneOffset() };
    return git.commit({
      ...this.base,
      message,
      author: who,
      committer: who,
      ...(parents ? { parent: parents } : {}),
    });
  }

  /**
   * Fetches the remote's branch; answers its commit, undefined when the remote is empty.
   * A remote whose branch is a commit this copy has (it pushed it) is not fetched from:
   * isomorphic-git would ask for it anyway and receive the whole history again.
   *
   * What this copy says it has is where the remote was last seen (refs/remotes/origin/main,
   * a commit the remote holds), not the local branch: isomorphic-git names the commit of the
   * ref it fetches into as its only « have », and the local branch, holding commits not sent
   * yet, is one the remote does not know, so it would send the whole history, a thousand
   * commits, at every sync that merges.
   */
  async fetch(
    remote: string,
    store: CredentialStore,
    onProgress?: (event: ProgressEvent) => void,
  ): Promise<string | undefined> {
    const auth = authCallbacks(remote, store);
    try {
      const listed = await git.listServerRefs({
        http: this.http,
        url: remote,
        prefix: `refs/heads/${BRANCH}`,
        onAuth: auth.onAuth,
        onAuthFailure: auth.onAuthFailure,
      });
      const theirs = listed.find((ref) => ref.ref === `refs/heads/${BRANCH}`)?.oid;
      if (theirs === undefined) return undefined;
      if (await this.hasCommit(theirs)) {
        await this.noteRemoteAt(theirs);
        return theirs;
      }
      const result = await git.fetch({
        ...this.base,
        http: this.http,
        remote: REMOTE,
        ref: REMOTE_BRANCH,
        remoteRef: BRANCH,
        singleBranch: true,
        tags: false,
        onAuth: auth.onAuth,
        onAuthFailure: auth.onAuthFailure,
        ...(onProgress ? { onProgress } : {}),
      });
      return result.fetchHead ?? (await this.remoteHead());
    } catch (error) {
      throw authAware(error, remote, auth.state.offered);
    }
  }

  /**
   * Pushes the branch. Answers false when the remote refused it because it moved on (a
   * colleague pushed first): fetch, merge and push again.
   */
  async push(
    remote: string,
    store: CredentialStore,
    onProgress?: (event: ProgressEvent) => void,
  ): Promise<boolean> {
    const auth = authCallbacks(remote, store);
    try {
      const result = await git.push({
        ...this.base,
        http: this.http,
        remote: REMOTE,
        ref: BRANCH,
        onAuth: auth.onAuth,
        onAuthFailure: auth.onAuthFailure,
        ...(onProgress ? { onProgress } : {}),
      });
      // isomorphic-git answers only a push every ref of which was taken; it throws otherwise.
      if (!result.ok) throw new Error(result.error ?? 'push refused');
      // Where the remote is now, so the next fetch tells it what this copy already has.
      const head = await this.head();
      if (head) await this.noteRemoteAt(head);
      return true;
    } catch (error) {
      if (refusedForNow(error, BRANCH)) return false;
      throw authAware(error, remote, auth.state.offered);
    }
  }

  private async hasCommit(oid: string): Promise<boolean> {
    try {
      await git.readCommit({ ...this.base, oid });
      return true;
    } catch (error) {
      if (error instanceof git.Errors.NotFoundError) return false;
      throw error;
    }
  }

  private async noteRemoteAt(commit: string): Promise<void> {
    await git.writeRef({ fs: durableGitFs, dir: this.dir, ref: REMOTE_BRANCH, value: commit, force: true });
  }

  /** Every file of a commit's tree (the map is shared: not to be changed). */
  async files(commit: string | undefined): Promise<TreeFiles> {
    if (commit === undefined) return new Map();
    const known = this.trees.get(commit);
    if (known) return known;
    const files: TreeFiles = new Map();
    await git.walk({
      ...this.base,
      trees: [TREE({ ref: commit })],
      map: async (filepath: string, [entry]: (WalkerEntry | null)[]) => {
        if (!entry || filepath === '.') return true;
        if ((await entry.type()) === 'blob') {
          files.set(filepath, { oid: await entry.oid(), mode: (await entry.mode()).toString(8) });
        }
        return true;
      },
    });
    this.trees.set(commit, files);
    if (this.trees.size > TREES_KEPT) this.trees.delete(this.trees.keys().next().value as string);
    return files;
  }

  async readBlob(oid: string): Promise<Buffer> {
    const { blob } = await git.readBlob({ ...this.base, oid });
    return Buffer.from(blob);
  }

  writeBlob(bytes: Uint8Array): Promise<string> {
    return git.writeBlob({ fs: durableGitFs, dir: this.dir, blob: bytes });
  }

  async authorOf(commit: string): Promise<string> {
    const { commit: read } = await git.readCommit({ ...this.base, oid: commit });
    return read.author.name;
  }

  /** How the local commit `ours` and the remote's `theirs` relate (ancestry.ts). */
  relation(ours: string, theirs: string): Promise<Relation> {
    return relationOf(
      async (oid) => {
        const { commit } = await git.readCommit({ ...this.base, oid });
        return { parents: commit.parent, time: commit.committer.timestamp };
      },
      ours,
      theirs,
    );
  }

  /** Moves the branch to `commit` (after the working tree was brought to it). */
  async moveBranch(commit: string): Promise<void> {
    await git.writeRef({
      fs: durableGitFs,
      dir: this.dir,
      ref: `refs/heads/${BRANCH}`,
      value: commit,
      force: true,
    });
  }

  /** Brings the index entries of `paths` to the branch's commit, so status sees them unchanged. */
  async resetIndex(paths: Iterable<string>): Promise<void> {
    for (const filepath of paths) await git.resetIndex({ ...this.base, filepath });
  }

  /** The remote's branches, without fetching: empty for an empty remote. */
  async remoteRefs(remote: string, store: CredentialStore): Promise<string[]> {
    const auth = authCallbacks(remote, store);
    try {
      const refs = await git.listServerRefs({
        http: this.http,
        url: remote,
        prefix: 'refs/heads/',
        onAuth: auth.onAuth,
        onAuthFailure: auth.onAuthFailure,
      });
      return refs.map((ref) => ref.ref);
    } catch (error) {
      throw authAware(error, remote, auth.state.offered);
    }
  }

  /** A new clone of `remote` into this (empty) folder. */
  async clone(
    remote: string,
    store: CredentialStore,
    onProgress?: (event: ProgressEvent) => void,
  ): Promise<void> {
    const auth = authCallbacks(remote, store);
    try {
      await git.clone({
        ...this.base,
        http: this.http,
        url: remote,
        ref: BRANCH,
        singleBranch: true,
        noTags: true,
        onAuth: auth.onAuth,
        onAuthFailure: auth.onAuthFailure,
        ...(onProgress ? { onProgress } : {}),
      });
    } catch (error) {
      throw authAware(error, remote, auth.state.offered);
    }
  }
}
