import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openRepository, type RepositorySession, type ServiceHandlers } from '../session.js';
import { tempDir, writeFixtureRepository } from './fixtures.js';

export interface FixtureSession {
  /** The temp folder holding the repository (and anything a test puts beside it). */
  dir: string;
  repo: string;
  session: RepositorySession;
  h: ServiceHandlers;
}

/**
 * Gives every test of the calling file a fresh fixture repository, opened; `onOpen`
 * receives it (to keep it in the file's variables, or to add to it). After each test
 * the session is closed (releasing the lock) and the folder removed.
 */
export function openFixturePerTest(onOpen: (fixture: FixtureSession) => void | Promise<void>): void {
  let current: FixtureSession | undefined;
  beforeEach(async () => {
    const dir = await tempDir();
    const repo = await writeFixtureRepository(join(dir, 'depot'));
    const session = await openRepository(repo, { create: 'never' });
    current = { dir, repo, session, h: session.handlers };
    await onOpen(current);
  });
  afterEach(async () => {
    if (!current) return;
    await current.session.close();
    await rm(current.dir, { recursive: true, force: true });
    current = undefined;
  });
}
