import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openRepository } from '../services/index.js';
import { tempDir, writeFixtureRepository } from '../services/testing/fixtures.js';
import { startGitServer, type GitServer } from '../services/testing/git-server.js';
import { paragraphs } from '../services/testing/team-fixture.js';
import { runCliCaptured as cli } from './testing/capture.js';

/** `fiches share`, `fiches join`, `fiches sync` in-process, credentials from the environment; git fsck after each. */
let server: GitServer;
let dir: string;

beforeAll(async () => {
  server = await startGitServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  dir = await tempDir('fiches-cli-sync-');
  vi.stubEnv('FICHES_GIT_USERNAME', server.user);
  vi.stubEnv('FICHES_GIT_PASSWORD', server.password);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  // Whatever the commands did, every repository of the server passes git fsck.
  for (const name of await readdir(server.root)) {
    await server.git(['--git-dir', server.pathOf(name), 'fsck', '--strict', '--no-progress']);
  }
});

async function edit(repo: string, section: string, text: string): Promise<void> {
  const session = await openRepository(repo, {
    create: 'never',
    history: { preferencesFile: join(dir, 'prefs.json') },
  });
  try {
    if (!(await stat(join(repo, 'sheets', 'big-data.json')).catch(() => null))) {
      await session.handlers['sheets:create']({ variableId: 'big-data' });
    }
    await session.handlers['sheets:update']({
      id: 'big-data',
      patch: { sections: { [section]: paragraphs(text) } },
    });
  } finally {
    await session.close();
  }
}

describe('fiches share, join, sync', () => {
  it('shares, joins and syncs, one line a sheet and a summary', async () => {
    const remote = await server.createRepository('cli.git');
    const anne = await writeFixtureRepository(join(dir, 'anne'));
    await edit(anne, 'trajectoire', 'Anne.');
    const shared = await cli('share', '--repo', anne, '--remote', remote);
    expect(shared).toMatchObject({ code: 0, stderr: '' });
    expect(shared.stdout.trim().split('\n').at(-1)).toBe(`Dépôt partagé avec ${remote}.`);

    const bruno = join(dir, 'bruno');
    const joined = await cli('join', remote, '--repo', bruno);
    expect(joined).toEqual({
      code: 0,
      stderr: '',
      stdout: `Dépôt rejoint dans ${bruno} (1\u00a0fiche).\n`.replace('\u00a0', ' '),
    });
    expect(await readdir(bruno)).toContain('repository.json');

    await edit(bruno, 'passe', 'Bruno.');
    const sent = await cli('sync', '--repo', bruno);
    expect(sent.code).toBe(0);
    expect(sent.stdout).toBe(
      `big-data\u00a0: envoyée\nSynchronisé avec ${remote}\u00a0: 1 fiche envoyée, 0 reçue, 0 fusionnée, 0 en conflit.\n`,
    );
    await edit(anne, 'trajectoire', 'Anne, encore.');
    const merged = await cli('sync', '--repo', anne);
    expect(merged.stdout.split('\n')[0]).toBe('big-data\u00a0: fusionnée');
  }, 120_000);

  it('exits 1 with one stderr line: wrong credentials, unknown remote, not shared', async () => {
    const remote = await server.createRepository('cli-refus.git');
    const anne = await writeFixtureRepository(join(dir, 'anne'));
    vi.stubEnv('FICHES_GIT_PASSWORD', 'pas-le-bon');
    const refused = await cli('share', '--repo', anne, '--remote', remote);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('a refusé ces identifiants');
    expect(refused.stderr).not.toContain('pas-le-bon');

    const notShared = await cli('sync', '--repo', await writeFixtureRepository(join(dir, 'seul')));
    expect(notShared.code).toBe(1);
    expect(notShared.stderr).toContain('n’est pas partagé');

    const badUrl = await cli('join', 'file:///tmp/x.git', '--repo', join(dir, 'x'));
    expect(badUrl.code).toBe(1);
    expect(badUrl.stderr).toContain('seules les adresses https');
  });

  it('refuses usage mistakes with exit code 2', async () => {
    expect((await cli('join', '--repo', join(dir, 'x'))).code).toBe(2);
    expect((await cli('join', 'https://a/b.git', 'https://c/d.git', '--repo', join(dir, 'x'))).code).toBe(2);
    expect((await cli('share', '--repo', dir)).code).toBe(2);
  });
});
