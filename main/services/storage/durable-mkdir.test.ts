import type * as FsPromises from 'node:fs/promises';
import { readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { docOfParagraphs } from '../../../shared/content/doc.js';
import { openRepository, type RepositorySession } from '../session.js';
import { tempDir, writeFixtureRepository } from '../testing/fixtures.js';
import { makeDirectoryDurable } from './durable-write.js';

/**
 * A new folder's entry lives in its parent: until the parent is fsynced, a power cut can
 * lose the folder with everything just moved into it (the first deletion into trash/, the
 * first file set aside in damaged/). Every fsync of the file system is recorded here, by
 * the path of the handle it is called on.
 */
const synced = vi.hoisted(() => [] as string[]);
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const open: typeof real.open = async (path, ...rest) => {
    const handle = await real.open(path, ...rest);
    const sync = handle.sync.bind(handle);
    handle.sync = () => {
      synced.push(String(path));
      return sync();
    };
    return handle;
  };
  return { ...real, open, default: { ...real, open } };
});

let dir: string;
let repo: string;
let session: RepositorySession;

beforeEach(async () => {
  dir = await tempDir();
  repo = await writeFixtureRepository(join(dir, 'depot'));
  session = await openRepository(repo, {
    create: 'never',
    history: { preferencesFile: join(dir, 'donnees', 'fiches', 'preferences.json') },
  });
  await session.handlers['sheets:create']({ variableId: 'big-data' });
  synced.length = 0;
});
afterEach(async () => {
  await session.close();
  await rm(dir, { recursive: true, force: true });
});

describe('makeDirectoryDurable', () => {
  it('fsyncs the parent of every folder it creates, and nothing when there is nothing to create', async () => {
    await makeDirectoryDurable(join(dir, 'a', 'b', 'c'));
    expect(synced.sort()).toEqual([dir, join(dir, 'a'), join(dir, 'a', 'b')].sort());
    synced.length = 0;
    await makeDirectoryDurable(join(dir, 'a', 'b'));
    expect(synced).toEqual([]);
  });
});

describe('the folders the repository creates on first use', () => {
  it('trash/ on the first deletion', async () => {
    await session.handlers['sheets:delete']({ id: 'big-data' });
    expect(synced).toContain(repo);
  });

  it('damaged/ on the first file set aside', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(repo, 'sheets', 'big-data.json'), '{');
    await session.handlers['repository:overview']({});
    expect(await readdir(join(repo, 'damaged'))).toHaveLength(2);
    expect(synced).toContain(repo);
  });

  it('families/ on the first family save, history/<id>/ on the first revision', async () => {
    await session.handlers['families:update']({
      familyId: 'technologies',
      patch: { note: docOfParagraphs(['Note']) },
    });
    expect(synced).toContain(repo);
    expect(synced).toContain(join(repo, 'history'));
  });

  it('the data folder on the first preferences saved', async () => {
    await session.handlers['preferences:set']({ authorName: 'Anne' });
    expect(synced).toContain(join(dir, 'donnees'));
    expect(synced).toContain(dir);
  });

  it('sheets/ when a sheet comes back from the trash into a repository that has none left', async () => {
    const { trashId } = await session.handlers['sheets:delete']({ id: 'big-data' });
    await rm(join(repo, 'sheets'), { recursive: true });
    synced.length = 0;
    await session.handlers['trash:restore']({ trashId });
    expect(synced).toContain(repo);
  });

  it('the parents of a new repository', async () => {
    const nested = join(dir, 'nouveau', 'dossier', 'depot');
    const created = await openRepository(nested, { create: 'if-missing' });
    await created.close();
    expect(synced).toContain(dir);
    expect(synced).toContain(join(dir, 'nouveau'));
    expect(synced).toContain(dirname(nested));
  });
});
