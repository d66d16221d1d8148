import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../shared/model/sheet.js';
import type { Review } from '../../../shared/model/review.js';
import { titleWithoutSuggestions } from '../../../shared/review/title-marks.js';
import { CLAIRE, reviewSamplePerTest } from './testing/review-sample.js';
import { WordEdit } from './testing/word-edit.js';

/**
 * A scenario title is plain text in the sheet, its marks kept beside it (review.titleMarks):
 * a reviewer's comment on a title's words, and the changes they make to it in Word, come
 * back as they do for any other text: a thread on the same words, and suggestions.
 */

const { h, exported, importReview } = reviewSamplePerTest();

/** The words a title's marks of `type` cover, by thread or suggestion id. */
function marked(
  scenario: Scenario | undefined,
  marks: Review['titleMarks'][string] | undefined,
  type: string,
) {
  return (marks ?? [])
    .filter((mark) => mark.type === type)
    .map((mark) => (scenario?.title ?? '').slice(mark.from, mark.to));
}

/** A reviewer's copy: a comment on a title's words, a word added to another title with tracking on. */
function reviewed(bytes: Buffer): Buffer {
  return new WordEdit(bytes)
    .splitRuns()
    .comment('CHAÎNE DE VALEUR', { ...CLAIRE, text: 'Trop technique ?' })
    .insertAfter('LA DIFFICILE MISE EN RÉSEAU', ' LENTE', CLAIRE.author, CLAIRE.date)
    .save();
}

describe('a Word review of the micro-scenarios’ titles', () => {
  it('lists the comment on its title’s words, and the tracked change in a title', async () => {
    const found = await importReview(reviewed(await exported()), 'none');
    expect(
      found.comments.map((comment) => [comment.owner, comment.part, comment.quote, comment.anchored]),
    ).toEqual([['family', 'scenario/haute/title', 'CHAÎNE DE VALEUR', true]]);
    expect(
      found.changes.map((change) => [change.owner, change.part, change.kind, change.tracked, change.text]),
    ).toEqual([['family', 'scenario/tendancielle/title', 'insertion', true, ' LENTE']]);
  });

  it('lands the comment as a thread on the title’s words and the change as a suggestion in the title', async () => {
    const before = (await h()['sheets:get']({ id: 'big-data' })).familyShared;
    await importReview(reviewed(await exported()), 'all');
    const now = (await h()['sheets:get']({ id: 'big-data' })).familyShared;

    const threads = Object.values(now.review.threads);
    expect(threads.map((thread) => [thread.part, thread.quote, thread.author, thread.text])).toEqual([
      ['scenario/haute/title', 'CHAÎNE DE VALEUR', 'Claire Dubois', 'Trop technique ?'],
    ]);
    const haute = now.scenarios['haute'];
    expect(haute?.title).toBe(before.scenarios['haute']?.title);
    expect(marked(haute, now.review.titleMarks['haute'], 'comment')).toEqual(['CHAÎNE DE VALEUR']);

    // The word offered, not applied: the title as it stands while its suggestion waits is the exported one.
    const tendancielle = now.scenarios['tendancielle'];
    const marks = now.review.titleMarks['tendancielle'] ?? [];
    expect(marked(tendancielle, marks, 'insertion')).toEqual([' LENTE']);
    expect(marks.find((mark) => mark.type === 'insertion')?.attrs).toMatchObject({
      author: 'Claire Dubois',
      date: '2025-04-02T10:00:00Z',
    });
    expect(titleWithoutSuggestions(tendancielle?.title ?? '', marks)).toBe(
      before.scenarios['tendancielle']?.title,
    );
  });

  it('follows the title’s words when the title changed since the export', async () => {
    const bytes = reviewed(await exported());
    const title = (await h()['sheets:get']({ id: 'big-data' })).familyShared.scenarios['haute']?.title ?? '';
    await h()['families:update']({
      familyId: 'evolutions-technologiques',
      patch: { scenarios: { haute: { title: `VERS ${title}` } } },
    });
    await importReview(bytes, 'all');
    const now = (await h()['sheets:get']({ id: 'big-data' })).familyShared;
    expect(now.scenarios['haute']?.title).toBe(`VERS ${title}`);
    expect(marked(now.scenarios['haute'], now.review.titleMarks['haute'], 'comment')).toEqual([
      'CHAÎNE DE VALEUR',
    ]);
  });
});

describe('a Word review of a sheet’s own micro-scenarios’ titles', () => {
  it('lands on the sheet’s title, in the sheet’s review', async () => {
    await h()['sheets:update']({
      id: 'big-data',
      patch: {
        useFamilyMicroScenarios: false,
        scenarios: { haute: { title: 'DES DONNÉES OUVERTES POUR TOUS' } },
      },
    });
    const bytes = new WordEdit(await exported())
      .comment('OUVERTES', { ...CLAIRE, text: 'Ouvertes à qui ?' })
      .save();
    const found = await importReview(bytes, 'all');
    expect(found.comments.map((comment) => [comment.owner, comment.part, comment.quote])).toEqual([
      ['sheet', 'scenario/haute/title', 'OUVERTES'],
    ]);
    const { sheet } = await h()['sheets:get']({ id: 'big-data' });
    expect(Object.values(sheet.review.threads).map((thread) => thread.part)).toEqual([
      'scenario/haute/title',
    ]);
    expect(
      marked(sheet.microScenarios.scenarios['haute'], sheet.review.titleMarks['haute'], 'comment'),
    ).toEqual(['OUVERTES']);
  });
});
