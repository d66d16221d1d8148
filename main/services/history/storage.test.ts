import { appendFile, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyFixture, sheetRevision, text, type HistoryFixture } from '../testing/history-fixture.js';
import { encodeRecord, type RevisionRecord } from './revision-record.js';
import { failure } from '../testing/failure.js';

let f: HistoryFixture;

const paragraphs = Array.from(
  { length: 12 },
  (_, i) =>
    `Paragraphe ${i + 1} : le Big Data désigne un ensemble de données volumineux qui augmente de façon exponentielle.`,
);

beforeEach(async () => {
  f = await historyFixture();
  await f.h['sheets:create']({ variableId: 'big-data' });
  await f.h['sheets:update']({
    id: 'big-data',
    patch: { sections: { trajectoire: text(...paragraphs), passe: text('Le passé.') } },
  });
});
afterEach(async () => {
  await f.dispose();
});

const file = (name: 'objects.jsonl' | 'revisions.jsonl') => join(f.repo, 'history', 'big-data', name);
const lines = async (name: 'objects.jsonl' | 'revisions.jsonl') =>
  (await readFile(file(name), 'utf8')).split('\n').filter((line) => line !== '');
const named = (name: string) => f.h['history:recordVersion']({ sheetId: 'big-data', name });

/** Saves the trajectory with paragraph `index` changed, then names the state. */
async function editParagraph(index: number, version: number) {
  const changed = paragraphs.map((p, i) => (i === index ? `${p} Révision ${version}.` : p));
  await f.h['sheets:update']({ id: 'big-data', patch: { sections: { trajectoire: text(...changed) } } });
  return named(`Version ${version}`);
}

