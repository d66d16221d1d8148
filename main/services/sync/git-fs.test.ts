import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as DurableWrite from '../storage/durable-write.js';
import { tempDir } from '../testing/fixtures.js';

/** What reaches the disk, in which order: recorded around the real durable writes. */
const events: string[] = [];
vi.mock('../storage/durable-write.js', async (importOriginal) => {
  const real = await importOriginal<typeof DurableWrite>();
  const name = (path: string) => path.split('/.git/')[1] ?? path;
  return {
    ...real,
    syncFile: async (path: string) => {
      events.push(`sync ${name(path)}`);
      await real.syncFile(path);
    },
    writeFileDurable: async (path: string, data: Uint8Array) => {
      events.push(`durable ${name(path)}`);
      await real.writeFileDurable(path, data);
    },
  };
});
const { durableGitFs, syncObjects } = await import('./git-fs.js');

afterEach(() => {
  events.length = 0;
});

describe('durableGitFs', () => {
  it('syncs the objects all together, before the ref that could point at them', async () => {
    const git = join(await tempDir('fiches-git-fs-'), '.git');
    const fs = durableGitFs.promises;
    await fs.mkdir(join(git, 'objects', 'ab'));
    await fs.writeFile(join(git, 'objects', 'ab', 'cdef'), 'un objet');
    await fs.mkdir(join(git, 'objects', '12'));
    await fs.writeFile(join(git, 'objects', '12', '3456'), Buffer.from('un autre'));
    // Written whole, readable at once, not waited for yet.
    expect(await readFile(join(git, 'objects', 'ab', 'cdef'), 'utf8')).toBe('un objet');
    expect(events).toEqual([]);
    await fs.mkdir(join(git, 'refs', 'heads'));
    await fs.writeFile(join(git, 'refs', 'heads', 'main'), 'ab cdef\n', 'utf8');
    expect(events).toEqual(['sync objects/ab/cdef', 'sync objects/12/3456', 'durable refs/heads/main']);
    // Nothing left to sync.
    events.length = 0;
    await syncObjects();
    await fs.writeFile(join(git, 'HEAD'), 'ref: refs/heads/main\n');
    expect(events).toEqual(['durable HEAD']);
  });

  it('forgets the objects of a copy removed before its refs were written (a join given up)', async () => {
    const given = join(await tempDir('fiches-git-fs-'), '.git');
    const fs = durableGitFs.promises;
    await fs.mkdir(join(given, 'objects', 'ab'));
    await fs.writeFile(join(given, 'objects', 'ab', 'cdef'), 'objet d’une copie abandonnée');
    await rm(given, { recursive: true, force: true });
    const other = join(await tempDir('fiches-git-fs-'), '.git');
    await fs.mkdir(join(other, 'refs', 'heads'));
    await fs.writeFile(join(other, 'refs', 'heads', 'main'), 'ab cdef\n', 'utf8');
    expect(await readFile(join(other, 'refs', 'heads', 'main'), 'utf8')).toBe('ab cdef\n');
  });
});
