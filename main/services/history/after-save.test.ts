import { mkdir, readFile, rename, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SheetFile } from '../../../shared/model/sheet.js';
import { historyFixture, sheetRevision, text, type HistoryFixture } from '../testing/history-fixture.js';
import { SheetHistory } from './sheet-history.js';

/**
 * A save is reported as it happened. The history is recorded after the file is written:
 * when that recording fails, the words are on disk all the same, so the save is answered
 * as done; the revision is recorded at the next occasion, and the history says meanwhile
 * why it is missing.
 */
let f: HistoryFixture;

beforeEach(async () => {
  f = await historyFixture();
  await f.h['sheets:create']({ variableId: 'big-data' });
  // The first save records the sheet's initial state: its history is loaded from here on.
  await f.h['sheets:update']({ id: 'big-data', patch: { sections: { passe: text('Avant.') } } });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await f.dispose();
});

const revisionsFile = () => join(f.repo, 'history', 'big-data', 'revisions.jsonl');
const sheetOnDisk = async () =>
  JSON.parse(await readFile(join(f.repo, 'sheets', 'big-data.json'), 'utf8')) as SheetFile;

/** The revision log cannot be appended to (a folder where the file was) until `repair()`. */
async function breakRevisionLog() {
  const aside = `${revisionsFile()}.aside`;
  await rename(revisionsFile(), aside);
  await mkdir(revisionsFile());
  return async () => {
    await rmdir(revisionsFile());
    await rename(aside, revisionsFile());
  };
}

describe('a save whose revision cannot be recorded', () => {
  it('reports a status change as saved, says why its revision is missing, and records it later', async () => {
    const repair = await breakRevisionLog();
    const summary = await f.h['sheets:update']({ id: 'big-data', patch: { status: 'review' } });
    expect(summary.status).toBe('review');
    expect((await sheetOnDisk()).status).toBe('review');

    await repair();
    const { problems } = await f.h['history:list']({ sheetId: 'big-data' });
    expect(problems).toEqual([
      expect.stringMatching(/^La dernière modification n’a pas pu être enregistrée dans l’historique/),
    ]);
    const recorded = await f.h['history:checkpoint']({ sheetId: 'big-data' });
    expect(recorded).not.toBeNull();
    const { sheet } = await sheetRevision(f.h, 'big-data', recorded?.seq ?? 0);
    expect(sheet.status).toBe('review');
    expect((await f.h['history:list']({ sheetId: 'big-data' })).problems).toEqual([]);
  });

  it('reports an edit as saved when its revision is due and cannot be recorded, and records it at close', async () => {
    // The first save since the latest revision starts the interval; the one after it, due, records.
    await f.h['sheets:update']({ id: 'big-data', patch: { sections: { passe: text('Pendant.') } } });
    f.advance(10);
    const repair = await breakRevisionLog();
    await f.h['sheets:update']({ id: 'big-data', patch: { sections: { passe: text('Après.') } } });
    expect((await sheetOnDisk()).sections['passe']).toEqual(text('Après.'));
    await repair();
    await f.reopen();
    const [latest] = (await f.h['history:list']({ sheetId: 'big-data' })).revisions;
    expect(latest?.kind).toBe('close');
    const { sheet } = await sheetRevision(f.h, 'big-data', latest?.seq ?? 0);
    expect(sheet.sections['passe']).toEqual(text('Après.'));
  });

  it('reports a restore as done when the restore’s own revision cannot be recorded', async () => {
    const named = await f.h['history:recordVersion']({ sheetId: 'big-data', name: 'Avant' });
    await f.h['sheets:update']({ id: 'big-data', patch: { sections: { passe: text('Réécrit.') } } });
    const record = SheetHistory.prototype.record;
    let calls = 0;
    vi.spyOn(SheetHistory.prototype, 'record').mockImplementation(function (this: SheetHistory, ...args) {
      calls += 1;
      // The pre-restore revision is recorded; the restore's, after the sheet is written, fails.
      if (calls === 2) return Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' }));
      return record.apply(this, args);
    });
    const result = await f.h['history:restore']({ sheetId: 'big-data', seq: named.seq });
    expect(result.preRestore.kind).toBe('pre-restore');
    expect(result.restore).toBeNull();
    expect((await sheetOnDisk()).sections['passe']).toEqual(text('Avant.'));
    vi.restoreAllMocks();
    const later = await f.h['history:checkpoint']({ sheetId: 'big-data' });
    const { sheet } = await sheetRevision(f.h, 'big-data', later?.seq ?? 0);
    expect(sheet.sections['passe']).toEqual(text('Avant.'));
  });

  it('reports a family save as done when its revision cannot be recorded', async () => {
    await f.h['families:update']({ familyId: 'technologies', patch: { note: text('Note.') } });
    f.advance(10);
    vi.spyOn(SheetHistory.prototype, 'record').mockRejectedValue(
      Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }),
    );
    const saved = await f.h['families:update']({
      familyId: 'technologies',
      patch: { note: text('Note 3.') },
    });
    expect(saved.familyId).toBe('technologies');
    const family = JSON.parse(await readFile(join(f.repo, 'families', 'technologies.json'), 'utf8')) as {
      note: unknown;
    };
    expect(family.note).toEqual(text('Note 3.'));
  });
});
