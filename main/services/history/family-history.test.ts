import { appendFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FamilyPatch } from '../../../shared/api/contract.js';
import { dispatch } from '../../../shared/api/dispatch.js';
import { familyFileSchema } from '../../../shared/model/sheet.js';
import { historyFixture, text, type HistoryFixture } from '../testing/history-fixture.js';

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
const list = async () => (await f.h['history:list'](family)).revisions;
const kinds = async () => (await list()).map((revision) => revision.kind);
const edit = (patch: FamilyPatch) => f.h['families:update']({ ...family, patch });
const shared = async () => (await f.h['sheets:get']({ id: 'big-data' })).familyShared;
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as { code: string; message: string },
  );

describe('history of a family’s shared micro-scenarios', () => {
  it('records by the sheets’ policy, in its own folder, apart from the sheet’s history', async () => {
    await edit({ scenarios: { basse: { title: 'UN' } } });
    // The first save records the state before it: here, never written yet.
    expect(await kinds()).toEqual(['initial']);
    f.advance(3);
    await edit({ scenarios: { basse: { title: 'DEUX' } } });
    expect(await kinds()).toEqual(['initial']);
    f.advance(2);
    await edit({ note: text('Note partagée.') });
    const revisions = await list();
    expect(revisions.map((r) => r.kind)).toEqual(['auto', 'initial']);
    expect(revisions[0]?.changed).toEqual(expect.arrayContaining(['note', 'scenario/basse/title']));

    // Leaving a sheet that shows the family's micro-scenarios checkpoints them too.
    await edit({ scenarios: { basse: { angles: { social: text('Social partagé.') } } } });
    await f.h['history:checkpoint']({ sheetId: 'big-data' });
    expect(await kinds()).toEqual(['leave', 'auto', 'initial']);
    // Closing: only what changed since.
    await edit({ scenarios: { haute: { title: 'HAUTE' } } });
    await f.reopen();
    expect(await kinds()).toEqual(['close', 'leave', 'auto', 'initial']);

    expect(
      (await f.h['history:list']({ sheetId: 'big-data' })).revisions.every(
        (r) => !r.changed.includes('note'),
      ),
    ).toBe(true);
    expect((await readdir(join(f.repo, 'history'))).sort()).toEqual(['@family-technologies', 'big-data']);
  });

  it('compares two revisions, or one with today’s content', async () => {
    await edit({ note: text('Première note.'), scenarios: { basse: { title: 'LA MISE EN RÉSEAU' } } });
    await f.h['history:checkpoint']({ sheetId: 'big-data' });
    await edit({
      note: text('Seconde note.'),
      scenarios: { basse: { title: 'LA DIFFICILE MISE EN RÉSEAU' } },
    });
    await f.h['history:checkpoint']({ sheetId: 'big-data' });
    const [auto, first] = await list();
    const diff = await f.h['history:compare']({ ...family, from: first?.seq ?? 0, to: auto?.seq ?? 0 });
    const title = diff.parts.find((part) => part.key === 'scenario/basse/title');
    expect(title).toMatchObject({ changed: true, title: 'Hypothèse basse (titre)' });
    expect(title?.segments?.filter((s) => s.op === 'ins').map((s) => s.text.trim())).toEqual(['DIFFICILE']);
    expect(diff.parts[0]).toMatchObject({ key: 'note', title: 'Note de la famille', changed: true });

    await edit({ note: text('Note réécrite.') });
    const withNow = await f.h['history:compare']({ ...family, from: auto?.seq ?? 0 });
    expect(withNow.parts.filter((part) => part.changed).map((part) => part.key)).toEqual(['note']);
  });

  it('restores a whole revision or one part, recording the state before it', async () => {
    await edit({ note: text('Note du comité.'), scenarios: { basse: { title: 'COMITÉ' } } });
    await f.h['history:checkpoint']({ sheetId: 'big-data' });
    const [committee] = await list();
    await edit({ note: text('Note réécrite.'), scenarios: { basse: { title: 'RÉÉCRIT' } } });

    const part = await f.h['history:restore']({
      ...family,
      seq: committee?.seq ?? 0,
      parts: ['scenario/basse/title'],
    });
    expect(part.preRestore.kind).toBe('pre-restore');
    expect(part.restore).toMatchObject({ kind: 'restore', restoredParts: ['scenario/basse/title'] });
    expect((await shared()).scenarios['basse']?.title).toBe('COMITÉ');
    expect((await shared()).note).toEqual(text('Note réécrite.'));

    await f.h['history:restore']({ ...family, seq: committee?.seq ?? 0 });
    expect((await shared()).note).toEqual(text('Note du comité.'));
    // The pre-restore revision undoes the restore.
    await f.h['history:restore']({ ...family, seq: part.restore?.seq ?? 0 });
    expect((await shared()).note).toEqual(text('Note réécrite.'));
    expect((await shared()).scenarios['basse']?.title).toBe('COMITÉ');
  });

  it('opens a revision as it was, whole, without today’s content', async () => {
    await edit({ note: text('Note du comité.'), scenarios: { basse: { title: 'COMITÉ' } } });
    await f.h['history:checkpoint']({ sheetId: 'big-data' });
    const [committee] = await list();
    await edit({ note: text('Note réécrite.'), scenarios: { haute: { title: 'HAUTE' } } });

    const answer = await f.h['history:get']({ ...family, seq: committee?.seq ?? 0 });
    if (!('family' in answer)) throw new Error('a family revision answers its family');
    expect(answer.revision).toMatchObject({ seq: committee?.seq, kind: 'leave' });
    expect(answer.family.familyId).toBe('technologies');
    expect(answer.family.note).toEqual(text('Note du comité.'));
    expect(answer.family.scenarios['basse']?.title).toBe('COMITÉ');
    // Written after that revision: not in it.
    expect(answer.family.scenarios['haute']).toBeUndefined();
    // What it answers is a family file as the repository keeps them.
    expect(familyFileSchema.safeParse(answer.family).success).toBe(true);
  });

  it('names a version, even of an unchanged state, with its comment, in the family’s history only', async () => {
    await edit({ note: text('Note présentée.') });
    const named = await f.h['history:recordVersion']({
      ...family,
      name: 'Présentée au comité',
      comment: 'Version du 12 mars',
    });
    expect(named).toMatchObject({
      kind: 'named',
      name: 'Présentée au comité',
      comment: 'Version du 12 mars',
    });
    const again = await f.h['history:recordVersion']({ ...family, name: 'Même état' });
    expect(again.seq).toBe(named.seq + 1);
    expect(again.changed).toEqual([]);
    expect((await list()).slice(0, 2).map((revision) => revision.name)).toEqual([
      'Même état',
      'Présentée au comité',
    ]);
    const opened = await f.h['history:get']({ ...family, seq: named.seq });
    expect('family' in opened && opened.family.note).toEqual(text('Note présentée.'));
    const sheetNames = (await f.h['history:list']({ sheetId: 'big-data' })).revisions.map((r) => r.name);
    expect(sheetNames).not.toContain('Présentée au comité');
  });

  it('refuses a version name the contract refuses, and a family never named', async () => {
    const handlers = f.h as unknown as Parameters<typeof dispatch>[0];
    const empty = await dispatch(handlers, 'history:recordVersion', { ...family, name: '   ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const both = await dispatch(handlers, 'history:get', { ...family, sheetId: 'big-data', seq: 1 });
    expect(both).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect((await failure(f.h['history:recordVersion']({ familyId: 'inconnue', name: 'X' }))).code).toBe(
      'not-found',
    );
    expect((await failure(f.h['history:get']({ familyId: 'inconnue', seq: 1 }))).code).toBe('not-found');
    const missing = await failure(f.h['history:get']({ ...family, seq: 7 }));
    expect(missing.code).toBe('not-found');
    expect(missing.message).toContain('micro-scénarios partagés de la famille');
  });

  it('refuses what does not exist: a revision, a part, a family, a sheet-only part', async () => {
    await edit({ note: text('Une note.') });
    const missing = await failure(f.h['history:restore']({ ...family, seq: 42 }));
    expect(missing.code).toBe('not-found');
    expect(missing.message).toContain('micro-scénarios partagés de la famille');
    const part = await failure(f.h['history:restore']({ ...family, seq: 1, parts: ['section/passe'] }));
    expect(part.code).toBe('not-found');
    expect((await failure(f.h['history:list']({ familyId: 'inconnue' }))).code).toBe('not-found');
    // A sheet's revision has no family note.
    const noNote = await failure(f.h['history:restore']({ sheetId: 'big-data', seq: 1, parts: ['note'] }));
    expect(noNote.code).toBe('not-found');
    const handlers = f.h as unknown as Parameters<typeof dispatch>[0];
    // One history at a time: a request naming both a sheet and a family is refused before any service.
    const both = await dispatch(handlers, 'history:list', { sheetId: 'big-data', familyId: 'technologies' });
    expect(both).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('reports a damaged line and keeps the other revisions readable', async () => {
    await edit({ note: text('Un.') });
    f.advance(5);
    await edit({ note: text('Deux.') });
    await appendFile(join(f.repo, 'history', '@family-technologies', 'revisions.jsonl'), '{"seq":3,"oups"\n');
    await f.reopen();
    const { revisions, problems } = await f.h['history:list'](family);
    expect(revisions.map((r) => r.kind)).toEqual(['auto', 'initial']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('history/@family-technologies/revisions.jsonl');
    const diff = await f.h['history:compare']({ ...family, from: 1, to: 2 });
    expect(diff.parts.find((part) => part.key === 'note')?.changed).toBe(true);
  });
});
