import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { collectSheet, type PrintSheet } from '../export/sheet-input.js';
import { RepositoryContext } from '../repository/context.js';
import { RepositoryLayout } from '../repository/layout.js';
import { openRepository } from '../session.js';
import { tempDir } from './fixtures.js';

/** The sample repository (Big Data and its family) in a temp folder, for the print and PDF tests. */
export interface SampleRepository {
  dir: string;
  repo: string;
  context: RepositoryContext;
  /** The Big Data sheet as the exports read it. */
  bigData(): Promise<PrintSheet>;
  dispose(): Promise<void>;
}

export async function sampleRepository(): Promise<SampleRepository> {
  const dir = await tempDir('fiches-print-');
  const repo = join(dir, 'depot');
  const session = await openRepository(repo, { create: 'if-missing' });
  await session.close();
  const context = new RepositoryContext(new RepositoryLayout(repo));
  return {
    dir,
    repo,
    context,
    bigData: () => collectSheet(context, 'big-data'),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
