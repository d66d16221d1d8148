import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { textOf, type DocNode } from '../../../shared/content/doc.js';
import { anchorsOfDoc } from '../../../shared/review/anchors.js';
import { readDocx } from '../docx-read/read-docx.js';
import { REVIEW_PROPERTY } from '../export/docx/review-properties.js';
import { reviewInLibreOffice } from './testing/libreoffice-review.js';
import { sheetRevision } from '../testing/history-fixture.js';
import { WordEdit } from './testing/word-edit.js';
import { CLAIRE, decided, reviewSamplePerTest } from './testing/review-sample.js';

/**
 * A sheet exported to Word, reviewed there (comments with replies, tracked changes, text
 * typed over, runs cut mid-word), and imported back: every comment lands on its words,
 * every change is offered as a suggestion, nothing is applied until the user decides.
 */

const review = reviewSamplePerTest();
const { h, sheet, sheetFile, exported, importReview } = review;

/** A reviewer's copy as Word saves it: runs cut mid-word, two commented passages, tracked and untracked changes. */
function reviewed(bytes: Buffer): Buffer {
  return (
    new WordEdit(bytes)
      .splitRuns()
      .comment('une histoire récente', { ...CLAIRE, text: 'Depuis quand exactement ?' }, [
        { author: 'Marc Leroy', date: '2025-04-03T08:30:00Z', text: 'Fin des années 1990.' },
      ])
      .comment('cabinet IDC', { ...CLAIRE, text: 'Lien vers l’étude ?', done: true })
      // Overlapping the first comment.
      .comment('histoire récente (fin', {
        author: 'Marc Leroy',
        date: '2025-04-03T09:00:00Z',
        text: 'Date précise ?',
      })
      .insertAfter('menée avec ATOS', ' et Sopra Steria', CLAIRE.author, CLAIRE.date)
      .delete(' basées en France', 'Marc Leroy', '2025-04-03T09:10:00Z')
      .retype('très rapides', 'extrêmement rapides')
      .save()
  );
}

describe('the Word export for review', () => {
  it('records the sheet and the revision it prints (by its id) in its custom properties', async () => {
    const doc = readDocx(await exported(), 'big-data.docx');
    expect(doc.properties.custom[REVIEW_PROPERTY.sheet]).toBe('big-data');
    const id = doc.properties.custom[REVIEW_PROPERTY.revision] as string;
    const listing = await h()['history:list']({ sheetId: 'big-data' });
    expect(listing.revisions.map((revision) => revision.id)).toContain(id);
    // That revision is the sheet as it is now.
    const revision = await sheetRevision(h(), 'big-data', id);
    expect(revision.sheet.sections).toEqual((await sheet()).sections);
  });

  it('still takes a copy exported when the revision was written as its number', async () => {
    const bytes = await exported();
    const id = readDocx(bytes, 'big-data.docx').properties.custom[REVIEW_PROPERTY.revision] as string;
    const listed = (await h()['history:list']({ sheetId: 'big-data' })).revisions.find((r) => r.id === id);
    const older = new WordEdit(bytes).customProperty(REVIEW_PROPERTY.revision, String(listed?.seq)).save();
    const found = await importReview(
      new WordEdit(older).retype('très rapides', 'extrêmement rapides').save(),
      'none',
    );
    expect([found.exportedRevision, found.exportedRevisionId]).toEqual([listed?.seq, id]);
    expect(found.changes.map((change) => [change.kind, change.text])).toEqual([
      ['deletion', 'très'],
      ['insertion', 'extrêmement'],
    ]);
  });
});

