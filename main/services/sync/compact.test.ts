import { execFile } from 'node:child_process';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRepository, type RepositorySession } from '../session.js';
import { tempDir, writeFixtureRepository } from '../testing/fixtures.js';
import { paragraphs } from '../testing/team-fixture.js';
import { compactObjects } from './compact.js';
import { encodeDelta } from './delta.js';
import { GitRepository } from './repo.js';

/** The loose objects of many commits go into one pack of deltas: smaller, still read by isomorphic-git and git. */
const run = promisify(execFile);
let dir: string;
let repo: string;
let session: RepositorySession;

beforeEach(async () => {
  dir = await tempDir('fiches-compact-');
  repo = await writeFixtureRepository(join(dir, 'depot'));
  session = await openRepository(repo, {
    create: 'never',
    history: { preferencesFile: join(dir, 'p.json') },
  });
});
afterEach(async () => {
  await session.close();
  await rm(dir, { recursive: true, force: true });
});

async function gitBytes(): Promise<number> {
  let total = 0;
  for (const entry of await readdir(join(repo, '.git'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

describe('compactObjects', () => {
  it('packs the loose objects of many commits as deltas, and everything reads the same', async () => {
    const git = new GitRepository(repo);
    await git.init();
    const long = Array.from(
      { length: 60 },
      (_, i) => `Paragraphe ${i} : le Big Data désigne un ensemble de données volumineux.`,
    );
    await session.handlers['sheets:create']({ variableId: 'big-data' });
    const commits: string[] = [];
    for (let n = 0; n < 80; n += 1) {
      long[n % long.length] += ` Révision ${n}.`;
      await session.handlers['sheets:update']({
        id: 'big-data',
        patch: { sections: { passe: paragraphs(...long) } },
      });
      commits.push((await git.commitWorkingTree(`Révision ${n}\n`, { name: 'Anne', email: '' })) as string);
    }
    const before = await gitBytes();
    const files = await git.files(commits.at(-1));
    const sheet = await git.readBlob(files.get('sheets/big-data.json')!.oid);
    expect(await compactObjects(repo, 10)).toBeGreaterThan(200);
    const after = await gitBytes();
    expect(after).toBeLessThan(before / 2);
    // isomorphic-git (with a fresh cache) and the system git read every object.
    const fresh = new GitRepository(repo);
    expect(
      (await fresh.readBlob((await fresh.files(commits.at(-1))).get('sheets/big-data.json')!.oid)).equals(
        sheet,
      ),
    ).toBe(true);
    expect((await fresh.files(commits[0])).size).toBeGreaterThan(2);
    await run('git', ['-C', repo, 'fsck', '--strict', '--no-progress']);
    const log = await run('git', ['-C', repo, 'log', '--format=%s']);
    expect(log.stdout.trim().split('\n')).toHaveLength(80);
  });

  it('encodes git deltas that git applies', () => {
    const base = Buffer.from('Le Big Data désigne un ensemble de données volumineux. '.repeat(20));
    const target = Buffer.concat([base.subarray(0, 300), Buffer.from('Une insertion. '), base.subarray(300)]);
    const delta = encodeDelta(base, target);
    expect(delta.length).toBeLessThan(60);
  });
});
