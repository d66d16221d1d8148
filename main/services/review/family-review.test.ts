import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FamilyPatch } from '../../../shared/api/contract.js';
import { dispatch, type Handlers } from '../../../shared/api/dispatch.js';
import { doc } from '../../../shared/content/builders.js';
import type { DocNode } from '../../../shared/content/doc.js';
import type { CommentThread } from '../../../shared/model/review.js';
import { FAMILY_FILE_SCHEMA_VERSION } from '../../../shared/model/sheet.js';
import { commentedText, commentThread, richParagraph } from '../../../shared/review/builders.js';
import { historyFixture, text, type HistoryFixture } from '../testing/history-fixture.js';
import { failure } from '../testing/failure.js';

/**
 * The review of a family's shared micro-scenarios: threads and title marks saved in
 * families/<id>.json (format 3) by families:update, checked as a sheet's are, recorded in
 * the family's history, listed by its comparison, never taken away by a restore.
 */

let f: HistoryFixture;

beforeEach(async () => {
  f = await historyFixture();
  await f.h['sheets:create']({ variableId: 'big-data' });
  await f.h['sheets:update']({ id: 'big-data', patch: { useFamilyMicroScenarios: true } });
});
afterEach(async () => {
  await f.dispose();
});

const family = { familyId: 'technologies' };
const familyFile = () => join(f.repo, 'families', 'technologies.json');
const edit = (patch: FamilyPatch) => f.h['families:update']({ ...family, patch });
const shared = async () => (await f.h['sheets:get']({ id: 'big-data' })).familyShared;
const revisions = async () => (await f.h['history:list'](family)).revisions;

const social = (threadId: string, words = 'les plateformes'): DocNode =>
  doc(richParagraph('Demain, ', commentedText(words, threadId), ' partagent leurs données.'));

const onAngle = commentThread({ id: 'c-1', part: 'scenario/basse/angle/social', quote: 'les plateformes' });
const onTitle = commentThread({ id: 'c-2', part: 'scenario/basse/title', quote: 'RÉSEAU' });

/** A comment on an angle of the shared micro-scenarios, as a sheet showing them saves it. */
const comment = (thread: CommentThread = onAngle) =>
  edit({
    scenarios: { basse: { angles: { social: social(thread.id, thread.quote) } } },
    threads: { [thread.id]: thread },
  });

