import { describe, expect, it } from 'vitest';
import templateJson from '../../../templates/sheet-template.json' with { type: 'json' };
import { doc, paragraph } from '../../../shared/content/builders.js';
import { emptyReview } from '../../../shared/model/review.js';
import { sheetTemplateSchema } from '../../../shared/model/template.js';
import { commentedText, richParagraph } from '../../../shared/review/builders.js';
import { partKey, type Part, type PartValue } from '../sheet/parts.js';
import { newReviewId, SheetReview, type ReviewHost } from './sheet-review.js';

const template = sheetTemplateSchema.parse(templateJson);
const passe: Part = { kind: 'section', section: 'passe' };

/** The session as the review sees it: values by part, and what was marked changed. */
function host(values: Record<string, unknown> = {}) {
  const changed: { part: Part; value: unknown }[] = [];
  const fake: ReviewHost = {
    readOnly: false,
    changed<P extends Part>(part: P, value: PartValue<P>) {
      values[partKey(part)] = value;
      changed.push({ part, value });
    },
    valueOf<P extends Part>(part: P): PartValue<P> {
      const key = partKey(part);
      if (key in values) return values[key] as PartValue<P>;
      return (
        part.kind === 'scenario-title' ? '' : part.kind === 'title-marks' ? [] : doc(paragraph(''))
      ) as PartValue<P>;
    },
  };
  return { fake, values, changed };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the review of an open sheet', () => {
  it('saves each thread as its own part, and knows when its text is gone', async () => {
    const { fake, values, changed } = host({
      [partKey(passe)]: doc(richParagraph('Un ', commentedText('début', 'c-1'))),
    });
    const review = new SheetReview(fake, template, emptyReview(), 'sheet');
    const thread = review.create({
      id: 'c-1',
      part: 'section/passe',
      quote: 'début',
      text: 'Vrai ?',
      author: 'Anne',
    });
    expect(changed).toEqual([{ part: { kind: 'thread', owner: 'sheet', id: 'c-1' }, value: thread }]);
    expect(review.isAnchored(thread)).toBe(true);
    review.reply('c-1', 'Bruno', 'Oui.');
    review.resolve('c-1', 'Bruno');
    expect(review.openCount()).toBe(0);
    review.reopen('c-1');
    expect(review.threads.get()['c-1']).not.toHaveProperty('resolved');
    expect(review.threads.get()['c-1']?.replies.map((reply) => reply.text)).toEqual(['Oui.']);

    // The anchored words edited: the quote follows, with the next save.
    values[partKey(passe)] = doc(richParagraph('Un ', commentedText('début modifié', 'c-1')));
    review.read(passe);
    await settled();
    expect(review.threads.get()['c-1']?.quote).toBe('début modifié');
    // Deleted: the thread stays, with its last quote.
    values[partKey(passe)] = doc(paragraph('Un.'));
    review.read(passe);
    await settled();
    const kept = review.threads.get()['c-1'];
    expect(kept?.quote).toBe('début modifié');
    expect(review.isAnchored(kept!)).toBe(false);

    review.remove('c-1');
    expect(changed.at(-1)).toEqual({ part: { kind: 'thread', owner: 'sheet', id: 'c-1' }, value: null });
  });

  it('reads the marks of the sheet’s titles, and names new threads apart', () => {
    const { fake } = host({
      'sheet/basse/title': 'LA MISE EN RÉSEAU',
      'sheet/basse/title-marks': [{ type: 'comment', attrs: { thread: 'c-2' }, from: 11, to: 17 }],
    });
    const review = new SheetReview(fake, template, emptyReview(), 'sheet');
    expect(review.anchorsOf('scenario/basse/title')?.comments.get('c-2')).toBe('RÉSEAU');
    const ids = new Set(Array.from({ length: 100 }, () => newReviewId('c')));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^c-[a-z0-9]+$/);
  });

  it('of the family’s shared micro-scenarios: its own threads, titles and angles, saved as the family’s', async () => {
    const angle: Part = { kind: 'scenario-angle', owner: 'family', hypothesis: 'basse', angle: 'social' };
    const { fake, values, changed } = host({
      [partKey(angle)]: doc(richParagraph('Les ', commentedText('plateformes', 'c-5'))),
      'family/basse/title': 'LA MISE EN RÉSEAU',
      'family/basse/title-marks': [{ type: 'comment', attrs: { thread: 'c-6' }, from: 11, to: 17 }],
      // The sheet's own title, with the same part name: not the family's business.
      'sheet/basse/title': 'AUTRE',
      'sheet/basse/title-marks': [{ type: 'comment', attrs: { thread: 'c-7' }, from: 0, to: 5 }],
    });
    const family = new SheetReview(fake, template, emptyReview(), 'family');
    expect(family.anchorsOf('scenario/basse/angle/social')?.comments.get('c-5')).toBe('plateformes');
    expect([...(family.anchorsOf('scenario/basse/title')?.comments.keys() ?? [])]).toEqual(['c-6']);
    expect(family.anchorsOf('section/passe')).toBeUndefined();
    const thread = family.create({
      id: 'c-5',
      part: 'scenario/basse/angle/social',
      quote: 'plateformes',
      text: 'Lesquelles ?',
      author: 'Anne',
    });
    expect(changed).toEqual([{ part: { kind: 'thread', owner: 'family', id: 'c-5' }, value: thread }]);
    // A sheet part read for saving leaves the family's anchors as they were.
    values['sheet/basse/title'] = 'CHANGÉ';
    family.read({ kind: 'scenario-title', owner: 'sheet', hypothesis: 'basse' });
    await settled();
    expect([...(family.anchorsOf('scenario/basse/title')?.comments.keys() ?? [])]).toEqual(['c-6']);
  });
});
