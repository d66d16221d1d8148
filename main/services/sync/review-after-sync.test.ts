import { describe, expect, it } from 'vitest';
import type { RevisionSummary } from '../../../shared/model/history.js';
import { REVIEW_PROPERTY } from '../export/docx/review-properties.js';
import { attributeValues, plainText, readDocx } from '../export/testing/docx-parts.js';
import { decideAllChanges, paragraphsOf } from '../export/testing/tracked-changes.js';
import { readDocx as readWordDocument } from '../docx-read/read-docx.js';
import { WordEdit } from '../review/testing/word-edit.js';
import { paragraphs, type Colleague, type Team } from '../testing/team-fixture.js';
import { teamPerTest } from '../testing/team-per-test.js';

/**
 * The review's Word exports and imports on a shared repository, once a sync brought in a
 * colleague's older revision: the history lists it before the later ones, whose numbers
 * all move up by one. Exports name revisions by id, so « changes since » still starts where
 * the user said and signs every change with the revision that made it (Bruno's, received by
 * sync, included), and a reviewer's copy still comes back against the text it was made from.
 */
let team: Team;

teamPerTest((fixture) => {
  ({ team } = fixture);
});

const SHEET = 'big-data';
const TRAJECTOIRE = ['Le Big Data désigne des données massives.', 'Il transforme l’industrie.'];
const PASSE = ['Avant 2000, peu de données.', 'Après 2000, le web.', 'Depuis 2010, les capteurs.'];
const ANNES = 'Le Big Data désigne des données massives et variées.';
const BRUNOS = 'Après 2000, le web et les réseaux sociaux.';

const save = (person: Colleague, sections: Record<string, string[]>) =>
  person.h['sheets:update']({
    id: SHEET,
    patch: {
      sections: Object.fromEntries(Object.entries(sections).map(([id, texts]) => [id, paragraphs(...texts)])),
    },
  });
const listing = async (person: Colleague) => (await person.h['history:list']({ sheetId: SHEET })).revisions;
const listed = async (person: Colleague, id: string) =>
  (await listing(person)).find((revision) => revision.id === id) as RevisionSummary;

/**
 * Both start from a named version; offline, Bruno edits « Passé » first, then Anne edits
 * « Trajectoire ». `beforeAnneReceives` runs on Anne's copy once she has sent her work and
 * before Bruno's older revision reaches her.
 */
async function parallelWork(beforeAnneReceives?: () => Promise<void>) {
  const { anne, bruno } = team;
  const base = await anne.h['history:recordVersion']({ sheetId: SHEET, name: 'Envoi au comité' });
  await anne.h['sync:run']({});
  await bruno.h['sync:run']({});
  await save(bruno, { passe: [PASSE[0]!, BRUNOS, PASSE[2]!] });
  const brunos = await bruno.h['history:recordVersion']({ sheetId: SHEET, name: 'Relu par Bruno' });
  await save(anne, { trajectoire: [ANNES, TRAJECTOIRE[1]!] });
  const annes = await anne.h['history:recordVersion']({ sheetId: SHEET, name: 'Relu par Anne' });
  await anne.h['sync:run']({});
  await beforeAnneReceives?.();
  await bruno.h['sync:run']({});
  await anne.h['sync:run']({});
  // The sync renumbered Anne's revision: Bruno's, older, is listed before it now.
  expect((await listed(anne, annes.id)).seq).toBe(annes.seq + 1);
  expect((await listed(anne, brunos.id)).seq).toBe(annes.seq);
  return { base, brunos, annes };
}

/** Each tracked insertion of document.xml: its text, author and date. */
function insertions(documentXml: string): { text: string; author: string; date: string }[] {
  return [...documentXml.matchAll(/<w:ins\b([^>]*)>([\s\S]*?)<\/w:ins>/g)]
    .map((match) => ({
      text: plainText(match[2] ?? ''),
      author: /w:author="([^"]*)"/.exec(match[1] ?? '')?.[1] ?? '',
      date: /w:date="([^"]*)"/.exec(match[1] ?? '')?.[1] ?? '',
    }))
    .filter((insertion) => insertion.text.trim() !== '');
}

const wordDate = (iso: string) => `${iso.slice(0, 19)}Z`;

