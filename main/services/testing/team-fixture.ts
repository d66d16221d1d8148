import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { docOfParagraphs, textOf, type DocNode } from '../../../shared/content/doc.js';
import { openRepository, type RepositorySession, type ServiceHandlers } from '../session.js';
import { MemoryCredentialStore } from '../sync/credentials.js';
import type { SyncHooks } from '../sync/engine.js';
import { joinRepository } from '../sync/join.js';
import { tempDir, writeFixtureRepository } from './fixtures.js';
import { startGitServer, type GitServer } from './git-server.js';

/**
 * Two colleagues sharing one repository through a real git server: Anne's copy shared it,
 * Bruno's joined it. Each has their own preferences (so commits and revisions are signed
 * with their name) and credentials in memory.
 */
export interface Colleague {
  name: string;
  repo: string;
  session: RepositorySession;
  readonly h: ServiceHandlers;
  credentials: MemoryCredentialStore;
  /** Closes and opens the copy again, with these sync hooks if given. */
  reopen(hooks?: SyncHooks): Promise<void>;
  close(): Promise<void>;
}

export interface Team {
  dir: string;
  server: GitServer;
  remote: string;
  anne: Colleague;
  bruno: Colleague;
  /** Another colleague joining now, into a new folder. */
  join(name: string): Promise<Colleague>;
  /** `git fsck` of the remote, by the system git: answers its output (it throws on a failure). */
  fsck(): Promise<string>;
  dispose(): Promise<void>;
}

export const paragraphs = (...texts: string[]): DocNode => docOfParagraphs(texts);
export const plain = (doc: DocNode | undefined) => (doc ? textOf(doc) : '');

async function colleague(
  dir: string,
  name: string,
  repo: string,
  credentials: MemoryCredentialStore,
): Promise<Colleague> {
  const open = (hooks?: SyncHooks) =>
    openRepository(repo, {
      create: 'never',
      history: { preferencesFile: join(dir, `${name}-preferences.json`) },
      sync: { credentials, ...(hooks ? { hooks } : {}) },
    });
  const person: Colleague = {
    name,
    repo,
    session: await open(),
    get h() {
      return person.session.handlers;
    },
    credentials,
    async reopen(hooks) {
      await person.session.close();
      person.session = await open(hooks);
    },
    close: () => person.session.close(),
  };
  await person.h['preferences:set']({ authorName: name });
  return person;
}

export async function teamFixture(options: { server?: GitServer } = {}): Promise<Team> {
  const server = options.server ?? (await startGitServer());
  const dir = await tempDir('fiches-team-');
  const remote = await server.createRepository(`equipe-${Math.random().toString(36).slice(2, 8)}.git`);
  const login = { username: server.user, password: server.password };
  const anneRepo = await writeFixtureRepository(join(dir, 'anne'));
  const anne = await colleague(dir, 'Anne', anneRepo, new MemoryCredentialStore());
  await anne.h['sheets:create']({ variableId: 'big-data' });
  await anne.h['sheets:update']({
    id: 'big-data',
    patch: {
      sections: {
        trajectoire: paragraphs('Le Big Data désigne des données massives.', 'Il transforme l’industrie.'),
        passe: paragraphs('Avant 2000, peu de données.', 'Après 2000, le web.', 'Depuis 2010, les capteurs.'),
      },
    },
  });
  await anne.h['sync:share']({ remote, ...login });
  const join_ = async (name: string) => {
    const credentials = new MemoryCredentialStore();
    await credentials.set(remote, login);
    const folder = await joinRepository({ remote, folder: join(dir, name.toLowerCase()), credentials });
    return colleague(dir, name, folder, credentials);
  };
  const bruno = await join_('Bruno');
  const repoName = new URL(remote).pathname.slice(1);
  return {
    dir,
    server,
    remote,
    anne,
    bruno,
    join: join_,
    fsck: () => server.git(['--git-dir', server.pathOf(repoName), 'fsck', '--strict', '--no-progress']),
    async dispose() {
      await anne.close().catch(() => undefined);
      await bruno.close().catch(() => undefined);
      if (!options.server) await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
