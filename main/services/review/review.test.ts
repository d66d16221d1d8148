import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { doc, paragraph } from '../../../shared/content/builders.js';
import type { DocNode } from '../../../shared/content/doc.js';
import { REVIEW_LIMITS, type CommentThread } from '../../../shared/model/review.js';
import { SHEET_SCHEMA_VERSION } from '../../../shared/model/sheet.js';
import { commentedText, commentThread, richParagraph } from '../../../shared/review/builders.js';
import { dispatch, type Handlers } from '../../../shared/api/dispatch.js';
import { historyFixture, sheetRevision, type HistoryFixture } from '../testing/history-fixture.js';
import { failure } from '../testing/failure.js';

let f: HistoryFixture;

beforeEach(async () => {
  f = await historyFixture();
  await f.h['sheets:create']({ variableId: 'big-data' });
});
afterEach(async () => {
  await f.dispose();
});

type Patch = Parameters<HistoryFixture['h']['sheets:update']>[0]['patch'];
const update = (patch: Patch) => f.h['sheets:update']({ id: 'big-data', patch });
const current = async () => (await f.h['sheets:get']({ id: 'big-data' })).sheet;
const sheetFile = () => join(f.repo, 'sheets', 'big-data.json');

const passe = (threadId: string, words = 'les données massives'): DocNode =>
  doc(richParagraph('Dès 2010, ', commentedText(words, threadId), ' changent tout.'));

const first = commentThread({ id: 'c-1', part: 'section/passe', quote: 'les données massives' });

/** What a user does when commenting: the anchor in the text and the thread, in one save. */
const comment = (thread: CommentThread = first) =>
  update({ sections: { passe: passe(thread.id, thread.quote) }, threads: { [thread.id]: thread } });

