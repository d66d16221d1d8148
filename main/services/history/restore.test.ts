import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyFixture, sheetRevision, text, type HistoryFixture } from '../testing/history-fixture.js';
import { decodeRecord, encodeRecord, type RevisionRecord } from './revision-record.js';

let f: HistoryFixture;

beforeEach(async () => {
  f = await historyFixture();
  await f.h['sheets:create']({ variableId: 'big-data' });
});
afterEach(async () => {
  await f.dispose();
});

const current = async () => (await f.h['sheets:get']({ id: 'big-data' })).sheet;
const list = async () => (await f.h['history:list']({ sheetId: 'big-data' })).revisions;
const update = (patch: Parameters<HistoryFixture['h']['sheets:update']>[0]['patch']) =>
  f.h['sheets:update']({ id: 'big-data', patch });

async function committeeVersion() {
  await update({
    sections: { trajectoire: text('Trajectoire du comité.'), passe: text('Passé du comité.') },
    scenarios: { basse: { title: 'LA MISE EN RÉSEAU', angles: { social: text('Social du comité.') } } },
    authors: ['Anne'],
  });
  return f.h['history:recordVersion']({ sheetId: 'big-data', name: 'Comité du 12 mars' });
}

describe('restore', () => {
  it('restores a whole revision after recording the current state, and can be undone', async () => {
    const committee = await committeeVersion();
    await update({
      sections: { trajectoire: text('Trajectoire réécrite.'), passe: text('Passé réécrit.') },
      scenarios: { basse: { title: 'AUTRE TITRE' } },
      status: 'review',
      authors: ['Anne', 'Bruno'],
    });
    const edited = await current();

    const { preRestore, restore } = await f.h['history:restore']({ sheetId: 'big-data', seq: committee.seq });
    expect(preRestore).toMatchObject({ kind: 'pre-restore' });
    // Named by its id, which no sync changes; its number as listed now, to be shown.
    expect(restore).toMatchObject({
      kind: 'restore',
      restoredFrom: committee.id,
      restoredFromSeq: committee.seq,
    });
    expect(restore).not.toHaveProperty('restoredParts');
    const restored = await current();
    expect(restored.sections).toEqual({
      trajectoire: text('Trajectoire du comité.'),
      passe: text('Passé du comité.'),
    });
    expect(restored.microScenarios.scenarios['basse']?.title).toBe('LA MISE EN RÉSEAU');
    expect(restored.status).toBe('draft');
    expect(restored.authors).toEqual(['Anne']);
    expect((await list()).slice(0, 2).map((r) => r.kind)).toEqual(['restore', 'pre-restore']);

    // Restoring the pre-restore revision undoes the restore.
    await f.h['history:restore']({ sheetId: 'big-data', seq: preRestore.seq });
    const undone = await current();
    expect({ ...undone, updatedAt: '' }).toEqual({ ...edited, updatedAt: '' });
  });

  it('reads a restore recorded by number (a history written before revisions had ids) as that revision’s id', async () => {
    const committee = await committeeVersion();
    await update({ sections: { passe: text('Passé réécrit.') } });
    await f.h['history:restore']({ sheetId: 'big-data', seq: committee.id });
    const file = join(f.repo, 'history', 'big-data', 'revisions.jsonl');
    const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line !== '');
    const record = decodeRecord(Buffer.from(lines.at(-1) as string)) as RevisionRecord;
    expect(record).toMatchObject({ kind: 'restore', restoredFrom: committee.id });
    // As an older Fiches wrote it: the number of the revision in this log.
    lines[lines.length - 1] = encodeRecord({ ...record, restoredFrom: committee.seq });
    await writeFile(file, `${lines.join('\n')}\n`);
    await f.reopen();
    expect((await list())[0]).toMatchObject({
      kind: 'restore',
      restoredFrom: committee.id,
      restoredFromSeq: committee.seq,
    });
  });

  it('restores one section (or one hypothesis’s parts) and leaves the others as they are', async () => {
    const committee = await committeeVersion();
    await update({
      sections: { trajectoire: text('Trajectoire réécrite.'), passe: text('Passé réécrit.') },
      scenarios: { basse: { title: 'AUTRE TITRE', angles: { social: text('Social réécrit.') } } },
    });
    const { restore } = await f.h['history:restore']({
      sheetId: 'big-data',
      seq: committee.seq,
      parts: ['section/passe'],
    });
    expect(restore).toMatchObject({ restoredParts: ['section/passe'], changed: ['section/passe'] });
    let sheet = await current();
    expect(sheet.sections['passe']).toEqual(text('Passé du comité.'));
    expect(sheet.sections['trajectoire']).toEqual(text('Trajectoire réécrite.'));
    expect(sheet.microScenarios.scenarios['basse']?.title).toBe('AUTRE TITRE');

    await f.h['history:restore']({
      sheetId: 'big-data',
      seq: committee.seq,
      parts: ['scenario/basse/title', 'scenario/basse/angle/social'],
    });
    sheet = await current();
    expect(sheet.microScenarios.scenarios['basse']).toEqual({
      title: 'LA MISE EN RÉSEAU',
      angles: { economique: text(''), social: text('Social du comité.') },
    });
    expect(sheet.sections['trajectoire']).toEqual(text('Trajectoire réécrite.'));
  });

  it('compares a revision with another and with the current state', async () => {
    const committee = await committeeVersion();
    await update({ sections: { passe: text('Passé du comité, revu.') } });
    const later = await f.h['history:recordVersion']({ sheetId: 'big-data', name: 'Revue' });
    await update({ status: 'validated' });

    const between = await f.h['history:compare']({ sheetId: 'big-data', from: committee.seq, to: later.seq });
    expect(between.parts.filter((p) => p.changed).map((p) => p.key)).toEqual(['section/passe']);
    expect(between.meta).toEqual([]);
    const withNow = await f.h['history:compare']({ sheetId: 'big-data', from: committee.seq });
    expect(withNow.meta).toEqual([
      { field: 'status', label: 'Statut', before: 'Brouillon', after: 'Validée' },
    ]);
    const passe = withNow.parts.find((p) => p.key === 'section/passe');
    expect(passe?.blocks?.[0]).toMatchObject({
      kind: 'changed',
      segments: [
        { op: 'same', text: 'Passé du comité' },
        { op: 'ins', text: ', revu' },
        { op: 'same', text: '.' },
      ],
    });
  });

  it('never loses a save racing a restore: each is in the sheet, or in the pre-restore revision', async () => {
    const committee = await committeeVersion();
    // The requests leave together, as a fast typist's autosave and a click would: the queue
    // decides their order, and whatever it is, no saved text may vanish.
    const [, section] = await Promise.all([
      update({ sections: { trajectoire: text('Tapé juste avant.') } }),
      f.h['history:restore']({ sheetId: 'big-data', seq: committee.seq, parts: ['section/passe'] }),
      update({ scenarios: { basse: { angles: { social: text('Tapé juste après.') } } } }),
    ]);
    let sheet = await current();
    expect(sheet.sections['trajectoire']).toEqual(text('Tapé juste avant.'));
    expect(sheet.microScenarios.scenarios['basse']?.angles['social']).toEqual(text('Tapé juste après.'));
    expect(sheet.sections['passe']).toEqual(text('Passé du comité.'));
    expect(section.restore?.restoredParts).toEqual(['section/passe']);

    for (let round = 0; round < 5; round += 1) {
      const before = text(`Trajectoire ${round}.`);
      const after = text(`Passé ${round}.`);
      const [, whole] = await Promise.all([
        update({ sections: { trajectoire: before } }),
        f.h['history:restore']({ sheetId: 'big-data', seq: committee.seq }),
        update({ sections: { passe: after } }),
      ]);
      sheet = await current();
      const pre = (await sheetRevision(f.h, 'big-data', whole.preRestore.seq)).sheet;
      // Applied before the restore, a save is in the pre-restore revision; after it, in the sheet.
      expect([sheet.sections['trajectoire'], pre.sections['trajectoire']]).toContainEqual(before);
      expect([sheet.sections['passe'], pre.sections['passe']]).toContainEqual(after);
    }
  });

  it('shows a revision on its own, without today’s parts leaking into it', async () => {
    const first = await f.h['history:recordVersion']({ sheetId: 'big-data', name: 'Vide' });
    await committeeVersion();
    const { sheet, revision } = await sheetRevision(f.h, 'big-data', first.seq);
    expect(revision).toMatchObject({ kind: 'named', name: 'Vide' });
    expect(sheet.sections).toEqual({ trajectoire: text(''), passe: text('') });
    expect(sheet.authors).toEqual([]);
    expect(sheet.updatedAt).toBe(revision.at);
  });
});
