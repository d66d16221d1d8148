import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { docOfParagraphs, type DocNode } from '../../../shared/content/doc.js';
import type { RevisionSummary } from '../../../shared/model/history.js';
import type { SheetFile } from '../../../shared/model/sheet.js';
import { openRepository, type RepositorySession, type ServiceHandlers } from '../session.js';
import { tempDir, writeFixtureRepository } from './fixtures.js';

/** A fixture repository with a clock the test moves, for the history's tests. */
export interface HistoryFixture {
  dir: string;
  repo: string;
  session: RepositorySession;
  h: ServiceHandlers;
  preferencesFile: string;
  /** Moves the policy's clock forward. */
  advance(minutes: number): void;
  /** Closes the session and opens the repository again, with the same clock. */
  reopen(): Promise<void>;
  dispose(): Promise<void>;
}

export async function historyFixture(): Promise<HistoryFixture> {
  const dir = await tempDir('fiches-history-');
  const repo = await writeFixtureRepository(join(dir, 'depot'));
  const preferencesFile = join(dir, 'donnees', 'preferences.json');
  let now = Date.parse('2025-03-12T09:00:00.000Z');
  const open = () =>
    openRepository(repo, { create: 'never', history: { now: () => new Date(now), preferencesFile } });
  const fixture: HistoryFixture = {
    dir,
    repo,
    session: await open(),
    get h() {
      return fixture.session.handlers;
    },
    preferencesFile,
    advance(minutes) {
      now += minutes * 60_000;
    },
    async reopen() {
      await fixture.session.close();
      fixture.session = await open();
    },
    async dispose() {
      await fixture.session.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return fixture;
}

export const text = (...paragraphs: string[]): DocNode => docOfParagraphs(paragraphs);

/** history:get of a sheet's revision: its answer holds the sheet (a family's holds `family`). */
export async function sheetRevision(
  h: Pick<ServiceHandlers, 'history:get'>,
  sheetId: string,
  seq: number | string,
): Promise<{ revision: RevisionSummary; sheet: SheetFile }> {
  const answer = await h['history:get']({ sheetId, seq });
  if (!('sheet' in answer)) throw new Error(`history:get answered no sheet for ${sheetId}`);
  return answer;
}
