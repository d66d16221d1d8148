import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textOf, type DocNode } from '../../../shared/content/doc.js';
import { anchorsOfDoc } from '../../../shared/review/anchors.js';
import { commentOn, commentThread } from '../../../shared/review/builders.js';
import { readDocx as readWordFile } from '../docx-read/read-docx.js';
import { REVIEW_PROPERTY } from '../export/docx/review-properties.js';
import { attributeValues, plainText, readDocx } from '../export/testing/docx-parts.js';
import { WordEdit } from './testing/word-edit.js';
import { CLAIRE, decided, reviewSamplePerTest } from './testing/review-sample.js';
import { failure } from '../testing/failure.js';

/**
 * The Word round trip of a family's shared micro-scenarios, from a sheet that shows them
 * (Big Data shows those of « Évolutions technologiques »): exported « avec les
 * commentaires », the family's threads are Word comments on their words; a reviewer's
 * comments and changes on that text come back to the family, as threads and suggestions,
 * between two revisions of the family's history.
 */

const FAMILY = 'evolutions-technologiques';
const review = reviewSamplePerTest();
const { h, sheet, shared, exported, importReview } = review;
const familyFile = () => join(review.sample.repo, 'families', `${FAMILY}.json`);
const angle = async (hypothesis: string, id: string) =>
  (await shared()).scenarios[hypothesis]?.angles[id] as DocNode;

/** The text between a comment's range start and end in document.xml. */
function anchoredText(documentXml: string, id: string): string {
  const start = documentXml.indexOf(`<w:commentRangeStart w:id="${id}"/>`);
  const end = documentXml.indexOf(`<w:commentRangeEnd w:id="${id}"/>`);
  expect(start, `range ${id}`).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  return plainText(documentXml.slice(start, end)).replace(/\n/g, ' ');
}

describe('the Word export « avec les commentaires » of a sheet showing its family’s micro-scenarios', () => {
  it('writes the family’s threads as Word comments on their words, with the sheet’s', async () => {
    const social = await angle('basse', 'social');
    const title = (await shared()).scenarios['haute']?.title ?? '';
    const from = title.indexOf('CHAÎNE DE VALEUR');
    await h()['families:update']({
      familyId: FAMILY,
      patch: {
        scenarios: { basse: { angles: { social: commentOn(social, 'les salariés peu formés', 'c-f1') } } },
        titleMarks: {
          haute: [{ type: 'comment', attrs: { thread: 'c-f2' }, from, to: from + 'CHAÎNE DE VALEUR'.length }],
        },
        threads: {
          'c-f1': commentThread({
            id: 'c-f1',
            part: 'scenario/basse/angle/social',
            quote: 'les salariés peu formés',
            text: 'Quelle source ?',
            replies: [
              { id: 'r-f1', author: 'Paul Durand', at: '2025-03-13T09:00:00.000Z', text: 'Le baromètre.' },
            ],
          }),
          'c-f2': commentThread({
            id: 'c-f2',
            part: 'scenario/haute/title',
            quote: 'CHAÎNE DE VALEUR',
            text: 'Trop long ?',
            resolved: { by: 'Paul Durand', at: '2025-03-13T10:00:00.000Z' },
          }),
        },
      },
    });
    const passe = (await sheet()).sections.passe as DocNode;
    await h()['sheets:update']({
      id: 'big-data',
      patch: {
        sections: { passe: commentOn(passe, 'une histoire récente', 'c-s1') },
        threads: {
          'c-s1': commentThread({
            id: 'c-s1',
            part: 'section/passe',
            quote: 'une histoire récente',
            text: 'Date ?',
          }),
        },
      },
    });

    const docx = readDocx(await exported(true));
    const comments = docx.text('word/comments.xml');
    const document = docx.text('word/document.xml');
    const idOf = (text: string) =>
      [...comments.matchAll(/<w:comment\b[^>]*w:id="(\d+)"[^>]*>([\s\S]*?)<\/w:comment>/g)].find((match) =>
        plainText(match[2] ?? '').includes(text),
      )?.[1] ?? 'absent';
    expect(anchoredText(document, idOf('Quelle source'))).toBe('les salariés peu formés');
    expect(anchoredText(document, idOf('Le baromètre'))).toBe('les salariés peu formés');
    expect(anchoredText(document, idOf('Trop long'))).toBe('CHAÎNE DE VALEUR');
    expect(anchoredText(document, idOf('Date'))).toBe('une histoire récente');
    expect(attributeValues(document, 'w:commentReference', 'w:id').sort()).toEqual(
      attributeValues(comments, 'w:comment', 'w:id').sort(),
    );
    // The title's thread is resolved in Word too.
    const extended = docx.text('word/commentsExtended.xml');
    expect(extended.match(/w15:done="1"/g)).toHaveLength(1);

    // The file names the family's revision it prints (by its id), beside the sheet's.
    const custom = docx.text('docProps/custom.xml');
    expect(custom).toMatch(
      new RegExp(`name="${REVIEW_PROPERTY.family}"[^>]*>\\s*<vt:lpwstr>${FAMILY}</vt:lpwstr>`),
    );
    const latest = (await h()['history:list']({ familyId: FAMILY })).revisions[0];
    expect(latest?.changed).toContain('review');
    expect(custom).toMatch(
      new RegExp(`name="${REVIEW_PROPERTY.familyRevision}"[^>]*>\\s*<vt:lpwstr>${latest?.id}</vt:lpwstr>`),
    );
  });
});

