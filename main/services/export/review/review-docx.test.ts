import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bulletList,
  doc,
  figure,
  listItem,
  paragraph,
  tableFigure,
} from '../../../../shared/content/builders.js';
import type { DocNode } from '../../../../shared/content/doc.js';
import { commentedText, commentThread, richParagraph } from '../../../../shared/review/builders.js';
import { attributeValues, plainText, readDocx } from '../testing/docx-parts.js';
import { docxToPdf, pdfText } from '../testing/office.js';
import { openSample, type SampleRepository } from '../testing/sample.js';
import { decideAllChanges, paragraphsOf } from '../testing/tracked-changes.js';

/**
 * The Word exports for review, read back: the comments with their words, replies and
 * resolved state; the changes since a version with their authors and dates, checked by
 * doing Word's « Accepter tout » and « Refuser tout » on the XML; the sheet and revision in
 * the custom properties; LibreOffice and pandoc reading the files.
 */
const run = promisify(execFile);
let sample: SampleRepository;
let firstVersion: number;

const encadre = (title: string, ...blocks: DocNode[]): DocNode => ({
  type: 'encadre',
  content: [{ type: 'encadreTitle', content: [{ type: 'text', text: title }] }, ...blocks],
});

const at = (day: number) => `2025-03-${String(day).padStart(2, '0')}T10:00:00.000Z`;

beforeAll(async () => {
  sample = await openSample();
  const h = sample.session.handlers;
  await h['sheets:create']({ variableId: 'cobotique' });
  await h['preferences:set']({ authorName: 'Anne Martin' });
  await h['sheets:update']({
    id: 'cobotique',
    patch: {
      sections: {
        trajectoire: doc(
          paragraph('La cobotique associe robots et opérateurs depuis longtemps.'),
          paragraph('Un paragraphe qui disparaîtra.'),
          bulletList([listItem('premier point'), listItem('deuxième point')]),
          tableFigure('Parc installé', 'IFR', [
            ['Année', 'Robots'],
            ['2020', '12'],
          ]),
        ),
      },
      useFamilyMicroScenarios: false,
      scenarios: { basse: { title: 'UN ESSOR LENT' } },
    },
  });
  firstVersion = (await h['history:recordVersion']({ sheetId: 'cobotique', name: 'Envoi au comité' })).seq;

  await h['preferences:set']({ authorName: 'Paul Durand' });
  await h['sheets:update']({
    id: 'cobotique',
    patch: {
      sections: {
        trajectoire: doc(
          richParagraph(
            'La cobotique ',
            commentedText('associe robots et opérateurs', 'c-1'),
            ' depuis dix ans.',
          ),
          bulletList([
            listItem('premier point'),
            listItem('deuxième point revu'),
            listItem('troisième point'),
          ]),
          tableFigure('Parc installé', 'IFR', [
            ['Année', 'Robots'],
            ['2020', '12'],
          ]),
          encadre('À retenir', richParagraph('Un ', commentedText('encadré', 'c-3'), ' tout neuf.')),
          figure('Courbe', 'Insee'),
        ),
      },
      scenarios: { basse: { title: 'UN ESSOR TRÈS LENT' } },
    },
  });
  await h['history:recordVersion']({ sheetId: 'cobotique', name: 'Relu par Paul' });

  await h['preferences:set']({ authorName: 'Claire Petit' });
  const saved = await h['sheets:get']({ id: 'cobotique' });
  const sections = saved.sheet.sections;
  const trajectoire = sections.trajectoire as DocNode;
  const blocks = trajectoire.content ?? [];
  const withCaption = {
    ...blocks[4],
    content: [
      { type: 'caption', content: [commentedText('Courbe', 'c-4'), { type: 'text', text: ' des ventes' }] },
      { type: 'sourceLine', content: [{ type: 'text', text: 'Insee' }] },
    ],
  } as DocNode;
  await h['sheets:update']({
    id: 'cobotique',
    patch: {
      sections: { trajectoire: { ...trajectoire, content: [...blocks.slice(0, 4), withCaption] } },
      titleMarks: { basse: [{ type: 'comment', attrs: { thread: 'c-2' }, from: 9, to: 13 }] },
      threads: {
        'c-1': commentThread({
          id: 'c-1',
          part: 'section/trajectoire',
          quote: 'associe robots et opérateurs',
          author: 'Anne Martin',
          at: at(12),
          text: 'Quels opérateurs ?\nDans l’industrie seulement ?',
          replies: [{ id: 'r-1', author: 'Paul Durand', at: at(13), text: 'Tous les secteurs.' }],
        }),
        'c-2': commentThread({
          id: 'c-2',
          part: 'scenario/basse/title',
          quote: 'TRÈS',
          author: 'Paul Durand',
          at: at(14),
          text: 'Trop fort ?',
          resolved: { by: 'Anne Martin', at: at(15) },
        }),
        'c-3': commentThread({ id: 'c-3', part: 'section/trajectoire', quote: 'encadré', text: 'Bien.' }),
        'c-4': commentThread({ id: 'c-4', part: 'section/trajectoire', quote: 'Courbe', text: 'Source ?' }),
        'c-9': commentThread({
          id: 'c-9',
          part: 'section/trajectoire',
          quote: 'un texte effacé depuis',
          author: 'Anne Martin',
          text: 'Orphelin.',
        }),
      },
    },
  });
}, 60_000);

