import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openRepository, type RepositorySession } from '../../session.js';
import { tempDir } from '../../testing/fixtures.js';

/** The sample repository (Big Data and its family) opened in a temp folder, as a user first sees it. */
export interface SampleRepository {
  dir: string;
  repo: string;
  session: RepositorySession;
  dispose(): Promise<void>;
}

export async function openSample(): Promise<SampleRepository> {
  const dir = await tempDir('fiches-export-');
  const repo = join(dir, 'depot');
  const session = await openRepository(repo, {
    create: 'if-missing',
    history: { preferencesFile: join(dir, 'donnees', 'preferences.json') },
  });
  return {
    dir,
    repo,
    session,
    async dispose() {
      await session.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
