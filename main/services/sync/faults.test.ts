import { createHash, randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { openRepository } from '../session.js';
import { tempDir, writeFixtureRepository } from '../testing/fixtures.js';
import type { GitServer } from '../testing/git-server.js';
import { paragraphs, plain, type Team } from '../testing/team-fixture.js';
import { teamPerTest } from '../testing/team-per-test.js';
import { MemoryCredentialStore } from './credentials.js';
import { joinRepository } from './join.js';
import { failure } from '../testing/failure.js';

/**
 * What goes wrong between a copy and its remote: unreachable, wrong credentials, a
 * colleague pushing first, a large asset, a remote that is not a Fiches repository, an
 * untrusted certificate. Work goes on, the message says what to do, nothing is lost, and
 * the password is never written anywhere nor printed.
 */
const run = promisify(execFile);
let server: GitServer;
let team: Team;

teamPerTest((fixture) => {
  ({ server, team } = fixture);
});

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const gitConfig = (repo: string, key: string, value: string) =>
  run('git', ['-C', repo, 'config', key, value]);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('the remote cannot be reached', () => {
  it('says so in French, keeps the work here, and sends it once the remote is back', async () => {
    const { anne, bruno } = team;
    await gitConfig(anne.repo, 'remote.origin.url', `http://127.0.0.1:${await closedPort()}/ailleurs.git`);
    await anne.h['sheets:update']({
      id: 'big-data',
      patch: { sections: { passe: paragraphs('Écrit hors ligne.') } },
    });
    const offline = await failure(anne.h['sync:run']({}));
    expect(offline.code).toBe('offline');
    expect(offline.message).toMatch(
      /ne répond pas\u00a0: vous semblez hors ligne\. Vos modifications restent sur cet ordinateur/,
    );
    expect((await anne.h['sync:status']({})).label).toBe(
      'Hors ligne\u00a0: vos modifications restent sur cet ordinateur',
    );
    // Work goes on.
    await anne.h['sheets:update']({
      id: 'big-data',
      patch: { sections: { passe: paragraphs('Écrit hors ligne, et encore.') } },
    });
    await gitConfig(anne.repo, 'remote.origin.url', team.remote);
    expect(await anne.h['sync:run']({})).toMatchObject({ sent: ['big-data'], pushed: true });
    await bruno.h['sync:run']({});
    expect(plain((await bruno.h['sheets:get']({ id: 'big-data' })).sheet.sections.passe)).toBe(
      'Écrit hors ligne, et encore.',
    );
  });
});

describe('credentials', () => {
  it('refuses wrong credentials (401) with a clear message, forgets them, and syncs once given again', async () => {
    const { bruno } = team;
    await bruno.credentials.set(team.remote, { username: server.user, password: 'pas-le-bon' });
    const refused = await failure(bruno.h['sync:run']({}));
    expect(refused.code).toBe('unauthorized');
    expect(refused.message).toContain('a refusé ces identifiants');
    expect(await bruno.credentials.get(team.remote)).toBeUndefined();
    expect((await bruno.h['sync:status']({})).state).toBe('unauthorized');
    // Asked again: none now.
    const missing = await failure(bruno.h['sync:run']({}));
    expect(missing.code).toBe('unauthorized');
    expect(missing.message).toContain('demande un nom d’utilisateur et un mot de passe');
    await bruno.h['sync:credentials']({ username: server.user, password: server.password });
    expect(await bruno.h['sync:run']({})).toMatchObject({ pushed: false });
    expect((await bruno.h['sync:status']({})).label).toBe('À jour');
  });

  it('never writes the password in any file nor prints it, whatever happens', async () => {
    const { anne, bruno } = team;
    const printed: string[] = [];
    const capture = (chunk: unknown) => (printed.push(String(chunk)), true);
    vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation(
        (...args: unknown[]) => void printed.push(args.map(String).join(' ')),
      );
    }
    const messages: string[] = [];
    try {
      await anne.h['sheets:update']({ id: 'big-data', patch: { sections: { passe: paragraphs('Anne.') } } });
      await anne.h['sync:run']({});
      await bruno.h['sync:run']({});
      await bruno.credentials.set(team.remote, {
        username: server.user,
        password: `${server.password}-faux`,
      });
      messages.push((await failure(bruno.h['sync:run']({}))).message);
      await gitConfig(anne.repo, 'remote.origin.url', `http://127.0.0.1:${await closedPort()}/x.git`);
      messages.push((await failure(anne.h['sync:run']({}))).message);
      messages.push(JSON.stringify(await anne.h['sync:status']({})));
    } finally {
      vi.restoreAllMocks();
    }
    const secrets = [server.password, Buffer.from(`${server.user}:${server.password}`).toString('base64')];
    for (const secret of secrets) {
      for (const text of [...printed, ...messages]) expect(text).not.toContain(secret);
      // Every file: both copies (their .git too), their preferences, and the remote itself.
      for (const file of [...(await filesUnder(team.dir)), ...(await filesUnder(server.root))]) {
        const bytes = await readFile(file);
        expect(bytes.includes(secret), file).toBe(false);
      }
    }
  });
});