afterAll(async () => {
  await sample.dispose();
});

const render = (request: {
  format?: 'docx' | 'pdf';
  comments?: boolean;
  changesSince?: number;
  revision?: number;
}) => sample.session.handlers['export:render']({ sheetId: 'cobotique', format: 'docx', ...request });

const docxOf = async (request: Parameters<typeof render>[0]) => {
  const rendered = await render(request);
  return { rendered, docx: readDocx(Buffer.from(rendered.base64, 'base64')) };
};

/** The text between a comment's range start and end in document.xml. */
function anchoredText(documentXml: string, id: string): string {
  const start = documentXml.indexOf(`<w:commentRangeStart w:id="${id}"/>`);
  const end = documentXml.indexOf(`<w:commentRangeEnd w:id="${id}"/>`);
  expect(start, `range ${id}`).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  return plainText(documentXml.slice(start, end)).replace(/\n/g, ' ');
}

describe('Word export « avec les commentaires »', () => {
  it('writes each thread as a Word comment on its words, replies threaded, resolution kept', async () => {
    const { docx, rendered } = await docxOf({ comments: true });
    expect(rendered.fileName).toBe('cobotique-relecture.docx');
    const comments = docx.text('word/comments.xml');
    const document = docx.text('word/document.xml');
    const authors = attributeValues(comments, 'w:comment', 'w:author');
    expect(authors).toEqual(['Anne Martin', 'Paul Durand', 'Anne Martin', 'Anne Martin', 'Paul Durand']);
    expect(plainText(comments)).toContain('Quels opérateurs ?');
    expect(plainText(comments)).toContain('Dans l’industrie seulement ?');
    const idOf = (text: string) => {
      const comment = [
        ...comments.matchAll(/<w:comment\b[^>]*w:id="(\d+)"[^>]*>([\s\S]*?)<\/w:comment>/g),
      ].find((match) => plainText(match[2] ?? '').includes(text));
      return comment?.[1] ?? 'absent';
    };
    expect(anchoredText(document, idOf('Quels opérateurs'))).toBe('associe robots et opérateurs');
    // A reply is anchored where its thread is, as Word does.
    expect(anchoredText(document, idOf('Tous les secteurs'))).toBe('associe robots et opérateurs');
    expect(anchoredText(document, idOf('Bien.'))).toBe('encadré');
    expect(anchoredText(document, idOf('Source ?'))).toBe('Courbe');
    expect(anchoredText(document, idOf('Trop fort'))).toBe('TRÈS');
    expect(attributeValues(document, 'w:commentReference', 'w:id').sort()).toEqual(
      attributeValues(comments, 'w:comment', 'w:id').sort(),
    );
    // commentsExtended, linked by the paraId of each comment's paragraph: the reply points
    // at its thread; the title's thread is resolved, the others open.
    const extended = docx.text('word/commentsExtended.xml');
    // Word links a comment by the paraId of its last paragraph.
    const paraIdOf = (text: string) => {
      const body = new RegExp(`<w:comment\\b[^>]*w:id="${idOf(text)}"[^>]*>([\\s\\S]*?)</w:comment>`).exec(
        comments,
      )?.[1];
      return attributeValues(body ?? '', 'w:p', 'w14:paraId').at(-1);
    };
    const entry = (text: string) =>
      new RegExp(`<w15:commentEx\\b[^>]*w15:paraId="${paraIdOf(text)}"[^>]*/>`).exec(extended)?.[0] ?? '';
    expect(entry('Tous les secteurs')).toContain(`w15:paraIdParent="${paraIdOf('Quels opérateurs')}"`);
    expect(entry('Quels opérateurs')).not.toContain('w15:paraIdParent');
    expect(entry('Trop fort')).toContain('w15:done="1"');
    expect(entry('Quels opérateurs')).toContain('w15:done="0"');
    expect(entry('Bien.')).toContain('w15:done="0"');
  });

  it('keeps a resolved thread resolved in a document without any reply', async () => {
    const h = sample.session.handlers;
    await h['sheets:create']({ variableId: 'monnaie' });
    await h['sheets:update']({
      id: 'monnaie',
      patch: {
        sections: { trajectoire: doc(richParagraph('La ', commentedText('monnaie', 'm-1'), ' unique.')) },
        threads: {
          'm-1': commentThread({
            id: 'm-1',
            part: 'section/trajectoire',
            quote: 'monnaie',
            text: 'Vu.',
            resolved: { by: 'Anne Martin', at: at(20) },
          }),
        },
      },
    });
    const rendered = await h['export:render']({ sheetId: 'monnaie', format: 'docx', comments: true });
    const docx = readDocx(Buffer.from(rendered.base64, 'base64'));
    const extended = docx.text('word/commentsExtended.xml');
    expect(extended).toMatch(/<w15:commentEx\b[^>]*w15:done="1"/);
    expect(extended).not.toContain('paraIdParent');
  });

  it('leaves out a thread whose words are gone, and says so in the summary', async () => {
    const { docx, rendered } = await docxOf({ comments: true });
    expect(plainText(docx.text('word/comments.xml'))).not.toContain('Orphelin');
    expect(rendered.warnings.join('\n')).toMatch(
      /Commentaire de Anne Martin sur un texte absent du document \(«\s?un texte effacé depuis\s?»\)\s?: non exporté/,
    );
  });

  it('records the sheet and the revision it is in the custom properties', async () => {
    const { docx } = await docxOf({ comments: true });
    const custom = docx.text('docProps/custom.xml');
    expect(custom).toMatch(/name="FichesSheetId"[^>]*>\s*<vt:lpwstr>cobotique<\/vt:lpwstr>/);
    const listing = await sample.session.handlers['history:list']({ sheetId: 'cobotique' });
    // By its id, which no sync changes (newest first in the listing).
    const latest = listing.revisions[0]?.id;
    expect(custom).toMatch(new RegExp(`name="FichesRevision"[^>]*>\\s*<vt:lpwstr>${latest}</vt:lpwstr>`));
  });

  it('is off by default: the plain export has neither comments nor changes', async () => {
    const { docx } = await docxOf({});
    expect(docx.names).not.toContain('word/comments.xml');
    expect(docx.text('word/document.xml')).not.toMatch(/<w:(ins|del|commentRangeStart)\b/);
  });
});

