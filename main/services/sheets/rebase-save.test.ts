import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { doc } from '../../../shared/content/builders.js';
import { textOf } from '../../../shared/content/doc.js';
import { commentedText, commentThread, richParagraph } from '../../../shared/review/builders.js';
import type { TitleMark } from '../../../shared/model/review.js';
import type { ServiceHandlers } from '../session.js';
import { openFixturePerTest } from '../testing/fixture-per-test.js';
import { paragraphs } from '../testing/team-fixture.js';

/**
 * An editor saves a section it started editing before a sync changed it: the save carries
 * the value it started from, and the section is merged, not replaced, so the colleague's
 * words stay.
 */
let h: ServiceHandlers;
let repo: string;
openFixturePerTest((fixture) => {
  h = fixture.h;
  repo = fixture.repo;
});

/** What a sync does to the file while the editor is open. */
async function colleagueWrites(section: string, texts: string[]): Promise<void> {
  const path = join(repo, 'sheets', 'big-data.json');
  const sheet = JSON.parse(await readFile(path, 'utf8'));
  sheet.sections[section] = paragraphs(...texts);
  await writeFile(path, JSON.stringify(sheet));
}

describe('sheets:update with the value the editor started from', () => {
  it('merges a section a sync changed meanwhile: both edits kept, the parts to read again named', async () => {
    await h['sheets:create']({ variableId: 'big-data' });
    const start = paragraphs('Premier.', 'Second.');
    await h['sheets:update']({ id: 'big-data', patch: { sections: { passe: start } } });
    await colleagueWrites('passe', ['Premier, revu par Bruno.', 'Second.']);
    const summary = await h['sheets:update']({
      id: 'big-data',
      patch: {
        sections: { passe: paragraphs('Premier.', 'Second, revu par Anne.') },
        base: { sections: { passe: start } },
      },
    });
    expect(summary.merged).toEqual(['section/passe']);
    const { sheet } = await h['sheets:get']({ id: 'big-data' });
    expect(textOf(sheet.sections.passe!)).toBe('Premier, revu par Bruno.\nSecond, revu par Anne.');
    expect(sheet.conflicts).toBeUndefined();
  });

  it('keeps both versions of a paragraph both changed, in a conflict', async () => {
    await h['sheets:create']({ variableId: 'big-data' });
    const start = paragraphs('Premier.');
    await h['sheets:update']({ id: 'big-data', patch: { sections: { passe: start } } });
    await colleagueWrites('passe', ['Premier, selon Bruno.']);
    const summary = await h['sheets:update']({
      id: 'big-data',
      patch: {
        sections: { passe: paragraphs('Premier, selon Anne.') },
        base: { sections: { passe: start } },
      },
    });
    expect(summary).toMatchObject({ merged: ['section/passe'], conflicts: 1 });
    const { sheet } = await h['sheets:get']({ id: 'big-data' });
    expect(textOf(sheet.sections.passe!)).toBe('Premier, selon Anne.');
    expect(textOf(sheet.conflicts![0]!.value as never)).toBe('Premier, selon Bruno.');
  });

  it('replaces as before when the file still holds what the editor started from, or no base is sent', async () => {
    await h['sheets:create']({ variableId: 'big-data' });
    const start = paragraphs('Premier.');
    await h['sheets:update']({ id: 'big-data', patch: { sections: { passe: start } } });
    const same = await h['sheets:update']({
      id: 'big-data',
      patch: { sections: { passe: paragraphs('Autre.') }, base: { sections: { passe: start } } },
    });
    expect(same.merged).toBeUndefined();
    await colleagueWrites('passe', ['Bruno.']);
    await h['sheets:update']({ id: 'big-data', patch: { sections: { passe: paragraphs('Anne.') } } });
    expect(textOf((await h['sheets:get']({ id: 'big-data' })).sheet.sections.passe!)).toBe('Anne.');
  });
});

