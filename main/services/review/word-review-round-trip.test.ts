import { beforeEach, describe, expect, it } from 'vitest';
import type { DocNode } from '../../../shared/content/doc.js';
import { anchorsOfDoc } from '../../../shared/review/anchors.js';
import { commentOn, commentThread } from '../../../shared/review/builders.js';
import { reviewInLibreOffice } from './testing/libreoffice-review.js';
import { CLAIRE, reviewSamplePerTest } from './testing/review-sample.js';
import { WordEdit } from './testing/word-edit.js';

/**
 * A copy exported « avec les commentaires » goes to a reviewer, who answers a thread,
 * resolves another and adds a comment of their own; Word numbers every comment anew when
 * it saves. Back in Fiches, the comments the copy printed are the sheet's threads: never
 * attached a second time; the reviewer's answers join them and their resolution is taken;
 * only the reviewer's own comment is a new thread. The same for the family's threads.
 */

const FAMILY = 'evolutions-technologiques';
const MARC = { author: 'Marc Leroy', date: '2025-04-03T08:30:00Z' };

const fixture = reviewSamplePerTest();
const { h, sheet, shared, exported, importReview } = fixture;
const exportedWithComments = () => exported(true);

beforeEach(async () => {
  const passe = (await sheet()).sections.passe as DocNode;
  await h()['sheets:update']({
    id: 'big-data',
    patch: {
      sections: { passe: commentOn(commentOn(passe, 'une histoire récente', 'c-s1'), 'cabinet IDC', 'c-s2') },
      threads: {
        'c-s1': commentThread({
          id: 'c-s1',
          part: 'section/passe',
          quote: 'une histoire récente',
          text: 'Depuis quand ?',
          replies: [
            { id: 'r-s1', author: 'Paul Durand', at: '2025-03-13T09:00:00.000Z', text: 'À vérifier.' },
          ],
        }),
        'c-s2': commentThread({
          id: 'c-s2',
          part: 'section/passe',
          quote: 'cabinet IDC',
          text: 'Lien vers l’étude IDC ?',
        }),
      },
    },
  });
  const social = (await shared()).scenarios['basse']?.angles['social'] as DocNode;
  await h()['families:update']({
    familyId: FAMILY,
    patch: {
      scenarios: { basse: { angles: { social: commentOn(social, 'les salariés peu formés', 'c-f1') } } },
      threads: {
        'c-f1': commentThread({
          id: 'c-f1',
          part: 'scenario/basse/angle/social',
          quote: 'les salariés peu formés',
          text: 'Quelle source ?',
        }),
      },
    },
  });
});
/** The reviewer's copy: two answers, a thread resolved, one comment of their own, the comments renumbered. */
async function reviewed(): Promise<Buffer> {
  return new WordEdit(await exportedWithComments())
    .splitRuns()
    .reply('Depuis quand', { ...MARC, text: 'Fin des années 1990.' })
    .resolve('Lien vers l’étude IDC')
    .reply('Quelle source', { ...CLAIRE, text: 'Le baromètre régional.' })
    .comment('menée avec ATOS', { ...CLAIRE, text: 'Quels autres partenaires ?' })
    .renumberComments()
    .save();
}

describe('a Word review of a copy exported with its comments', () => {
  it('lists the threads the copy printed as already in the sheet, with the answers they get', async () => {
    const found = await importReview(await reviewed(), 'none');
    const listed = found.comments.map((comment) => [
      comment.owner,
      comment.text,
      comment.known,
      comment.newReplies,
      comment.resolved,
    ]);
    expect(listed).toEqual(
      expect.arrayContaining([
        ['sheet', 'Depuis quand ?', true, 1, false],
        ['sheet', 'Lien vers l’étude IDC ?', true, 0, true],
        ['family', 'Quelle source ?', true, 1, false],
        ['sheet', 'Quels autres partenaires ?', false, 0, false],
      ]),
    );
    expect(listed).toHaveLength(4);
  });

  it('adds the answers and the resolution to the threads, and only the new comment as a thread', async () => {
    await importReview(await reviewed(), 'all');
    const { review, sections } = await sheet();
    const threads = Object.values(review.threads);
    expect(threads.map((thread) => thread.text).sort()).toEqual([
      'Depuis quand ?',
      'Lien vers l’étude IDC ?',
      'Quels autres partenaires ?',
    ]);
    expect(review.threads['c-s1']?.replies.map((reply) => [reply.author, reply.text])).toEqual([
      ['Paul Durand', 'À vérifier.'],
      ['Marc Leroy', 'Fin des années 1990.'],
    ]);
    expect(review.threads['c-s1']?.resolved).toBeUndefined();
    expect(review.threads['c-s2']?.resolved).toBeDefined();
    // Each thread still on its words, once.
    const anchors = anchorsOfDoc(sections.passe as DocNode).comments;
    expect(anchors.get('c-s1')).toBe('une histoire récente');
    expect(anchors.get('c-s2')).toBe('cabinet IDC');
    expect([...anchors.values()].sort()).toEqual(['cabinet IDC', 'menée avec ATOS', 'une histoire récente']);

    const family = await shared();
    expect(Object.keys(family.review.threads)).toEqual(['c-f1']);
    expect(family.review.threads['c-f1']?.replies.map((reply) => [reply.author, reply.text])).toEqual([
      ['Claire Dubois', 'Le baromètre régional.'],
    ]);
  });

  it('adds nothing more when the same file comes again', async () => {
    const bytes = await reviewed();
    await importReview(bytes, 'all');
    const [once, familyOnce] = [await sheet(), await shared()];
    const again = await importReview(bytes, 'all');
    expect(again.comments.every((comment) => comment.known && comment.newReplies === 0)).toBe(true);
    expect((await sheet()).review).toEqual(once.review);
    expect((await shared()).review).toEqual(familyOnce.review);
  });

  it('takes a thread reopened in Word as reopened', async () => {
    await h()['sheets:update']({
      id: 'big-data',
      patch: {
        threads: {
          'c-s2': {
            ...((await sheet()).review.threads['c-s2'] as ReturnType<typeof commentThread>),
            resolved: { by: 'Paul Durand', at: '2025-03-14T09:00:00.000Z' },
          },
        },
      },
    });
    const bytes = new WordEdit(await exportedWithComments()).resolve('Lien vers l’étude IDC', false).save();
    await importReview(bytes, 'all');
    expect((await sheet()).review.threads['c-s2']?.resolved).toBeUndefined();
  });

  it('recognises the printed threads in a copy LibreOffice saved', async () => {
    const bytes = await reviewInLibreOffice(await exportedWithComments(), fixture.sample.dir, {
      comment: { quote: 'menée avec ATOS', author: 'Relecteur LibreOffice', text: 'Et les autres ?' },
      insert: { after: 'basées en France', text: ' et ailleurs' },
      remove: 'très ',
    });
    const found = await importReview(bytes, 'all');
    expect(found.comments.filter((comment) => !comment.known).map((comment) => comment.text)).toEqual([
      'Et les autres ?',
    ]);
    const { review } = await sheet();
    expect(
      Object.values(review.threads)
        .map((thread) => thread.text)
        .sort(),
    ).toEqual(['Depuis quand ?', 'Et les autres ?', 'Lien vers l’étude IDC ?']);
    expect(review.threads['c-s1']?.replies).toHaveLength(1);
    expect(Object.keys((await shared()).review.threads)).toEqual(['c-f1']);
  });
});