describe('comment threads', () => {
  it('are saved with the sheet, replied to, resolved and reopened thread by thread', async () => {
    await comment();
    expect((await current()).review.threads).toEqual({ 'c-1': first });

    const reply = { id: 'r-1', author: 'Bruno Petit', at: '2025-03-12T10:00:00.000Z', text: 'D’accord.' };
    const resolved = { by: 'Bruno Petit', at: '2025-03-12T10:05:00.000Z' };
    const second = commentThread({ id: 'c-2', part: 'scenario/basse/title', quote: 'RÉSEAU' });
    await update({
      scenarios: { basse: { title: 'LA MISE EN RÉSEAU' } },
      titleMarks: { basse: [{ type: 'comment', attrs: { thread: 'c-2' }, from: 11, to: 17 }] },
      threads: { 'c-2': second },
    });
    // Another save names c-1 only: c-2 stays as it is.
    await update({ threads: { 'c-1': { ...first, replies: [reply], resolved } } });
    const saved = await current();
    expect(saved.review.threads['c-1']).toEqual({ ...first, replies: [reply], resolved });
    expect(saved.review.threads['c-2']).toEqual(second);
    expect(saved.review.titleMarks).toEqual({
      basse: [{ type: 'comment', attrs: { thread: 'c-2' }, from: 11, to: 17 }],
    });
    expect(JSON.parse(await readFile(sheetFile(), 'utf8')).review).toEqual(saved.review);

    await update({ threads: { 'c-1': { ...first, replies: [reply] } }, titleMarks: { basse: [] } });
    const reopened = await current();
    expect(reopened.review.threads['c-1']?.resolved).toBeUndefined();
    expect(reopened.review.titleMarks).toEqual({});

    await update({ threads: { 'c-1': null } });
    expect(Object.keys((await current()).review.threads)).toEqual(['c-2']);
  });

  it('keep who wrote what and where: a patch cannot rewrite an author, a date or a part', async () => {
    await comment({
      ...first,
      replies: [{ id: 'r-1', author: 'Bruno Petit', at: '2025-03-12T10:00:00.000Z', text: 'Oui.' }],
    });
    const before = await readFile(sheetFile(), 'utf8');
    const refused = [
      { ...first, author: 'Quelqu’un d’autre' },
      { ...first, at: '2026-01-01T00:00:00.000Z' },
      { ...first, part: 'section/trajectoire' },
      {
        ...first,
        replies: [{ id: 'r-1', author: 'Usurpateur', at: '2025-03-12T10:00:00.000Z', text: 'Oui.' }],
      },
    ];
    for (const thread of refused) {
      const error = await failure(update({ threads: { 'c-1': thread } }));
      expect(error.code).toBe('invalid-request');
      expect(error.message).toMatch(/fil de commentaires «\u00a0c-1\u00a0»/);
    }
    // Unknown parts, a thread filed under another id, a title mark past its title.
    expect(
      (
        await failure(
          update({ threads: { 'c-3': commentThread({ id: 'c-3', part: 'section/inconnue', quote: 'x' }) } }),
        )
      ).message,
    ).toMatch(/partie que le modèle de fiche n’a pas/);
    expect((await failure(update({ threads: { 'c-4': { ...first } } }))).message).toMatch(
      /sous l’identifiant/,
    );
    expect(
      (
        await failure(
          update({ titleMarks: { basse: [{ type: 'comment', attrs: { thread: 'c-1' }, from: 0, to: 5 }] } }),
        )
      ).message,
    ).toMatch(/dépasse la fin du titre/);
    expect(await readFile(sheetFile(), 'utf8')).toBe(before);
  });

  it('answer bad input with the reason, in French, before anything is written', async () => {
    const before = await readFile(sheetFile(), 'utf8');
    const notHere = () => Promise.reject(new Error('not under test'));
    const handlers: Handlers = {
      ...f.h,
      'app:info': notHere,
      'repository:choose': notHere,
      'export:save': notHere,
      'sync:join': notHere,
      'sync:joinProgress': notHere,
      'volume:save': notHere,
    };
    const send = (threads: unknown) =>
      dispatch(handlers, 'sheets:update', { id: 'big-data', patch: { threads } });
    const empty = await send({ 'c-1': { ...first, text: '   ' } });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(JSON.stringify(empty)).toContain('Le commentaire est vide.');
    const long = await send({ 'c-1': { ...first, text: 'x'.repeat(REVIEW_LIMITS.text + 1) } });
    expect(JSON.stringify(long)).toContain('Le commentaire dépasse');
    const badId = await send({ 'Pas un id': { ...first, id: 'Pas un id' } });
    expect(badId).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const tooMany = Object.fromEntries(
      Array.from({ length: REVIEW_LIMITS.threads + 1 }, (_, i) => [`c-${i}`, { ...first, id: `c-${i}` }]),
    );
    expect(JSON.stringify(await send(tooMany))).toContain('Au plus 1000 fils de commentaires');
    const control = await send({ 'c-1': { ...first, text: 'un\u0007bip' } });
    expect(JSON.stringify(control)).toContain('caractères de contrôle');
    expect(await readFile(sheetFile(), 'utf8')).toBe(before);
  });

  it('past their limits by a sync’s union: still read, resolved and edited, but nothing more is added', async () => {
    await comment();
    const replies = Array.from({ length: REVIEW_LIMITS.replies + 50 }, (_, n) => ({
      id: `r-${n}`,
      author: n % 2 ? 'Bruno Petit' : 'Anne Martin',
      at: new Date(Date.UTC(2025, 2, 1) + n * 60_000).toISOString(),
      text: `Réponse ${n}.`,
    }));
    const others = Array.from({ length: REVIEW_LIMITS.threads }, (_, n) =>
      commentThread({ id: `c-x${n}`, part: 'section/passe', quote: 'les données massives' }),
    );
    // What a merge of two copies wrote: more replies, and more threads, than one person may add.
    const file = JSON.parse(await readFile(sheetFile(), 'utf8'));
    file.review.threads = {
      'c-1': { ...first, replies },
      ...Object.fromEntries(others.map((thread) => [thread.id, thread])),
    };
    await writeFile(sheetFile(), JSON.stringify(file));
    expect((await current()).review.threads['c-1']?.replies).toHaveLength(replies.length);
    const resolved = { by: 'Anne Martin', at: '2025-04-01T10:00:00.000Z' };
    await update({ threads: { 'c-1': { ...first, replies, resolved } } });
    expect((await current()).review.threads['c-1']?.resolved).toEqual(resolved);
    const more = { id: 'r-more', author: 'Anne Martin', at: '2025-04-01T11:00:00.000Z', text: 'Encore.' };
    const before = await readFile(sheetFile(), 'utf8');
    const reply = await failure(update({ threads: { 'c-1': { ...first, replies: [...replies, more] } } }));
    expect(reply.message).toBe(
      `Un fil compte au plus ${REVIEW_LIMITS.replies} réponses\u00a0: celui-ci en a ${replies.length} (réunies par une synchronisation), il ne peut plus en recevoir.`,
    );
    const thread = await failure(comment(commentThread({ id: 'c-new', part: 'section/passe', quote: 'x' })));
    expect(thread.message).toMatch(/^Une fiche compte au plus 1000 fils de commentaires/);
    expect(await readFile(sheetFile(), 'utf8')).toBe(before);
    // Deleting one leaves the others as they are.
    await update({ threads: { 'c-x0': null } });
    expect(Object.keys((await current()).review.threads)).toHaveLength(REVIEW_LIMITS.threads);
  });

  it('are counted on the home view while open', async () => {
    const summaryOf = async () =>
      (await f.h['repository:overview']({})).families
        .flatMap((family) => family.variables)
        .find((variable) => variable.id === 'big-data')?.sheet;
    expect((await summaryOf())?.openThreads).toBe(0);
    await comment();
    await update({
      threads: { 'c-2': commentThread({ id: 'c-2', part: 'section/trajectoire', quote: 'x' }) },
    });
    expect((await summaryOf())?.openThreads).toBe(2);
    const summary = await update({
      threads: {
        'c-2': {
          ...commentThread({ id: 'c-2', part: 'section/trajectoire', quote: 'x' }),
          resolved: { by: 'Anne Martin', at: '2025-03-12T11:00:00.000Z' },
        },
      },
    });
    expect(summary.openThreads).toBe(1);
    expect((await summaryOf())?.openThreads).toBe(1);
  });
});