describe('importing a Word review', () => {
  it('lists every comment and change, and writes nothing until asked', async () => {
    const bytes = reviewed(await exported());
    const before = await readFile(sheetFile(), 'utf8');
    const revisions = (await h()['history:list']({ sheetId: 'big-data' })).revisions.length;
    const found = await importReview(bytes, 'none');
    expect(found.applied).toBe('none');
    expect(found.comments.map((comment) => [comment.quote, comment.author, comment.anchored])).toEqual([
      ['une histoire récente', 'Claire Dubois', true],
      ['cabinet IDC', 'Claire Dubois', true],
      ['histoire récente (fin', 'Marc Leroy', true],
    ]);
    expect(found.comments.every((comment) => comment.part === 'section/passe')).toBe(true);
    expect(found.comments[0]?.replies).toBe(1);
    expect(found.comments[1]?.resolved).toBe(true);
    const changes = found.changes.map((change) => [change.part, change.kind, change.tracked, change.text]);
    expect(changes).toEqual(
      expect.arrayContaining([
        ['section/passe', 'insertion', true, ' et Sopra Steria'],
        ['section/passe', 'deletion', true, ' basées en France'],
        ['section/present-dynamiques', 'deletion', false, 'très'],
        ['section/present-dynamiques', 'insertion', false, 'extrêmement'],
      ]),
    );
    expect(changes).toHaveLength(4);
    expect(found.changes.find((change) => change.tracked && change.kind === 'deletion')).toMatchObject({
      author: 'Marc Leroy',
      date: '2025-04-03T09:10:00Z',
    });
    expect(await readFile(sheetFile(), 'utf8')).toBe(before);
    expect((await h()['history:list']({ sheetId: 'big-data' })).revisions).toHaveLength(revisions);
  });

  it('attaches the comments as threads on their words and offers the changes, between two revisions', async () => {
    const original = await sheet();
    const bytes = reviewed(await exported());
    const result = await importReview(bytes, 'all');
    expect(result.applied).toBe('all');
    expect(result.before?.kind).toBe('import');
    expect(result.after?.kind).toBe('imported');
    expect(result.after?.source).toBe('relecture.docx');

    const now = await sheet();
    const threads = Object.values(now.review.threads);
    expect(threads).toHaveLength(3);
    const first = threads.find((thread) => thread.quote === 'une histoire récente');
    expect(first).toMatchObject({
      author: 'Claire Dubois',
      at: '2025-04-02T10:00:00.000Z',
      text: 'Depuis quand exactement ?',
      part: 'section/passe',
    });
    expect(first?.replies.map((reply) => [reply.author, reply.text])).toEqual([
      ['Marc Leroy', 'Fin des années 1990.'],
    ]);
    expect(first?.resolved).toBeUndefined();
    expect(threads.find((thread) => thread.quote === 'cabinet IDC')?.resolved?.by).toBe('Claire Dubois');

    const passe = now.sections.passe as DocNode;
    const anchors = anchorsOfDoc(passe);
    for (const thread of threads) expect(anchors.comments.get(thread.id)).toBe(thread.quote);
    // A reply shares its thread's range in Word: it anchors no thread of its own.
    expect([...anchors.comments.keys()].sort()).toEqual(threads.map((thread) => thread.id).sort());
    // Nothing applied: rejecting every suggestion gives the text back as it was.
    expect(decided(passe, 'reject')).toBe(textOf(original.sections.passe as DocNode));
    const accepted = decided(passe, 'accept');
    expect(accepted).toContain('menée avec ATOS et Sopra Steria auprès');
    expect(accepted).toContain('1\u202f000 salariés.');
    expect(decided(now.sections['present-dynamiques'] as DocNode, 'accept')).toContain('extrêmement rapides');
    expect(decided(now.sections['present-dynamiques'] as DocNode, 'reject')).toBe(
      textOf(original.sections['present-dynamiques'] as DocNode),
    );
    // The other sections are as they were.
    expect(now.sections.futurs).toEqual(original.sections.futurs);
  });

  it('attaches only the comments with « comments », and never twice the same file', async () => {
    const original = await sheet();
    const bytes = reviewed(await exported());
    const result = await importReview(bytes, 'comments');
    expect(result.applied).toBe('comments');
    const now = await sheet();
    expect(Object.keys(now.review.threads)).toHaveLength(3);
    expect(anchorsOfDoc(now.sections.passe as DocNode).suggestions).toEqual([]);
    expect(textOf(now.sections.passe as DocNode)).toBe(textOf(original.sections.passe as DocNode));

    const again = await importReview(bytes, 'all');
    expect(again.warnings[0]).toMatch(/déjà été importée/);
    expect(again.comments.every((comment) => comment.known)).toBe(true);
    expect(again.applied).toBe('none');
    expect(await sheet()).toEqual(now);
  });

  it('keeps a comment whose words were deleted since the export as « texte supprimé »', async () => {
    const bytes = reviewed(await exported());
    const passe = (await sheet()).sections.passe as DocNode;
    const json = JSON.stringify(passe).replace(
      'Selon une étude du cabinet IDC menée',
      'Selon une étude menée',
    );
    await h()['sheets:update']({
      id: 'big-data',
      patch: { sections: { passe: JSON.parse(json) as DocNode } },
    });
    const result = await importReview(bytes, 'all');
    const idc = result.comments.find((comment) => comment.quote === 'cabinet IDC');
    expect(idc).toMatchObject({ anchored: false, part: 'section/passe' });
    const thread = (await sheet()).review.threads[idc?.id ?? ''];
    expect(thread?.quote).toBe('cabinet IDC');
    // The other comments and the changes still land on their words.
    expect(result.comments.find((comment) => comment.quote === 'une histoire récente')?.anchored).toBe(true);
    expect(decided((await sheet()).sections.passe as DocNode, 'accept')).toContain('ATOS et Sopra Steria');
  });
});