describe('« changes since a version » after a sync', () => {
  it('starts at the chosen version and signs each colleague’s change with their own revision, on both copies', async () => {
    const { base, brunos, annes } = await parallelWork();
    for (const person of [team.anne, team.bruno]) {
      const render = async (request: { changesSince?: string | number; revision?: string }) => {
        const rendered = await person.h['export:render']({ sheetId: SHEET, format: 'docx', ...request });
        return readDocx(Buffer.from(rendered.base64, 'base64')).text('word/document.xml');
      };
      const document = await render({ changesSince: base.id });
      const found = insertions(document);
      expect(found).toContainEqual({ text: ' et variées', author: 'Anne', date: wordDate(annes.at) });
      expect(found).toContainEqual({
        text: ' et les réseaux sociaux',
        author: 'Bruno',
        date: wordDate(brunos.at),
      });
      // Nothing else is a change: the merge wrote no word of its own.
      expect(found).toHaveLength(2);
      expect(attributeValues(document, 'w:del', 'w:author')).toEqual([]);
      expect(decideAllChanges(document, 'accept')).toEqual(paragraphsOf(await render({})));
      expect(decideAllChanges(document, 'reject')).toEqual(paragraphsOf(await render({ revision: base.id })));
      // The number the version is listed under now names it too.
      const seq = (await listed(person, base.id)).seq;
      expect(insertions(await render({ changesSince: seq }))).toEqual(found);
      // Its export is named by its id: the same file name on both copies, whatever the numbering.
      const past = await person.h['export:render']({ sheetId: SHEET, format: 'docx', revision: annes.id });
      expect(past.fileName).toBe(`big-data-version-${annes.id}.docx`);
    }
  }, 120_000);
});

describe('a Word review imported after a sync', () => {
  it('comes back against the text it was exported from, though its number now names another version', async () => {
    let exported = Buffer.alloc(0);
    const { annes } = await parallelWork(async () => {
      const rendered = await team.anne.h['export:render']({ sheetId: SHEET, format: 'docx', comments: true });
      exported = Buffer.from(rendered.base64, 'base64');
    });
    const recorded = readWordDocument(exported, 'relecture.docx').properties.custom[REVIEW_PROPERTY.revision];
    // The revision is named by its id, which no sync changes.
    expect(recorded).toBe(annes.id);
    const reviewed = new WordEdit(exported)
      .retype('données massives et variées', 'données massives et très variées')
      .comment('transforme l’industrie', {
        author: 'Claire Dubois',
        date: '2025-04-02T10:00:00Z',
        text: 'Lesquels ?',
      })
      .save();
    const found = await team.anne.h['review:import']({
      sheetId: SHEET,
      name: 'relecture.docx',
      base64: reviewed.toString('base64'),
      apply: 'all',
    });
    expect(found.exportedRevisionId).toBe(annes.id);
    expect(found.exportedRevision).toBe((await listed(team.anne, annes.id)).seq);
    // Only what the reviewer did: Bruno's words, absent from the copy, are no change of hers.
    expect(found.changes.map((change) => [change.part, change.kind, change.text])).toEqual([
      ['section/trajectoire', 'insertion', 'très '],
    ]);
    expect(found.comments.map((comment) => [comment.quote, comment.author, comment.anchored])).toEqual([
      ['transforme l’industrie', 'Claire Dubois', true],
    ]);
    expect(found.applied).toBe('all');
  }, 120_000);

  it('takes a copy naming its version by number when that number cannot have changed, and refuses it otherwise', async () => {
    const { anne } = team;
    const rendered = await anne.h['export:render']({ sheetId: SHEET, format: 'docx', comments: true });
    const exported = Buffer.from(rendered.base64, 'base64');
    const revisions = await listing(anne);
    // Written before the repository was shared: its number is the same for ever, on every copy.
    const before = revisions.find((revision) => revision.id.startsWith('0-')) as RevisionSummary;
    const after = revisions.find((revision) => !revision.id.startsWith('0-')) as RevisionSummary;
    expect(before).toBeDefined();
    expect(after).toBeDefined();
    const withNumber = (seq: number) =>
      new WordEdit(exported).customProperty(REVIEW_PROPERTY.revision, String(seq)).save().toString('base64');
    const old = await anne.h['review:import']({
      sheetId: SHEET,
      name: 'ancienne.docx',
      base64: withNumber(before.seq),
      apply: 'none',
    });
    expect(old.exportedRevisionId).toBe(before.id);
    await expect(
      anne.h['review:import']({
        sheetId: SHEET,
        name: 'ambigue.docx',
        base64: withNumber(after.seq),
        apply: 'all',
      }),
    ).rejects.toMatchObject({
      code: 'invalid-request',
      message: expect.stringMatching(/par son numéro \(n°\u00a0\d+\).*rien n’a été importé/),
    });
  }, 120_000);
});