/** A reviewer's copy: runs cut mid-word; comments, tracked and untracked changes on the shared text and on the sheet's. */
function reviewed(bytes: Buffer): Buffer {
  return new WordEdit(bytes)
    .splitRuns()
    .comment('les salariés peu formés', { ...CLAIRE, text: 'Quelle source ?' }, [
      { author: 'Marc Leroy', date: '2025-04-03T08:30:00Z', text: 'Le baromètre régional.' },
    ])
    .comment('plans de soutien nationaux', { ...CLAIRE, text: 'Lesquels ?', done: true })
    .comment('une histoire récente', { ...CLAIRE, text: 'Depuis quand ?' })
    .insertAfter('peu préparés', ' et peu accompagnés', CLAIRE.author, CLAIRE.date)
    .delete(' à la digitalisation de l’industrie', 'Marc Leroy', '2025-04-03T09:10:00Z')
    .retype('mal identifié', 'mal repéré')
    .save();
}

describe('importing a Word review of a sheet showing its family’s micro-scenarios', () => {
  it('lists what is on the shared text as the family’s, and writes nothing until asked', async () => {
    const before = await readFile(familyFile(), 'utf8').catch(() => null);
    const found = await importReview(reviewed(await exported()), 'none');
    expect(found.family).toMatchObject({ familyId: FAMILY, before: null, after: null });
    expect(
      found.comments.map((comment) => [comment.owner, comment.part, comment.quote, comment.anchored]),
    ).toEqual([
      ['family', 'scenario/basse/angle/social', 'les salariés peu formés', true],
      ['family', 'scenario/tendancielle/angle/economique', 'plans de soutien nationaux', true],
      ['sheet', 'section/passe', 'une histoire récente', true],
    ]);
    expect(found.comments[0]?.partTitle).toBe('Hypothèse basse, social (micro-scénarios partagés)');
    const changes = found.changes.map((change) => [
      change.owner,
      change.part,
      change.kind,
      change.tracked,
      change.text,
    ]);
    expect(changes).toEqual(
      expect.arrayContaining([
        ['family', 'scenario/basse/angle/social', 'insertion', true, ' et peu accompagnés'],
        [
          'family',
          'scenario/tendancielle/angle/economique',
          'deletion',
          true,
          ' à la digitalisation de l’industrie',
        ],
        ['family', 'scenario/tendancielle/angle/economique', 'deletion', false, 'identifié'],
        ['family', 'scenario/tendancielle/angle/economique', 'insertion', false, 'repéré'],
      ]),
    );
    expect(changes).toHaveLength(4);
    expect(await readFile(familyFile(), 'utf8').catch(() => null)).toBe(before);
  });

  it('lands the comments as threads on the family’s words and offers its changes, between two family revisions', async () => {
    const original = await shared();
    const result = await importReview(reviewed(await exported()), 'all');
    expect(result.applied).toBe('all');
    expect(result.family?.before).toMatchObject({ kind: 'import', source: 'relecture.docx' });
    expect(result.family?.after).toMatchObject({ kind: 'imported', source: 'relecture.docx' });
    // The sheet got its own comment, in its own history.
    expect(result.after?.kind).toBe('imported');
    expect(Object.values((await sheet()).review.threads).map((thread) => thread.quote)).toEqual([
      'une histoire récente',
    ]);

    const now = await shared();
    const threads = Object.values(now.review.threads);
    expect(threads.map((thread) => [thread.part, thread.quote, thread.author])).toEqual([
      ['scenario/basse/angle/social', 'les salariés peu formés', 'Claire Dubois'],
      ['scenario/tendancielle/angle/economique', 'plans de soutien nationaux', 'Claire Dubois'],
    ]);
    expect(threads[0]?.replies.map((reply) => [reply.author, reply.text])).toEqual([
      ['Marc Leroy', 'Le baromètre régional.'],
    ]);
    expect(threads[1]?.resolved?.by).toBe('Claire Dubois');
    // Each on its words in the family's text.
    const social = now.scenarios['basse']?.angles['social'] as DocNode;
    const economic = now.scenarios['tendancielle']?.angles['economique'] as DocNode;
    expect(anchorsOfDoc(social).comments.get(threads[0]?.id ?? '')).toBe('les salariés peu formés');
    expect(anchorsOfDoc(economic).comments.get(threads[1]?.id ?? '')).toBe('plans de soutien nationaux');

    // Nothing applied: rejecting everything gives the family's text back; accepting, the reviewer's.
    const socialBefore = original.scenarios['basse']?.angles['social'] as DocNode;
    const economicBefore = original.scenarios['tendancielle']?.angles['economique'] as DocNode;
    expect(decided(social, 'reject')).toBe(textOf(socialBefore));
    expect(decided(economic, 'reject')).toBe(textOf(economicBefore));
    expect(decided(social, 'accept')).toContain('peu préparés et peu accompagnés');
    const accepted = decided(economic, 'accept');
    expect(accepted).toContain('mal repéré par les plans de soutien nationaux.');
    expect(accepted).not.toContain('digitalisation de l’industrie');

    // Recorded in the family's history: the import is one restore away from undone.
    const kinds = (await h()['history:list']({ familyId: FAMILY })).revisions.map(
      (revision) => revision.kind,
    );
    expect(kinds.slice(0, 2)).toEqual(['imported', 'import']);
    await h()['history:restore']({ familyId: FAMILY, seq: result.family?.before?.seq ?? 0 });
    expect(textOf((await angle('basse', 'social')) as DocNode)).toBe(textOf(socialBefore));
  });

  it('attaches only new comments when the same file comes again, on the family as on the sheet', async () => {
    const bytes = reviewed(await exported());
    await importReview(bytes, 'comments');
    const once = await shared();
    expect(Object.keys(once.review.threads)).toHaveLength(2);
    expect(anchorsOfDoc(once.scenarios['basse']?.angles['social'] as DocNode).suggestions).toEqual([]);
    const again = await importReview(bytes, 'all');
    expect(again.warnings[0]).toMatch(/déjà été importée/);
    expect(again.comments.every((comment) => comment.known)).toBe(true);
    expect(again.applied).toBe('none');
    expect(await shared()).toEqual(once);
  });

  it('names the family revision by its id in the result, and still takes a copy naming it by its number', async () => {
    const bytes = await exported();
    const id = readWordFile(bytes, 'big-data.docx').properties.custom[
      REVIEW_PROPERTY.familyRevision
    ] as string;
    const listed = (await h()['history:list']({ familyId: FAMILY })).revisions.find((r) => r.id === id);
    const older = new WordEdit(bytes)
      .customProperty(REVIEW_PROPERTY.familyRevision, String(listed?.seq))
      .comment('les salariés peu formés', { ...CLAIRE, text: 'Source ?' })
      .save();
    const found = await importReview(older, 'none');
    expect(found.family).toMatchObject({ exportedRevision: listed?.seq, exportedRevisionId: id });
    expect(found.comments.map((comment) => comment.quote)).toContain('les salariés peu formés');
  });

  it('leaves the shared text alone for a copy that names no family revision, and says so', async () => {
    const older = new WordEdit(await exported())
      .withoutCustomProperty(REVIEW_PROPERTY.family)
      .withoutCustomProperty(REVIEW_PROPERTY.familyRevision)
      .comment('les salariés peu formés', { ...CLAIRE, text: 'Source ?' })
      .comment('une histoire récente', { ...CLAIRE, text: 'Depuis quand ?' })
      .save();
    const family = await readFile(familyFile(), 'utf8').catch(() => null);
    const result = await importReview(older, 'all');
    expect(result.family).toBeNull();
    expect(result.warnings.join('\n')).toMatch(
      /ne dit pas de quelle version des micro-scénarios partagés de la famille elle vient/,
    );
    // The sheet's own comment lands; nothing is written to the family.
    expect(Object.values((await sheet()).review.threads).map((thread) => thread.quote)).toEqual([
      'une histoire récente',
    ]);
    expect(await readFile(familyFile(), 'utf8').catch(() => null)).toBe(family);
  });

  it('refuses a copy naming a family revision its history does not hold, or another family; nothing written', async () => {
    const bytes = await exported();
    const edited = new WordEdit(bytes).comment('les salariés peu formés', { ...CLAIRE, text: 'Source ?' });
    const family = await readFile(familyFile(), 'utf8');
    const sheetBefore = await readFile(review.sheetFile(), 'utf8');
    const unknown = await failure(
      importReview(
        new WordEdit(edited.save()).customProperty(REVIEW_PROPERTY.familyRevision, '999').save(),
        'all',
      ),
    );
    expect(unknown.code).toBe('not-found');
    expect(unknown.message).toMatch(/version n°\u00a0999 des micro-scénarios partagés de la famille/);
    const other = await failure(
      importReview(
        new WordEdit(edited.save()).customProperty(REVIEW_PROPERTY.family, 'autre-famille').save(),
        'all',
      ),
    );
    expect(other.code).toBe('invalid-request');
    expect(other.message).toMatch(/rien n’a été importé/);
    expect(await readFile(familyFile(), 'utf8')).toBe(family);
    expect(await readFile(review.sheetFile(), 'utf8')).toBe(sheetBefore);
  });
});