describe('Word export « avec les modifications depuis une version »', () => {
  it('signs each change with the author and date of the revision that made it', async () => {
    const { docx } = await docxOf({ changesSince: firstVersion });
    const document = docx.text('word/document.xml');
    const insAuthors = new Set(attributeValues(document, 'w:ins', 'w:author'));
    const delAuthors = new Set(attributeValues(document, 'w:del', 'w:author'));
    expect(insAuthors).toEqual(new Set(['Paul Durand', 'Claire Petit']));
    expect(delAuthors).toContain('Paul Durand');
    expect(attributeValues(document, 'w:ins', 'w:date').every((date) => /^\d{4}-\d\d-\d\dT/.test(date))).toBe(
      true,
    );
    const inserted = [...document.matchAll(/<w:ins\b[^>]*w:author="Claire Petit"[^>]*>([\s\S]*?)<\/w:ins>/g)]
      .map((match) => plainText(match[1] ?? ''))
      .join('');
    expect(inserted).toContain(' des ventes');
    const deleted = [...document.matchAll(/<w:delText[^>]*>([^<]*)<\/w:delText>/g)]
      .map((match) => match[1])
      .join('|');
    expect(deleted).toContain('longtemps');
    expect(deleted).toContain('Un paragraphe qui disparaîtra.');
    // The list is compared item by item: its unchanged items are no change.
    expect(deleted).not.toContain('premier point');
    expect(inserted + plainText(document.match(/<w:ins\b[\s\S]*?<\/w:ins>/g)?.join('') ?? '')).toContain(
      ' revu',
    );
  });

  it('gives the current sheet on « Accepter tout » and the chosen version on « Refuser tout »', async () => {
    const { docx } = await docxOf({ changesSince: firstVersion });
    const document = docx.text('word/document.xml');
    const now = paragraphsOf((await docxOf({})).docx.text('word/document.xml'));
    const then = paragraphsOf((await docxOf({ revision: firstVersion })).docx.text('word/document.xml'));
    expect(decideAllChanges(document, 'accept')).toEqual(now);
    expect(decideAllChanges(document, 'reject')).toEqual(then);
    expect(then).toContain('Un paragraphe qui disparaîtra.');
    expect(now).not.toContain('Un paragraphe qui disparaîtra.');
  });

  it('refuses an unknown version, a PDF, and a past revision, each with its reason', async () => {
    await expect(render({ changesSince: 999 })).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('La version n°\u00a0999 de la fiche'),
    });
    await expect(render({ format: 'pdf', comments: true })).rejects.toMatchObject({
      code: 'invalid-request',
      message: expect.stringContaining('qu’en Word'),
    });
    await expect(render({ revision: firstVersion, comments: true })).rejects.toMatchObject({
      code: 'invalid-request',
    });
  });
});

