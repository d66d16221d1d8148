import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { tableFigure } from '../../../shared/content/builders.js';
import type { DocNode } from '../../../shared/content/doc.js';
import { anchorsOfDoc } from '../../../shared/review/anchors.js';
import { rawDocx, p } from '../docx-read/testing/raw-docx.js';
import { UNREADABLE_FILES } from '../docx-read/testing/unreadable-files.js';
import { REVIEW_PROPERTY } from '../export/docx/review-properties.js';
import { failure } from '../testing/failure.js';
import { snapshot } from '../testing/fixtures.js';
import { CLAIRE, reviewSamplePerTest } from './testing/review-sample.js';
import { WordEdit } from './testing/word-edit.js';

/**
 * A Word review of what the other review tests leave out: a table's cells, and the files
 * the import cannot take (another sheet's copy, an unknown revision, a document Fiches
 * did not export, and every file no reader takes): the reason, and nothing written.
 */

const review = reviewSamplePerTest();
const { h, sheet, sheetFile, exported, importReview } = review;

describe('a review of a table', () => {
  it('lands a comment and a tracked change made inside a cell', async () => {
    const passe = (await sheet()).sections.passe as DocNode;
    const table = tableFigure('Emploi régional', 'INSEE', [
      ['Secteur', 'Emplois'],
      ['Industrie numérique', '12 400'],
    ]);
    await h()['sheets:update']({
      id: 'big-data',
      patch: { sections: { passe: { ...passe, content: [...(passe.content ?? []), table] } } },
    });
    const bytes = new WordEdit(await exported())
      .splitRuns()
      .comment('Industrie numérique', { ...CLAIRE, text: 'Périmètre ?' })
      .insertAfter('12 400', ' (2023)', CLAIRE.author, CLAIRE.date)
      .save();
    const found = await importReview(bytes, 'all');
    expect(found.comments.map((comment) => [comment.part, comment.quote, comment.anchored])).toEqual([
      ['section/passe', 'Industrie numérique', true],
    ]);
    expect(found.changes.map((change) => [change.part, change.kind, change.text])).toEqual([
      ['section/passe', 'insertion', ' (2023)'],
    ]);
    const landed = (await sheet()).sections.passe as DocNode;
    const cells = landed.content?.find((node) => node.type === 'tableFigure')?.content?.[1]?.content?.[1]
      ?.content;
    const [name, count] = [cells?.[0], cells?.[1]];
    expect(anchorsOfDoc({ type: 'doc', content: name?.content ?? [] }).comments.size).toBe(1);
    expect(count?.content?.[0]?.content?.find((node) => node.text === ' (2023)')?.marks?.[0]?.type).toBe(
      'insertion',
    );
  });
});

describe('a copy Fiches cannot take', () => {
  async function expectRefused(bytes: Buffer, pattern: RegExp, sheetId = 'big-data'): Promise<void> {
    const before = await readFile(sheetFile(), 'utf8');
    const error = await failure(importReview(bytes, 'all', sheetId));
    expect(error.message).toMatch(pattern);
    expect(await readFile(sheetFile(), 'utf8')).toBe(before);
  }

  it('another sheet’s copy, an unknown revision, a document Fiches did not export: the reason, nothing written', async () => {
    const bytes = await exported();
    await expectRefused(
      new WordEdit(bytes).customProperty(REVIEW_PROPERTY.sheet, 'cobotique').save(),
      /copie de la fiche «\u00a0cobotique\u00a0», pas de celle-ci\u00a0: rien n’a été importé/,
    );
    await expectRefused(
      new WordEdit(bytes).customProperty(REVIEW_PROPERTY.revision, '999').save(),
      /version n°\u00a0999 de la fiche, que son historique ne contient pas/,
    );
    await expectRefused(rawDocx({ body: p('Un texte quelconque.') }), /n’a pas été exporté par Fiches/);
  });

  it.each(UNREADABLE_FILES)('%s: the import’s own answer', async (_name, bytes, reason, words) => {
    const before = await snapshot(review.sample.repo);
    const error = await failure(importReview(bytes(), 'all'));
    expect(error.details?.['reason']).toBe(reason);
    expect(error.message).toContain(words);
    expect(error.message).toMatch(/relecture\.docx/);
    expect(await snapshot(review.sample.repo)).toEqual(before);
  });
});
