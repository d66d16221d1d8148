import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/api/dispatch.js';
import { historyFixture, sheetRevision, text, type HistoryFixture } from '../testing/history-fixture.js';
import { fixtureTemplate } from '../testing/fixtures.js';

let f: HistoryFixture;

beforeEach(async () => {
  f = await historyFixture();
  await f.h['sheets:create']({ variableId: 'big-data' });
});
afterEach(async () => {
  await f.dispose();
});

const list = async () => (await f.h['history:list']({ sheetId: 'big-data' })).revisions;
const kinds = async () => (await list()).map((revision) => revision.kind);
const save = (paragraph: string) =>
  f.h['sheets:update']({ id: 'big-data', patch: { sections: { passe: text(paragraph) } } });

describe('recording policy', () => {
  it('records the state before the first save, then one revision per interval of editing', async () => {
    await save('Un.');
    // The first save of a sheet without history records what was there before it.
    expect(await kinds()).toEqual(['initial']);
    f.advance(2);
    await save('Deux.');
    f.advance(2);
    await save('Trois.');
    expect(await kinds()).toEqual(['initial']);
    // Five minutes after the first save not yet in a revision: the next save records one.
    f.advance(1);
    await save('Quatre.');
    const revisions = await list();
    expect(revisions.map((r) => r.kind)).toEqual(['auto', 'initial']);
    expect(revisions[0]?.changed).toEqual(['section/passe']);
    expect(revisions[0]?.at).toBe('2025-03-12T09:05:00.000Z');
    const latest = await sheetRevision(f.h, 'big-data', revisions[0]?.seq ?? 0);
    expect(latest.sheet.sections['passe']).toEqual(text('Quatre.'));

    // The interval starts again from the next save.
    f.advance(4);
    await save('Cinq.');
    f.advance(4);
    await save('Six.');
    expect(await kinds()).toEqual(['auto', 'initial']);
    f.advance(1);
    await save('Sept.');
    expect(await kinds()).toEqual(['auto', 'auto', 'initial']);
  });

  it('follows the template’s interval', async () => {
    await writeFile(
      join(f.repo, 'template.json'),
      JSON.stringify({ ...fixtureTemplate, revisionIntervalMinutes: 30 }),
    );
    await save('Un.');
    await save('Deux.');
    f.advance(10);
    await save('Trois.');
    expect(await kinds()).toEqual(['initial']);
    expect((await f.h['history:list']({ sheetId: 'big-data' })).intervalMinutes).toBe(30);
    f.advance(20);
    await save('Quatre.');
    expect(await kinds()).toEqual(['auto', 'initial']);
  });

  it('records nothing when nothing changed since the latest revision', async () => {
    await save('Un.');
    f.advance(1);
    await save('Deux.');
    expect(await f.h['history:checkpoint']({ sheetId: 'big-data' })).toMatchObject({ kind: 'leave' });
    // Leaving again, or saving the same text after the interval, adds nothing.
    expect(await f.h['history:checkpoint']({ sheetId: 'big-data' })).toBeNull();
    await save('Deux.');
    f.advance(10);
    await save('Deux.');
    expect(await kinds()).toEqual(['leave', 'initial']);
  });

  it('records when the user leaves the sheet and when the repository closes', async () => {
    await save('Un.');
    const leave = await f.h['history:checkpoint']({ sheetId: 'big-data' });
    expect(leave).toMatchObject({ kind: 'leave', changed: ['section/passe'] });
    await save('Deux.');
    await f.reopen();
    const revisions = await list();
    expect(revisions.map((r) => r.kind)).toEqual(['close', 'leave', 'initial']);
    const closed = await sheetRevision(f.h, 'big-data', revisions[0]?.seq ?? 0);
    expect(closed.sheet.sections['passe']).toEqual(text('Deux.'));
    // Nothing was edited in the session just closed: no revision.
    await f.reopen();
    expect(await kinds()).toEqual(['close', 'leave', 'initial']);
  });

  it('records every status change, with its status', async () => {
    await f.h['sheets:update']({ id: 'big-data', patch: { status: 'review' } });
    await f.h['sheets:update']({ id: 'big-data', patch: { authors: ['Anne'] } });
    await f.h['sheets:update']({ id: 'big-data', patch: { status: 'validated' } });
    const revisions = await list();
    expect(revisions.map((r) => [r.kind, r.status])).toEqual([
      ['status', 'validated'],
      ['status', 'review'],
      ['initial', undefined],
    ]);
    expect(revisions[0]?.changed).toEqual(['meta']);
  });

  it('records a named version even when nothing changed, with its name and comment', async () => {
    await save('Un.');
    const named = await f.h['history:recordVersion']({
      sheetId: 'big-data',
      name: 'Version présentée au comité du 12 mars',
      comment: 'Après relecture d’Anne.',
    });
    expect(named).toMatchObject({
      kind: 'named',
      name: 'Version présentée au comité du 12 mars',
      comment: 'Après relecture d’Anne.',
      changed: ['section/passe'],
    });
    const again = await f.h['history:recordVersion']({ sheetId: 'big-data', name: 'Même état' });
    expect(again).toMatchObject({ kind: 'named', name: 'Même état', changed: [] });
    expect(again).not.toHaveProperty('comment');
    // The named version holds the pending edits: leaving adds nothing.
    expect(await f.h['history:checkpoint']({ sheetId: 'big-data' })).toBeNull();
  });

  it('signs revisions with the name from the preferences, the system’s user name until one is given', async () => {
    const before = await f.h['preferences:get']({});
    expect(before.isDefault).toBe(true);
    expect(before.authorName).not.toBe('');
    await save('Un.');
    expect((await list())[0]?.author).toBe(before.authorName);

    expect(await f.h['preferences:set']({ authorName: 'Anne Martin' })).toEqual({
      authorName: 'Anne Martin',
      isDefault: false,
    });
    const file = JSON.parse(await readFile(f.preferencesFile, 'utf8'));
    expect(file).toEqual({ schemaVersion: 1, authorName: 'Anne Martin' });
    await f.h['history:recordVersion']({ sheetId: 'big-data', name: 'Signée' });
    expect((await list())[0]?.author).toBe('Anne Martin');
    await f.reopen();
    expect(await f.h['preferences:get']({})).toEqual({ authorName: 'Anne Martin', isDefault: false });
  });

  it('reports unreadable preferences without rewriting them, and keeps their other fields when set', async () => {
    await f.session.close();
    await mkdir(join(f.dir, 'donnees'), { recursive: true });
    await writeFile(f.preferencesFile, '{ pas du JSON');
    await f.reopen();
    const broken = await f.h['preferences:get']({});
    expect(broken.isDefault).toBe(true);
    expect(broken.problem).toMatch(/illisibles/);
    expect(await readFile(f.preferencesFile, 'utf8')).toBe('{ pas du JSON');

    await writeFile(f.preferencesFile, JSON.stringify({ schemaVersion: 1, recent: ['/un/dépôt'] }));
    await f.reopen();
    await f.h['preferences:set']({ authorName: 'Bruno' });
    expect(JSON.parse(await readFile(f.preferencesFile, 'utf8'))).toEqual({
      schemaVersion: 1,
      recent: ['/un/dépôt'],
      authorName: 'Bruno',
    });
  });

  it('keeps an optional e-mail beside the name, until it is emptied; refuses a malformed one in French', async () => {
    expect(
      await f.h['preferences:set']({ authorName: 'Anne Martin', authorEmail: 'anne.martin@agence.fr' }),
    ).toEqual({ authorName: 'Anne Martin', authorEmail: 'anne.martin@agence.fr', isDefault: false });
    // A new name without an e-mail keeps the e-mail.
    await f.h['preferences:set']({ authorName: 'Anne M.' });
    await f.reopen();
    expect(await f.h['preferences:get']({})).toEqual({
      authorName: 'Anne M.',
      authorEmail: 'anne.martin@agence.fr',
      isDefault: false,
    });
    await f.h['preferences:set']({ authorName: 'Anne M.', authorEmail: '' });
    expect(JSON.parse(await readFile(f.preferencesFile, 'utf8'))).toEqual({
      schemaVersion: 1,
      authorName: 'Anne M.',
    });
    const handlers = f.h as unknown as Parameters<typeof dispatch>[0];
    const tidied = await dispatch(handlers, 'preferences:set', {
      authorName: 'Anne',
      authorEmail: ' a@b.fr ',
    });
    expect(tidied).toMatchObject({ ok: true, value: { authorEmail: 'a@b.fr' } });
    const bad = await dispatch(handlers, 'preferences:set', { authorName: 'Anne', authorEmail: 'anne@' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(JSON.stringify(bad)).toContain('n’est pas valide');
  });

  it('tidies names and refuses bad ones in French, before any service sees them', async () => {
    const handlers = f.h as unknown as Parameters<typeof dispatch>[0];
    const named = await dispatch(handlers, 'history:recordVersion', {
      sheetId: 'big-data',
      name: '  Version du comité ',
      comment: ' Relue. ',
    });
    expect(named).toMatchObject({ ok: true, value: { name: 'Version du comité', comment: 'Relue.' } });
    const author = await dispatch(handlers, 'preferences:set', { authorName: '  Anne Martin ' });
    expect(author).toMatchObject({ ok: true, value: { authorName: 'Anne Martin' } });
    const empty = await dispatch(handlers, 'history:recordVersion', { sheetId: 'big-data', name: '   ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(JSON.stringify(empty)).toContain('Le nom ne peut pas être vide');
    const control = await dispatch(handlers, 'history:recordVersion', {
      sheetId: 'big-data',
      name: 'Nom',
      comment: 'a\u0007b',
    });
    expect(JSON.stringify(control)).toContain('caractères de contrôle');
    const badPart = await dispatch(handlers, 'history:restore', {
      sheetId: 'big-data',
      seq: 1,
      parts: ['../../etc/passwd'],
    });
    expect(badPart).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