describe('comment threads on the family’s shared micro-scenarios', () => {
  it('are saved in the family file, beside the marks of its titles, thread by thread', async () => {
    await comment();
    await edit({
      scenarios: { basse: { title: 'LA MISE EN RÉSEAU' } },
      titleMarks: { basse: [{ type: 'comment', attrs: { thread: 'c-2' }, from: 11, to: 17 }] },
      threads: { 'c-2': onTitle },
    });
    const reply = { id: 'r-1', author: 'Bruno Petit', at: '2025-03-12T10:00:00.000Z', text: 'D’accord.' };
    const resolved = { by: 'Bruno Petit', at: '2025-03-12T10:05:00.000Z' };
    await edit({ threads: { 'c-1': { ...onAngle, replies: [reply], resolved } } });

    const onDisk = JSON.parse(await readFile(familyFile(), 'utf8'));
    expect(onDisk.schemaVersion).toBe(FAMILY_FILE_SCHEMA_VERSION);
    expect(onDisk.review).toEqual({
      threads: { 'c-1': { ...onAngle, replies: [reply], resolved }, 'c-2': onTitle },
      titleMarks: { basse: [{ type: 'comment', attrs: { thread: 'c-2' }, from: 11, to: 17 }] },
    });
    expect((await shared()).review).toEqual(onDisk.review);
    // The sheet keeps its own review: nothing of the family's lands in it.
    expect((await f.h['sheets:get']({ id: 'big-data' })).sheet.review.threads).toEqual({});

    await edit({ threads: { 'c-1': null }, titleMarks: { basse: [] } });
    expect((await shared()).review).toEqual({ threads: { 'c-2': onTitle }, titleMarks: {} });
  });

  it('are checked as a sheet’s: only the shared titles and angles, who wrote what stays theirs', async () => {
    await comment();
    const before = await readFile(familyFile(), 'utf8');
    const onSection = commentThread({ id: 'c-3', part: 'section/passe', quote: 'x' });
    expect((await failure(edit({ threads: { 'c-3': onSection } }))).message).toMatch(
      /partie que les micro-scénarios partagés de la famille n’ont pas.*titres et leurs angles/,
    );
    const usurped = await failure(edit({ threads: { 'c-1': { ...onAngle, author: 'Quelqu’un d’autre' } } }));
    expect(usurped.code).toBe('invalid-request');
    const pastTheEnd = await failure(
      edit({ titleMarks: { basse: [{ type: 'comment', attrs: { thread: 'c-1' }, from: 0, to: 5 }] } }),
    );
    expect(pastTheEnd.message).toMatch(/dépasse la fin du titre/);
    // The contract refuses what is no thread, before the service sees it.
    const handlers = f.h as unknown as Handlers;
    const malformed = await dispatch(handlers, 'families:update', {
      ...family,
      patch: { threads: { 'c-4': { id: 'c-4', text: '' } } },
    });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await readFile(familyFile(), 'utf8')).toBe(before);
  });

  it('are recorded in the family’s history, listed by its comparison, and never taken away by a restore', async () => {
    await edit({
      note: text('Note.'),
      scenarios: { basse: { angles: { social: text('Demain, les plateformes partagent leurs données.') } } },
    });
    await f.h['history:checkpoint']({ sheetId: 'big-data' });
    const [plain] = await revisions();
    await comment();
    const named = await f.h['history:recordVersion']({ ...family, name: 'Commentée' });
    expect(named.changed).toEqual(expect.arrayContaining(['scenario/basse/angle/social', 'review']));
    const opened = await f.h['history:get']({ ...family, seq: named.seq });
    expect('family' in opened && opened.family.review.threads['c-1']).toEqual(onAngle);

    await edit({ threads: { 'c-1': { ...onAngle, resolved: { by: 'Anne Martin', at: onAngle.at } } } });
    const diff = await f.h['history:compare']({ ...family, from: plain?.seq ?? 0 });
    expect(diff.review.map((change) => [change.kind, change.partTitle, change.quote])).toEqual([
      ['new', 'Hypothèse basse, social', 'les plateformes'],
      ['resolved', 'Hypothèse basse, social', 'les plateformes'],
    ]);
    expect(diff.highlights).toEqual(
      expect.arrayContaining(['1\u00a0nouveau fil de commentaires', '1\u00a0fil de commentaires résolu']),
    );

    // Back to the state before the comment: the text goes back, the thread stays.
    await f.h['history:restore']({ ...family, seq: plain?.seq ?? 0 });
    const restored = await shared();
    expect(restored.review.threads['c-1']?.resolved?.by).toBe('Anne Martin');
    expect(restored.scenarios['basse']?.angles['social']).toEqual(
      text('Demain, les plateformes partagent leurs données.'),
    );
  });
});

describe('the family file’s format', () => {
  it('reads a format 1 file (before sync and comments) as one without review, and writes the current format at its next save', async () => {
    await mkdir(join(f.repo, 'families'), { recursive: true });
    const older = {
      schemaVersion: 1,
      familyId: 'technologies',
      note: text('Une note écrite avant les commentaires.'),
      scenarios: {},
    };
    await writeFile(familyFile(), JSON.stringify(older));
    expect(await shared()).toEqual({
      ...older,
      schemaVersion: FAMILY_FILE_SCHEMA_VERSION,
      review: { threads: {}, titleMarks: {} },
    });
    // Reading changed nothing on disk.
    expect(JSON.parse(await readFile(familyFile(), 'utf8'))).toEqual(older);
    await comment();
    const written = JSON.parse(await readFile(familyFile(), 'utf8'));
    expect(written.schemaVersion).toBe(FAMILY_FILE_SCHEMA_VERSION);
    expect(written.note).toEqual(older.note);
    expect(written.review.threads['c-1']).toEqual(onAngle);
  });

  it('leaves a file of a newer format as it is, and says why', async () => {
    await mkdir(join(f.repo, 'families'), { recursive: true });
    const newer = JSON.stringify({ schemaVersion: FAMILY_FILE_SCHEMA_VERSION + 1, familyId: 'technologies' });
    await writeFile(familyFile(), newer);
    const error = await failure(comment());
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(/version plus récente de Fiches/);
    expect(await readFile(familyFile(), 'utf8')).toBe(newer);
  });
});
