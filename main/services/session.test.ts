import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { chmod, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocNode } from '../../shared/content/doc.js';
import { sheetTemplateSchema } from '../../shared/model/template.js';
import { AppFailure } from '../../shared/result.js';
import { templatesDir } from './app-root.js';
import { openRepository, type RepositorySession } from './session.js';
import { fixtureTemplate, snapshot, tempDir, writeFixtureRepository } from './testing/fixtures.js';

let dir: string;
const sessions: RepositorySession[] = [];

beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.close()));
  await rm(dir, { recursive: true, force: true });
});

async function open(path: string, create: 'if-missing' | 'never' = 'never'): Promise<RepositorySession> {
  const session = await openRepository(path, { create });
  sessions.push(session);
  return session;
}

async function refusal(path: string, create: 'if-missing' | 'never' = 'never'): Promise<AppFailure> {
  const error = await openRepository(path, { create }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppFailure);
  return error as AppFailure;
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

describe('openRepository', () => {
  it('opens a repository, holds its lock until close, and reopens', async () => {
    const repo = await writeFixtureRepository(join(dir, 'depot'));
    const session = await open(repo);
    expect(session.path).toBe(repo);
    expect((await session.handlers['repository:overview']({})).name).toBe('Dépôt de test');
    expect(await exists(join(repo, '.fiches.lock'))).toBe(true);
    await session.close();
    expect(await exists(join(repo, '.fiches.lock'))).toBe(false);
    await expect(session.handlers['template:get']({})).rejects.toMatchObject({ code: 'invalid-request' });
    const again = await open(repo);
    expect(await again.handlers['template:get']({})).toEqual(fixtureTemplate);
  });

  it('refuses a second opening of the same folder, naming the holder', async () => {
    const repo = await writeFixtureRepository(join(dir, 'depot'));
    sessions.push(await openRepository(repo, { create: 'never', instance: 'desktop' }));
    const error = await refusal(repo);
    expect(error.code).toBe('locked');
    expect(error.message).toContain(`processus ${process.pid}`);
    expect(error.message).toContain(hostname());
    expect(error.message).toMatch(
      /dans une fenêtre de Fiches .*\u00a0: fermez cette fenêtre, ou ouvrez un autre dépôt\.$/,
    );
  });

  it('takes over the lock of a crashed instance', async () => {
    const repo = await writeFixtureRepository(join(dir, 'depot'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    await writeFile(
      join(repo, '.fiches.lock'),
      JSON.stringify({
        pid: Number(dead.stdout.toString()),
        hostname: hostname(),
        user: 'camille',
        app: 'Fiches',
        startedAt: new Date().toISOString(),
      }),
    );
    await open(repo);
    expect(JSON.parse(await readFile(join(repo, '.fiches.lock'), 'utf8'))).toMatchObject({
      pid: process.pid,
    });
  });

  it('waits for pending saves before releasing the lock', async () => {
    const repo = await writeFixtureRepository(join(dir, 'depot'));
    const session = await open(repo);
    await session.handlers['sheets:create']({ variableId: 'big-data' });
    const text: DocNode = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Fin' }] }],
    };
    const saving = session.handlers['sheets:update']({
      id: 'big-data',
      patch: { sections: { passe: text } },
    });
    await session.close();
    await saving;
    const saved = JSON.parse(await readFile(join(repo, 'sheets', 'big-data.json'), 'utf8'));
    expect(saved.sections.passe).toEqual(text);
  });

  it('removes temp files left by a crash, and only those', async () => {
    const repo = await writeFixtureRepository(join(dir, 'depot'));
    await mkdir(join(repo, 'sheets'));
    await writeFile(join(repo, 'sheets', '.big-data.json.4242.0123456789ab.tmp'), '{"tronq');
    await writeFile(join(repo, 'sheets', 'notes.txt'), 'à moi');
    await open(repo);
    expect(await readdir(join(repo, 'sheets'))).toEqual(['notes.txt']);
  });
});

describe('openRepository refuses what is not a repository, writing nothing', () => {
  it('a missing folder, unless asked to create it', async () => {
    const error = await refusal(join(dir, 'absent'));
    expect(error.code).toBe('not-a-repository');
    expect(error.message).toMatch(/n’existe pas/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('a file', async () => {
    await writeFile(join(dir, 'fichier.json'), '{}');
    const error = await refusal(join(dir, 'fichier.json'), 'if-missing');
    expect(error.code).toBe('not-a-repository');
    expect(error.message).toMatch(/est un fichier, pas un dossier/);
  });

  it('a folder without repository.json', async () => {
    const repo = await writeFixtureRepository(join(dir, 'depot'));
    await rm(join(repo, 'repository.json'));
    const before = await snapshot(repo);
    const error = await refusal(repo, 'if-missing');
    expect(error.code).toBe('not-a-repository');
    expect(error.message).toMatch(/repository\.json/);
    expect(await snapshot(repo)).toEqual(before);
  });

  it('a non-empty folder of someone else’s, even when asked to create', async () => {
    const folder = join(dir, 'Documents');
    await mkdir(join(folder, 'photos'), { recursive: true });
    await writeFile(join(folder, 'lettre.txt'), 'Chère Camille');
    await writeFile(join(folder, 'photos', 'plage.jpg'), Buffer.from([1, 2, 3]));
    const before = await snapshot(folder);
    expect((await refusal(folder, 'if-missing')).code).toBe('not-a-repository');
    expect(await snapshot(folder)).toEqual(before);
  });

  it('an empty folder when not asked to create', async () => {
    await mkdir(join(dir, 'vide'));
    expect((await refusal(join(dir, 'vide'))).code).toBe('not-a-repository');
    expect(await readdir(join(dir, 'vide'))).toEqual([]);
  });
});

describe('openRepository refuses a damaged repository.json or template.json, leaving them as they are', () => {
  it('a template with a missing field: invalid-template naming the file and the field', async () => {
    const template = structuredClone(fixtureTemplate) as Record<string, unknown> & typeof fixtureTemplate;
    delete (template.sections[1] as { question?: string; help?: string }).help;
    const repo = await writeFixtureRepository(join(dir, 'depot'), { template });
    const before = await snapshot(repo);
    const error = await refusal(repo);
    expect(error.code).toBe('invalid-template');
    expect(error.message).toContain('template.json\u00a0: sections.1.help\u00a0: ');
    expect(await snapshot(repo)).toEqual(before);
  });

  it('a truncated repository.json: damaged, naming the file', async () => {
    const repo = await writeFixtureRepository(join(dir, 'depot'), {
      repository: '{"schemaVersion": 1, "name": "Dé',
    });
    const before = await snapshot(repo);
    const error = await refusal(repo);
    expect(error.code).toBe('damaged');
    expect(error.message).toContain('repository.json\u00a0: JSON tronqué ou invalide');
    expect(await snapshot(repo)).toEqual(before);
  });

  it('a repository.json with a wrong field: damaged, naming the field', async () => {
    const repo = await writeFixtureRepository(join(dir, 'depot'), {
      repository: {
        schemaVersion: 1,
        name: 'X',
        exercise: { name: 'E', organisation: 'O', region: 'R' },
        families: [],
      },
    });
    const error = await refusal(repo);
    expect(error.code).toBe('damaged');
    expect(error.message).toContain('repository.json\u00a0: exercise.horizon\u00a0: ');
    expect(error.message).toContain('families\u00a0: ');
  });

  it('a file from a newer version: unsupported, untouched', async () => {
    const repo = await writeFixtureRepository(join(dir, 'depot'), {
      repository: { schemaVersion: 2, name: 'Futur', families: 'autrement' },
    });
    const before = await snapshot(repo);
    const error = await refusal(repo);
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(/créé par une version plus récente de Fiches/);
    expect(await snapshot(repo)).toEqual(before);
  });

  it('a missing template.json', async () => {
    const repo = await writeFixtureRepository(join(dir, 'depot'));
    await rm(join(repo, 'template.json'));
    const error = await refusal(repo);
    expect(error.code).toBe('invalid-template');
    expect(error.message).toMatch(/template\.json est absent/);
  });
});

describe('creation from the sample shipped in templates/', () => {
  const sampleReady = async () =>
    (await exists(join(templatesDir(), 'sheet-template.json'))) &&
    (await exists(join(templatesDir(), 'sample-repository', 'repository.json')));

  it('creates a missing folder with the sample, then reopens it', async (context) => {
    if (!(await sampleReady())) context.skip('templates/sample-repository is not written yet');
    const repo = join(dir, 'nouveau', 'depot');
    const session = await open(repo, 'if-missing');
    const overview = await session.handlers['repository:overview']({});
    expect(overview.families.length).toBeGreaterThan(0);
    expect(overview.damaged).toEqual([]);
    const template = await session.handlers['template:get']({});
    expect(template).toEqual(
      sheetTemplateSchema.parse(
        JSON.parse(await readFile(join(templatesDir(), 'sheet-template.json'), 'utf8')),
      ),
    );
    // Every sheet of the sample opens, with its family.
    const sheetIds = overview.families.flatMap((family) =>
      family.variables.filter((variable) => variable.sheet).map((variable) => variable.id),
    );
    expect(sheetIds.length).toBeGreaterThan(0);
    for (const id of sheetIds) expect((await session.handlers['sheets:get']({ id })).sheet.id).toBe(id);
    // Nothing of the staging folder is left beside the repository.
    expect(await readdir(join(dir, 'nouveau'))).toEqual(['depot']);
    await session.close();

    const reopened = await open(repo);
    expect((await reopened.handlers['repository:overview']({})).name).toBe(overview.name);
  });

  it('fills an empty folder with the sample', async (context) => {
    if (!(await sampleReady())) context.skip('templates/sample-repository is not written yet');
    await mkdir(join(dir, 'vide'));
    await writeFile(join(dir, 'vide', '.DS_Store'), '');
    const session = await open(join(dir, 'vide'), 'if-missing');
    expect((await session.handlers['repository:overview']({})).families.length).toBeGreaterThan(0);
    expect(await exists(join(dir, 'vide', 'template.json'))).toBe(true);
  });
});

describe('instances racing to create the same repository', () => {
  it('opens it once; the others are told who holds it, not a file system error', async () => {
    const repo = join(dir, 'nouveau', 'depot');
    const attempts = await Promise.allSettled(
      Array.from({ length: 4 }, () => openRepository(repo, { create: 'if-missing', instance: 'serve' })),
    );
    const opened = attempts.flatMap((attempt) => (attempt.status === 'fulfilled' ? [attempt.value] : []));
    sessions.push(...opened);
    expect(opened).toHaveLength(1);
    for (const attempt of attempts) {
      if (attempt.status === 'rejected') {
        expect(attempt.reason).toBeInstanceOf(AppFailure);
        const failure = attempt.reason as AppFailure;
        expect(failure.message, JSON.stringify(failure.details)).toMatch(
          /^Ce dépôt est déjà ouvert par .*fiches serve/,
        );
      }
    }
    // No creation left behind: only the repository in its parent.
    expect(await readdir(join(dir, 'nouveau'))).toEqual(['depot']);
  });
});

describe('a folder the user cannot write to', () => {
  it('is refused as read-only, and nothing is written', async (context) => {
    if (process.platform === 'win32') context.skip('POSIX permissions only');
    const repo = await writeFixtureRepository(join(dir, 'depot'));
    await chmod(dir, 0o755);
    await chmod(repo, 0o555);
    const before = await snapshot(repo);
    try {
      if (process.getuid?.() === 0) {
        // Root ignores permissions: ask another user to open it.
        const { bundleScript, runScript } = await import('./testing/child-script.js');
        const script = await bundleScript(
          `import { openRepository } from ${JSON.stringify(join(import.meta.dirname, 'session.ts'))};
           openRepository(process.argv[2], { create: 'never' }).then(
             () => console.log(JSON.stringify({ opened: true })),
             (error) => console.log(JSON.stringify({ code: error.code, message: error.message })));`,
          dir,
        );
        const outcome = await runScript(script, [repo], { uid: 65534, gid: 65534, cwd: dir });
        expect(outcome.stdout, outcome.stderr).not.toBe('');
        const answer = JSON.parse(outcome.stdout) as { code: string; message: string };
        expect(answer.code).toBe('read-only');
        expect(answer.message).toMatch(/lecture seule/);
      } else {
        const error = await refusal(repo);
        expect(error.code).toBe('read-only');
      }
      expect(await snapshot(repo)).toEqual(before);
    } finally {
      await chmod(repo, 0o755);
    }
  });
});