describe('storage', () => {
  it('stores unchanged content once: a revision costs the paragraph it changed', async () => {
    await named('Départ');
    const objectsBefore = (await lines('objects.jsonl')).length;
    const bytesBefore = (await stat(file('objects.jsonl'))).size;

    const versions = 60;
    for (let v = 1; v <= versions; v += 1) await editParagraph(v % paragraphs.length, v);
    // Each revision adds its new paragraph and the section's new list of blocks, nothing else.
    expect((await lines('objects.jsonl')).length - objectsBefore).toBe(2 * versions);
    const perRevision = ((await stat(file('objects.jsonl'))).size - bytesBefore) / versions;
    const sheetBytes = (await stat(join(f.repo, 'sheets', 'big-data.json'))).size;
    expect(perRevision).toBeLessThan(sheetBytes / 4);

    // Naming an unchanged state, or going back to a state already stored, stores no content.
    const objectsNow = (await lines('objects.jsonl')).length;
    await named('Même état');
    await f.h['history:restore']({ sheetId: 'big-data', seq: 2 });
    expect((await lines('objects.jsonl')).length).toBe(objectsNow);
  });

  it('lists revisions from the small index, and rebuilds any of them exactly', async () => {
    const count = 37;
    for (let v = 1; v <= count; v += 1) await editParagraph(v % paragraphs.length, v);
    const records = (await lines('revisions.jsonl')).map(
      (line) => JSON.parse(line) as { parts?: unknown; changed: Record<string, unknown> },
    );
    // Every record names every part, so each reads on its own; and what changed, for the timeline.
    expect(records.every((record) => record.parts)).toBe(true);
    expect(records.slice(2).every((record) => Object.keys(record.changed).length === 1)).toBe(true);
    const { revisions, problems } = await f.h['history:list']({ sheetId: 'big-data' });
    expect(problems).toEqual([]);
    expect(revisions.map((r) => r.seq)).toEqual(Array.from({ length: count + 1 }, (_, i) => count + 1 - i));
    for (const seq of [2, 17, 32, count + 1]) {
      const { sheet } = await sheetRevision(f.h, 'big-data', seq);
      const v = seq - 1;
      expect(sheet.sections['trajectoire']?.content?.[v % paragraphs.length]).toEqual(
        text(`${paragraphs[v % paragraphs.length]} Révision ${v}.`).content?.[0],
      );
      expect(sheet.sections['passe']).toEqual(text('Le passé.'));
    }
  });

  it('still reads a history whose records name only their changes (written before every record was whole)', async () => {
    for (let v = 1; v <= 4; v += 1) await editParagraph(v, v);
    await f.session.close();
    const whole = (await lines('revisions.jsonl')).map((line) => {
      const { sum: _, ...record } = JSON.parse(line) as RevisionRecord & { sum: string };
      return record;
    });
    const chained = whole.map(({ parts, ...record }) => (record.seq === 1 ? { ...record, parts } : record));
    await writeFile(file('revisions.jsonl'), `${chained.map((record) => encodeRecord(record)).join('\n')}\n`);
    await f.reopen();
    for (let seq = 1; seq <= 5; seq += 1) {
      const { sheet } = await sheetRevision(f.h, 'big-data', seq);
      expect(sheet.sections['trajectoire']).toBeDefined();
    }
    // Such a chain breaks at a damaged line: the old records after it say so.
    const damaged = [...(await lines('revisions.jsonl'))];
    damaged[2] = (damaged[2] as string).replace('Version 2', 'Version X');
    await writeFile(file('revisions.jsonl'), `${damaged.join('\n')}\n`);
    await f.reopen();
    const { revisions } = await f.h['history:list']({ sheetId: 'big-data' });
    expect(revisions.find((r) => r.seq === 4)?.damaged).toMatch(/historique ancien/);
    expect((await failure(f.h['history:get']({ sheetId: 'big-data', seq: 4 }))).code).toBe('damaged');
    // The next record is whole, readable whatever came before it.
    expect((await editParagraph(5, 5)).seq).toBe(6);
    expect((await f.h['history:get']({ sheetId: 'big-data', seq: 6 })).revision.name).toBe('Version 5');
  });

  it('reports a damaged revision line with its number, keeps the others readable, and leaves the file as it is', async () => {
    for (let v = 1; v <= 4; v += 1) await editParagraph(v, v);
    const original = await lines('revisions.jsonl');
    const damaged = [...original];
    damaged[2] = (damaged[2] as string).replace('Version 2', 'Version X');
    await writeFile(file('revisions.jsonl'), `${damaged.join('\n')}\n`);
    await f.reopen();

    const { revisions, problems } = await f.h['history:list']({ sheetId: 'big-data' });
    expect(problems).toEqual([
      'La ligne 3 de history/big-data/revisions.jsonl est endommagée\u00a0: la version n°\u00a03 ne peut pas être lue\u00a0; les autres versions restent lisibles. Le fichier est laissé tel quel.',
    ]);
    expect(revisions.map((r) => r.seq)).toEqual([5, 4, 2, 1]);
    expect(revisions.filter((r) => r.damaged)).toEqual([]);
    expect((await failure(f.h['history:get']({ sheetId: 'big-data', seq: 3 }))).code).toBe('not-found');
    expect((await f.h['history:get']({ sheetId: 'big-data', seq: 4 })).revision.name).toBe('Version 3');
    expect((await f.h['history:get']({ sheetId: 'big-data', seq: 2 })).revision.name).toBe('Version 1');

    // The damaged line keeps its number: the next revision comes after it, and the line stays as it is.
    const next = await editParagraph(5, 5);
    expect(next.seq).toBe(6);
    expect((await f.h['history:get']({ sheetId: 'big-data', seq: 6 })).revision.name).toBe('Version 5');
    expect((await lines('revisions.jsonl'))[2]).toBe(damaged[2]);
  });

  it('reports a well-sealed line of unknown shape (a newer version’s record) like a damaged one', async () => {
    await editParagraph(1, 1);
    const foreign = encodeRecord({
      seq: 3,
      at: '2025-03-12T10:00:00.000Z',
      author: 'Anne',
      kind: 'merge',
      changed: {},
    } as unknown as RevisionRecord);
    await f.session.close();
    await appendFile(file('revisions.jsonl'), `${foreign}\n`);
    await f.reopen();
    const { revisions, problems } = await f.h['history:list']({ sheetId: 'big-data' });
    expect(problems).toEqual([expect.stringMatching(/^La ligne 3 de history\/big-data\/revisions\.jsonl/)]);
    expect(revisions.map((r) => r.seq)).toEqual([2, 1]);
    // Recorded after it: a whole record with its own number, the unknown line left as it is.
    expect((await editParagraph(2, 2)).seq).toBe(4);
    expect((await lines('revisions.jsonl'))[2]).toBe(foreign);
  });

  it('reports a damaged content line on the revisions that need it, and only those', async () => {
    await editParagraph(0, 1);
    await editParagraph(7, 2);
    const objects = await lines('objects.jsonl');
    const target = objects.findIndex((line) => line.includes('Révision 2.'));
    objects[target] = (objects[target] as string).replace('Révision 2.', 'Révision 9.');
    await writeFile(file('objects.jsonl'), `${objects.join('\n')}\n`);
    await f.reopen();

    const { revisions, problems } = await f.h['history:list']({ sheetId: 'big-data' });
    expect(problems).toEqual([expect.stringMatching(/history\/big-data\/objects\.jsonl est endommagée/)]);
    expect(revisions.find((r) => r.seq === 3)?.damaged).toMatch(/Trajectoire de la variable/);
    expect(revisions.find((r) => r.seq === 2)?.damaged).toBeUndefined();
    const error = await failure(f.h['history:get']({ sheetId: 'big-data', seq: 3 }));
    expect(error.code).toBe('damaged');
    expect(error.message).toMatch(/«\u00a0Trajectoire de la variable\u00a0»/);
    // Its undamaged section still restores.
    await f.h['history:restore']({ sheetId: 'big-data', seq: 3, parts: ['section/passe'] });
    expect((await f.h['history:get']({ sheetId: 'big-data', seq: 2 })).revision.name).toBe('Version 1');
  });

  it('ignores a torn last line (a write cut short) and cuts it off before appending', async () => {
    await editParagraph(1, 1);
    const sizes = {
      objects: (await stat(file('objects.jsonl'))).size,
      revisions: (await stat(file('revisions.jsonl'))).size,
    };
    await f.session.close();
    await appendFile(file('objects.jsonl'), '{"h":"abcdefghijklmnopqrstuv","d":{"type":"para');
    await appendFile(file('revisions.jsonl'), '{"seq":3,"at":"2025-03-12T09:');
    await f.reopen();

    const { revisions, problems } = await f.h['history:list']({ sheetId: 'big-data' });
    expect(problems).toEqual([]);
    expect(revisions.map((r) => r.seq)).toEqual([2, 1]);
    expect((await stat(file('objects.jsonl'))).size).toBe(sizes.objects);
    expect((await stat(file('revisions.jsonl'))).size).toBe(sizes.revisions);
    await editParagraph(2, 2);
    await f.reopen();
    expect((await f.h['history:list']({ sheetId: 'big-data' })).problems).toEqual([]);
    expect((await f.h['history:get']({ sheetId: 'big-data', seq: 3 })).revision.name).toBe('Version 2');
  });

  it('answers not-found, in French, for what does not exist', async () => {
    const missing = await failure(f.h['history:get']({ sheetId: 'big-data', seq: 99 }));
    expect(missing.code).toBe('not-found');
    expect(missing.message).toBe(
      'La version n°\u00a099 de la fiche «\u00a0big-data\u00a0» n’existe pas\u00a0: rouvrez l’historique pour voir les versions enregistrées.',
    );
    const section = await failure(
      f.h['history:restore']({ sheetId: 'big-data', seq: 1, parts: ['section/inconnue'] }),
    );
    expect(section.code).toBe('not-found');
    expect(section.message).toMatch(/ne contient pas «\u00a0inconnue\u00a0»/);
    expect((await failure(f.h['history:restore']({ sheetId: 'big-data', seq: 42 }))).code).toBe('not-found');
    expect((await failure(f.h['history:compare']({ sheetId: 'big-data', from: 42 }))).code).toBe('not-found');
    expect((await failure(f.h['history:list']({ sheetId: 'inconnue' }))).code).toBe('not-found');
    // A sheet never saved has an empty history, not an error.
    expect(await f.h['history:list']({ sheetId: 'cobotique' })).toEqual({
      revisions: [],
      problems: [],
      intervalMinutes: 5,
    });
  });
});