describe('a colleague pushed first', () => {
  it('fetches, merges and pushes again by itself', async () => {
    const { anne, bruno } = team;
    let raced = false;
    await anne.reopen({
      at: async (point) => {
        if (point !== 'push' || raced) return;
        raced = true;
        // Between Anne's fetch and her push, Bruno sends his own change.
        await bruno.h['sheets:update']({
          id: 'big-data',
          patch: { sections: { trajectoire: paragraphs('Bruno, juste avant Anne.') } },
        });
        await bruno.h['sync:run']({});
      },
    });
    await anne.h['sheets:update']({
      id: 'big-data',
      patch: { sections: { passe: paragraphs('Anne, juste après Bruno.') } },
    });
    const report = await anne.h['sync:run']({});
    expect(raced).toBe(true);
    expect(report).toMatchObject({ merged: ['big-data'], pushed: true });
    await bruno.h['sync:run']({});
    const { sheet } = await bruno.h['sheets:get']({ id: 'big-data' });
    expect(plain(sheet.sections.trajectoire)).toBe('Bruno, juste avant Anne.');
    expect(plain(sheet.sections.passe)).toBe('Anne, juste après Bruno.');
  });
});

describe('a ref the remote holds locked', () => {
  it('waits, then pushes again, as when a colleague’s push is still being written', async () => {
    const { anne, server: gitServer, remote } = team;
    // What the remote's git leaves while a push updates the branch: a lock beside the ref.
    const lock = join(gitServer.pathOf(new URL(remote).pathname.slice(1)), 'refs', 'heads', 'main.lock');
    let locked = false;
    let unlocked = false;
    await anne.reopen({
      at: async (point) => {
        if (point === 'push' && !locked) {
          locked = true;
          await writeFile(lock, '');
        } else if (point === 'fetch' && locked && !unlocked) {
          // The other push is written by the time this copy tries again.
          unlocked = true;
          await rm(lock);
        }
      },
    });
    await anne.h['sheets:update']({
      id: 'big-data',
      patch: { sections: { passe: paragraphs('Anne, pendant une autre écriture.') } },
    });
    const report = await anne.h['sync:run']({});
    expect(unlocked).toBe(true);
    expect(report).toMatchObject({ pushed: true });
    expect((await anne.h['sync:status']({})).label).toBe('À jour');
  });
});

describe('a 50 MB asset', () => {
  it('travels to a colleague whole', async () => {
    const { anne, bruno } = team;
    const bytes = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), randomBytes(50 * 1024 * 1024)]);
    const name = `${createHash('sha256').update(bytes).digest('hex')}.png`;
    await mkdir(join(anne.repo, 'assets'), { recursive: true });
    await writeFile(join(anne.repo, 'assets', name), bytes);
    expect(await anne.h['sync:run']({})).toMatchObject({ pushed: true });
    await bruno.h['sync:run']({});
    const received = await readFile(join(bruno.repo, 'assets', name));
    expect(received.length).toBe(bytes.length);
    expect(received.equals(bytes)).toBe(true);
  }, 180_000);
});

describe('remotes that are not this repository', () => {
  it('refuses to join a remote that is not a Fiches repository, and writes nothing', async () => {
    const other = await server.createRepository('pas-fiches.git');
    const work = join(team.dir, 'autre-travail');
    await run('git', [
      'clone',
      '--quiet',
      other.replace('//', `//${server.user}:${encodeURIComponent(server.password)}@`),
      work,
    ]);
    await writeFile(join(work, 'README.md'), '# Un autre projet\n');
    await run('git', ['-C', work, 'add', '.']);
    await run('git', [
      '-C',
      work,
      '-c',
      'user.name=X',
      '-c',
      'user.email=x@example.org',
      'commit',
      '--quiet',
      '-m',
      'Autre',
    ]);
    await run('git', ['-C', work, 'push', '--quiet', 'origin', 'HEAD:main']);
    const credentials = new MemoryCredentialStore({ username: server.user, password: server.password });
    const target = join(team.dir, 'rejoint');
    const refused = await failure(joinRepository({ remote: other, folder: target, credentials }));
    expect(refused.code).toBe('remote');
    expect(refused.message).toContain('n’est pas un dépôt Fiches');
    await expect(stat(target)).rejects.toThrow();
    expect((await readdir(team.dir)).filter((name) => name.includes('creation'))).toEqual([]);

    // Nor is a repository shared to it: it is not empty.
    const dir = await tempDir();
    const session = await openRepository(await writeFixtureRepository(join(dir, 'depot')), {
      create: 'never',
      sync: { credentials },
    });
    try {
      const notEmpty = await failure(session.handlers['sync:share']({ remote: other }));
      expect(notEmpty.code).toBe('remote');
      expect(notEmpty.message).toContain('n’est pas vide');
      expect((await session.handlers['sync:status']({})).shared).toBe(false);
    } finally {
      await session.close();
    }
  });

  it('refuses to join an empty remote', async () => {
    const empty = await server.createRepository('vide.git');
    const credentials = new MemoryCredentialStore({ username: server.user, password: server.password });
    const refused = await failure(
      joinRepository({ remote: empty, folder: join(team.dir, 'vide'), credentials }),
    );
    expect(refused.message).toContain('est vide');
  });
});