describe('the review in the history', () => {
  it('is part of each revision, and the comparison lists new and resolved threads', async () => {
    await update({ sections: { passe: doc(paragraph('Dès 2010, les données massives changent tout.')) } });
    const before = await f.h['history:recordVersion']({ sheetId: 'big-data', name: 'Avant relecture' });
    await comment();
    const reviewed = await f.h['history:recordVersion']({ sheetId: 'big-data', name: 'Relue' });
    expect(reviewed.changed).toEqual(['section/passe', 'review']);
    const { sheet } = await sheetRevision(f.h, 'big-data', reviewed.seq);
    expect(sheet.review.threads).toEqual({ 'c-1': first });
    expect((await sheetRevision(f.h, 'big-data', before.seq)).sheet.review.threads).toEqual({});

    const compared = await f.h['history:compare']({
      sheetId: 'big-data',
      from: before.seq,
      to: reviewed.seq,
    });
    expect(compared.review).toEqual([
      {
        kind: 'new',
        thread: 'c-1',
        partTitle: 'Évolution passée',
        quote: 'les données massives',
        author: 'Anne Martin',
        text: 'À préciser.',
      },
    ]);
    expect(compared.highlights).toContain('1\u00a0nouveau fil de commentaires');
    // The anchor alone changed the section's formatting, not its words.
    expect(compared.parts.find((part) => part.key === 'section/passe')?.blocks?.[0]).toMatchObject({
      kind: 'changed',
      formatOnly: true,
    });

    await update({
      threads: { 'c-1': { ...first, resolved: { by: 'Bruno Petit', at: '2025-03-12T12:00:00.000Z' } } },
    });
    const now = await f.h['history:compare']({ sheetId: 'big-data', from: reviewed.seq });
    expect(now.review).toMatchObject([{ kind: 'resolved', thread: 'c-1', by: 'Bruno Petit' }]);
    expect(now.parts.every((part) => !part.changed)).toBe(true);
  });

  it('stores a thread once: a reply stores its thread again, not the others', async () => {
    const threads = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [
        `c-${i}`,
        commentThread({
          id: `c-${i}`,
          part: 'section/passe',
          quote: 'x',
          text: `Commentaire ${i} `.repeat(20),
        }),
      ]),
    );
    await update({ threads });
    await f.h['history:recordVersion']({ sheetId: 'big-data', name: 'Vingt fils' });
    const objects = join(f.repo, 'history', 'big-data', 'objects.jsonl');
    const size = async () => (await readFile(objects)).length;
    const before = await size();
    const reply = { id: 'r-1', author: 'Bruno Petit', at: '2025-03-12T10:00:00.000Z', text: 'Vu.' };
    await update({ threads: { 'c-3': { ...(threads['c-3'] as CommentThread), replies: [reply] } } });
    await f.h['history:recordVersion']({ sheetId: 'big-data', name: 'Une réponse' });
    const added = (await size()) - before;
    const oneThread = JSON.stringify(threads['c-3']).length;
    // The replied thread and the review's list of threads, far less than the twenty threads.
    expect(added).toBeLessThan(oneThread + 2000);
    expect(added).toBeLessThan(JSON.stringify(threads).length / 4);
  });

  it('a restore brings back the threads of the restored text and takes none away', async () => {
    await comment();
    const commented = await f.h['history:recordVersion']({ sheetId: 'big-data', name: 'Commentée' });
    // The commented words are deleted, then the thread deleted too; a new thread comes meanwhile.
    const later = commentThread({ id: 'c-2', part: 'section/trajectoire', quote: 'autre' });
    await update({
      sections: { passe: doc(paragraph('Tout a changé.')) },
      threads: { 'c-1': null, 'c-2': later },
    });

    await f.h['history:restore']({ sheetId: 'big-data', seq: commented.seq, parts: ['section/passe'] });
    const restored = await current();
    expect(restored.sections['passe']).toEqual(passe('c-1'));
    expect(restored.review.threads).toEqual({ 'c-1': first, 'c-2': later });

    // A whole restore keeps the thread written after the version too.
    await update({ threads: { 'c-1': null } });
    await f.h['history:restore']({ sheetId: 'big-data', seq: commented.seq });
    expect(Object.keys((await current()).review.threads).sort()).toEqual(['c-1', 'c-2']);
  });
});

describe('format 1 sheets', () => {
  it('open with an empty review, and are written in the current format by the next save', async () => {
    const file = JSON.parse(await readFile(sheetFile(), 'utf8'));
    delete file.review;
    await writeFile(sheetFile(), JSON.stringify({ ...file, schemaVersion: 1 }));
    await f.reopen();
    expect((await current()).review).toEqual({ threads: {}, titleMarks: {} });
    await comment();
    const saved = JSON.parse(await readFile(sheetFile(), 'utf8'));
    expect(saved.schemaVersion).toBe(SHEET_SCHEMA_VERSION);
    expect(Object.keys(saved.review.threads)).toEqual(['c-1']);
  });

  it('a sheet of a newer format is left as it is, with the reason', async () => {
    const file = JSON.parse(await readFile(sheetFile(), 'utf8'));
    const newer = SHEET_SCHEMA_VERSION + 1;
    await writeFile(sheetFile(), JSON.stringify({ ...file, schemaVersion: newer }));
    await f.reopen();
    const error = await failure(current());
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(/version plus récente de Fiches/);
    expect(JSON.parse(await readFile(sheetFile(), 'utf8')).schemaVersion).toBe(newer);
  });
});
