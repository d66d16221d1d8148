import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRepository } from '../session.js';
import { tempDir } from '../testing/fixtures.js';

/** What the sync status says of a repository that is not shared. */
let dir: string;

beforeEach(async () => {
  dir = await tempDir('fiches-sync-status-');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the status of a repository not shared', () => {
  it('says first start when the repository was just made from the sample, and only then', async () => {
    const repo = join(dir, 'depot');
    const created = await openRepository(repo, { create: 'if-missing' });
    try {
      expect(await created.handlers['sync:status']({})).toMatchObject({
        shared: false,
        state: 'not-shared',
        firstStart: true,
      });
    } finally {
      await created.close();
    }
    // The next start opens the same repository: no longer the first.
    const reopened = await openRepository(repo, { create: 'if-missing' });
    try {
      expect((await reopened.handlers['sync:status']({})).firstStart).toBe(false);
    } finally {
      await reopened.close();
    }
  });
});