describe('sheets:update of a comment thread, with the thread the editor started from', () => {
  const thread = commentThread({ id: 'c-1', part: 'section/passe', quote: 'Premier.' });
  const reply = (id: string, author: string, minute: number) => ({
    id,
    author,
    at: `2025-03-12T10:${String(minute).padStart(2, '0')}:00.000Z`,
    text: `Réponse de ${author}.`,
  });
  const brunos = reply('r-bruno', 'Bruno Petit', 5);
  const annes = reply('r-anne', 'Anne Martin', 10);

  /** A sync brings Bruno's reply to the thread while Anne's sheet is open. */
  async function colleagueReplies(): Promise<void> {
    const path = join(repo, 'sheets', 'big-data.json');
    const sheet = JSON.parse(await readFile(path, 'utf8'));
    sheet.review.threads['c-1'].replies.push(brunos);
    await writeFile(path, JSON.stringify(sheet));
  }

  async function commented(): Promise<void> {
    await h['sheets:create']({ variableId: 'big-data' });
    await h['sheets:update']({
      id: 'big-data',
      patch: {
        sections: { passe: doc(richParagraph(commentedText('Premier.', 'c-1'))) },
        threads: { 'c-1': thread },
      },
    });
  }

  it('keeps a reply a sync brought meanwhile when the editor answers or resolves the thread', async () => {
    await commented();
    await colleagueReplies();
    const resolved = { by: 'Anne Martin', at: '2025-03-12T10:11:00.000Z' };
    const summary = await h['sheets:update']({
      id: 'big-data',
      patch: {
        threads: { 'c-1': { ...thread, replies: [annes], resolved } },
        base: { threads: { 'c-1': thread } },
      },
    });
    // The review is to be read again: it holds more than the editor sent.
    expect(summary.merged).toEqual(['review']);
    const saved = (await h['sheets:get']({ id: 'big-data' })).sheet.review.threads['c-1'];
    expect(saved?.replies).toEqual([brunos, annes]);
    expect(saved?.resolved).toEqual(resolved);
  });

  it('keeps a thread the editor deleted when a colleague answered it meanwhile', async () => {
    await commented();
    await colleagueReplies();
    const summary = await h['sheets:update']({
      id: 'big-data',
      patch: { threads: { 'c-1': null }, base: { threads: { 'c-1': thread } } },
    });
    expect(summary.merged).toEqual(['review']);
    expect((await h['sheets:get']({ id: 'big-data' })).sheet.review.threads['c-1']?.replies).toEqual([
      brunos,
    ]);
  });

  it('replaces the thread as before when nothing changed it meanwhile', async () => {
    await commented();
    const summary = await h['sheets:update']({
      id: 'big-data',
      patch: {
        threads: { 'c-1': { ...thread, replies: [annes] } },
        base: { threads: { 'c-1': thread } },
      },
    });
    expect(summary.merged).toBeUndefined();
    expect((await h['sheets:get']({ id: 'big-data' })).sheet.review.threads['c-1']?.replies).toEqual([annes]);
  });
});

describe('sheets:update of a title’s marks, with the marks the editor started from', () => {
  const TITLE = 'Une croissance lente des usages';
  const comment = (thread: string, from: number, to: number): TitleMark => ({
    type: 'comment',
    attrs: { thread },
    from,
    to,
  });
  const annes = comment('c-anne', 4, 14);
  const brunos = comment('c-bruno', 25, 31);
  const added = comment('c-claire', 15, 20);
  const threadOn = (id: string, quote: string) => commentThread({ id, part: 'scenario/basse/title', quote });

  async function titled(): Promise<void> {
    await h['sheets:create']({ variableId: 'big-data' });
    await h['sheets:update']({
      id: 'big-data',
      patch: {
        scenarios: { basse: { title: TITLE } },
        threads: { 'c-anne': threadOn('c-anne', 'croissance') },
        titleMarks: { basse: [annes] },
      },
    });
  }

  /** A sync brings Bruno's comment on the title (its thread and its mark) while the sheet is open. */
  async function colleagueComments(): Promise<void> {
    const path = join(repo, 'sheets', 'big-data.json');
    const sheet = JSON.parse(await readFile(path, 'utf8'));
    sheet.review.threads['c-bruno'] = threadOn('c-bruno', 'usages');
    sheet.review.titleMarks.basse.push(brunos);
    await writeFile(path, JSON.stringify(sheet));
  }

  const marksInFile = async () =>
    (await h['sheets:get']({ id: 'big-data' })).sheet.review.titleMarks.basse ?? [];

  it('keeps a colleague’s mark a sync brought meanwhile when the editor adds one', async () => {
    await titled();
    await colleagueComments();
    const summary = await h['sheets:update']({
      id: 'big-data',
      patch: {
        threads: { 'c-claire': threadOn('c-claire', 'lente') },
        titleMarks: { basse: [annes, added] },
        base: { threads: { 'c-claire': null }, titleMarks: { basse: [annes] } },
      },
    });
    // The review is to be read again: it holds more than the editor sent.
    expect(summary.merged).toEqual(['review']);
    expect(await marksInFile()).toEqual(expect.arrayContaining([annes, added, brunos]));
    expect(await marksInFile()).toHaveLength(3);
  });

  it('removes the mark the editor removed, and only that one', async () => {
    await titled();
    await colleagueComments();
    const summary = await h['sheets:update']({
      id: 'big-data',
      patch: {
        threads: { 'c-anne': null },
        titleMarks: { basse: [] },
        base: { titleMarks: { basse: [annes] } },
      },
    });
    expect(summary.merged).toEqual(['review']);
    expect(await marksInFile()).toEqual([brunos]);
  });

  it('replaces the marks as before when nothing changed them meanwhile, or no base is sent', async () => {
    await titled();
    const summary = await h['sheets:update']({
      id: 'big-data',
      patch: { titleMarks: { basse: [annes, added] }, base: { titleMarks: { basse: [annes] } } },
    });
    expect(summary.merged).toBeUndefined();
    expect(await marksInFile()).toEqual([annes, added]);
    await colleagueComments();
    await h['sheets:update']({ id: 'big-data', patch: { titleMarks: { basse: [added] } } });
    expect(await marksInFile()).toEqual([added]);
  });
});