describe('changes and comments in every part', () => {
  it('in a caption, an encadré, and a deletion across two paragraphs', async () => {
    const original = await sheet();
    const bytes = new WordEdit(await exported())
      .splitRuns()
      .insertAfter('Les 4 principaux', ' et durables', CLAIRE.author, CLAIRE.date)
      .comment('Health Data Hub', { ...CLAIRE, text: 'Toujours d’actualité ?' })
      .deleteAcross('7\u00a0% en 2012.', 'Les ', CLAIRE.author, CLAIRE.date)
      .save();
    const found = await importReview(bytes, 'all');
    expect(found.comments.map((comment) => [comment.part, comment.quote, comment.anchored])).toEqual([
      ['section/futurs', 'Health Data Hub', true],
    ]);
    const changes = found.changes.map((change) => [change.part, change.kind, change.text]);
    expect(changes).toEqual(
      expect.arrayContaining([
        ['section/passe', 'insertion', ' et durables'],
        ['section/passe', 'deletion', '7\u00a0% en 2012.'],
        ['section/passe', 'deletion', 'Les '],
      ]),
    );
    expect(changes).toHaveLength(3);
    const now = await sheet();
    const figure = (now.sections.passe as DocNode).content?.find((node) => node.type === 'figure');
    const caption = figure?.content?.find((node) => node.type === 'caption');
    expect(caption?.content?.find((node) => node.text === ' et durables')?.marks?.[0]?.type).toBe(
      'insertion',
    );
    expect(decided(now.sections.passe as DocNode, 'reject')).toBe(textOf(original.sections.passe as DocNode));
  });
});

describe('a review made in LibreOffice', () => {
  it('comes back the same: the comment on its words, the tracked insertion and deletion offered', async () => {
    const bytes = await reviewInLibreOffice(await exported(), review.sample.dir, {
      comment: { quote: 'une histoire récente', author: 'Relecteur LibreOffice', text: 'Source ?' },
      insert: { after: 'menée avec ATOS', text: ' et Sopra Steria' },
      remove: ' basées en France',
    });
    const found = await importReview(bytes, 'all');
    expect(
      found.comments.map((comment) => [comment.quote, comment.author, comment.text, comment.anchored]),
    ).toEqual([['une histoire récente', 'Relecteur LibreOffice', 'Source ?', true]]);
    expect(found.changes.map((change) => [change.kind, change.tracked, change.text])).toEqual([
      ['insertion', true, ' et Sopra Steria'],
      ['deletion', true, ' basées en France'],
    ]);
    const passe = (await sheet()).sections.passe as DocNode;
    expect(decided(passe, 'accept')).toContain('menée avec ATOS et Sopra Steria auprès');
  }, 180_000);
});
