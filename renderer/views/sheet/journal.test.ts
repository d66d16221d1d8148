import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { EditJournal, SheetJournal } from './journal.js';
import type { Part } from './parts.js';

const intro: Part = { kind: 'section', section: 'trajectoire' };
const passe: Part = { kind: 'section', section: 'passe' };
const doc = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

const loaded = new Map<string, unknown>([
  ['section/trajectoire', doc('sur le disque')],
  ['section/passe', doc('passé sur le disque')],
]);
const loadedValue = (part: Part) =>
  part.kind === 'section' ? loaded.get(`section/${part.section}`) : undefined;

/** A page's journal: a fresh database per test, opened as a page opens it. */
let opened: Promise<EditJournal>;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  opened = EditJournal.open();
});

async function entries(sheetId = 'cobotique') {
  const journal = await EditJournal.open();
  try {
    return await journal.entriesOf(sheetId);
  } finally {
    journal.close();
  }
}

describe('the journal of unacknowledged edits', () => {
  it('keeps a batch until the host acknowledges it, with the host’s value it started from', async () => {
    const sheet = new SheetJournal(opened, 'cobotique', loadedValue);
    const attempt = sheet.keep([{ part: intro, value: doc('tapé') }]);
    await sheet.settled();
    expect(await entries()).toEqual([
      expect.objectContaining({
        sheetId: 'cobotique',
        key: 'section/trajectoire',
        part: intro,
        value: doc('tapé'),
        base: doc('sur le disque'),
        writer: sheet.writer,
        attempt,
      }),
    ]);
    sheet.acknowledged(attempt, [{ part: intro, value: doc('tapé') }]);
    await sheet.settled();
    expect(await entries()).toEqual([]);
  });

  it('survives the page: a journal opened again (after a reload, a crash) still has it', async () => {
    const sheet = new SheetJournal(opened, 'cobotique', loadedValue);
    sheet.keep([
      { part: intro, value: doc('mot 1') },
      { part: passe, value: doc('mot 2') },
    ]);
    await sheet.settled();
    (await opened).close();
    const found = await entries();
    expect(found.map((entry) => [entry.key, entry.value])).toEqual([
      ['section/passe', doc('mot 2')],
      ['section/trajectoire', doc('mot 1')],
    ]);
    expect(await entries('big-data')).toEqual([]);
  });

  it('keeps a newer attempt when an older one is acknowledged, and the latest value of a part', async () => {
    const sheet = new SheetJournal(opened, 'cobotique', loadedValue);
    const first = sheet.keep([{ part: intro, value: doc('v1') }]);
    sheet.keep([{ part: intro, value: doc('v2') }]);
    sheet.acknowledged(first, [{ part: intro, value: doc('v1') }]);
    await sheet.settled();
    expect((await entries()).map((entry) => entry.value)).toEqual([doc('v2')]);
  });

  it('never forgets what another tab wrote, and bases the next edits on the acknowledged value', async () => {
    const mine = new SheetJournal(opened, 'cobotique', loadedValue);
    const theirs = new SheetJournal(opened, 'cobotique', loadedValue);
    const attempt = mine.keep([{ part: intro, value: doc('à moi') }]);
    mine.acknowledged(attempt, [{ part: intro, value: doc('à moi') }]);
    await mine.settled();
    theirs.keep([{ part: intro, value: doc('à eux') }]);
    await theirs.settled();
    mine.acknowledged(attempt, [{ part: intro, value: doc('à moi') }]);
    await mine.settled();
    expect((await entries()).map((entry) => entry.value)).toEqual([doc('à eux')]);

    mine.keep([{ part: intro, value: doc('à moi, encore') }]);
    await mine.settled();
    expect((await entries())[0]).toMatchObject({ value: doc('à moi, encore'), base: doc('à moi') });
  });

  it('stores a value as the JSON text the autosave serialised for its request, not as a tree to clone', async () => {
    const sheet = new SheetJournal(opened, 'cobotique', loadedValue);
    const value = doc('tapé une fois');
    sheet.keep([{ part: intro, value, json: JSON.stringify(value) }]);
    await sheet.settled();
    (await opened).close();
    const database = await openDB('fiches-journal', 1);
    const [stored] = (await database.getAll('edits')) as Record<string, unknown>[];
    database.close();
    expect(stored).toMatchObject({
      valueJson: JSON.stringify(value),
      baseJson: JSON.stringify(doc('sur le disque')),
    });
    expect(stored).not.toHaveProperty('value');
    expect((await entries())[0]).toMatchObject({ value, base: doc('sur le disque') });
  });

  it('still offers back entries journaled as objects, before values were stored as text', async () => {
    (await opened).close();
    const database = await openDB('fiches-journal', 1);
    const older = {
      sheetId: 'cobotique',
      key: 'section/passe',
      part: passe,
      value: doc('journalisé avant'),
      base: doc('passé sur le disque'),
      writer: 'an-older-page',
      attempt: 3,
      at: '2025-11-30T09:00:00.000Z',
    };
    await database.put('edits', older);
    database.close();
    const sheet = new SheetJournal(EditJournal.open(), 'cobotique', loadedValue);
    sheet.keep([{ part: intro, value: doc('tapé après') }]);
    await sheet.settled();
    const found = await entries();
    expect(found).toEqual([
      older,
      expect.objectContaining({
        key: 'section/trajectoire',
        value: doc('tapé après'),
        base: doc('sur le disque'),
      }),
    ]);
    // The host's acknowledgement of another page's attempt leaves it alone, as before.
    sheet.acknowledged(99, [{ part: passe, value: doc('autre') }]);
    await sheet.settled();
    expect((await entries()).map((entry) => entry.key)).toContain('section/passe');
  });

  it('removes what the user took back or gave up', async () => {
    const sheet = new SheetJournal(opened, 'cobotique', loadedValue);
    sheet.keep([
      { part: intro, value: doc('a') },
      { part: passe, value: doc('b') },
    ]);
    await sheet.settled();
    await (await opened).remove('cobotique', ['section/trajectoire']);
    expect((await entries()).map((entry) => entry.key)).toEqual(['section/passe']);
  });

  it('lets the save go on without a journal when the browser has none', async () => {
    const sheet = new SheetJournal(Promise.resolve(undefined), 'cobotique', loadedValue);
    const attempt = sheet.keep([{ part: intro, value: doc('a') }]);
    sheet.acknowledged(attempt, [{ part: intro, value: doc('a') }]);
    await expect(sheet.settled()).resolves.toBeUndefined();
  });
});