describe('the exports for review, read by LibreOffice and pandoc', () => {
  it('opens in LibreOffice, whose own .docx keeps the comments, and pandoc shows the changes', async () => {
    const dir = join(sample.dir, 'office');
    await mkdir(dir, { recursive: true });
    const both = await render({ comments: true, changesSince: firstVersion });
    const file = join(dir, 'relecture.docx');
    await writeFile(file, Buffer.from(both.base64, 'base64'));

    const pdf = await docxToPdf(file, dir);
    expect((await pdfText(pdf)).replace(/\s+/g, ' ')).toContain('La cobotique');

    const again = join(dir, 'again');
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'lo-profile-2')}`,
        '--headless',
        '--convert-to',
        'docx:MS Word 2007 XML',
        '--outdir',
        again,
        file,
      ],
      { timeout: 120_000, killSignal: 'SIGKILL' },
    );
    const roundTrip = readDocx(await readFile(join(again, 'relecture.docx')));
    const comments = plainText(roundTrip.text('word/comments.xml'));
    expect(comments).toContain('Quels opérateurs ?');
    expect(comments).toContain('Tous les secteurs.');
    expect(roundTrip.text('word/document.xml')).toMatch(/<w:ins\b[^>]*w:author="Paul Durand"/);

    const { stdout } = await run('pandoc', ['--track-changes=all', '-f', 'docx', '-t', 'markdown', file], {
      maxBuffer: 16 * 1024 * 1024,
      timeout: 120_000,
    });
    expect(stdout).toMatch(/\[[^\]]*dix[^\]]*\]\{\.insertion author="Paul Durand"/);
    expect(stdout).toMatch(/\[[^\]]*longtemps[^\]]*\]\{\.deletion author="Paul Durand"/);
    expect(stdout).toMatch(/\{\.comment-start [^}]*author="Anne Martin"/);
  }, 240_000);
});
