import { readFile } from 'node:fs/promises';
import {
  DeletedTextRun,
  Document,
  InsertedTextRun,
  Packer,
  Paragraph,
  TextRun,
  CommentRangeStart,
  CommentRangeEnd,
  CommentReference,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { mammothDocx } from '../testing/shared-testdata.js';
import { inlineText } from './inline-text.js';
import { readDocx } from './read-docx.js';
import { paragraphs, texts } from './testing/outline.js';
import { p, rawDocx } from './testing/raw-docx.js';

/** The reader's notes, comments and tracked changes, as Word, LibreOffice and the docx library write them. */

const read = (bytes: Buffer, name = 'test.docx') => readDocx(bytes, name);
const mammoth = async (name: string) => readDocx(await readFile(mammothDocx(name)), `${name}.docx`);

describe('notes, comments and tracked changes', () => {
  it('reads footnotes and endnotes by id, without Word’s separators', async () => {
    const footnotes = await mammoth('footnotes');
    expect([...footnotes.footnotes.keys()]).toEqual(['1', '2']);
    expect(
      texts(footnotes.footnotes.get('1') ?? [])
        .join('')
        .trim(),
    ).toBe('A tachyon walks into a bar.');
    const endnotes = await mammoth('endnotes');
    expect([...endnotes.endnotes.values()].map((blocks) => texts(blocks).join('').trim())).toContain(
      'A tachyon walks into a bar.',
    );
    const refs = paragraphs(endnotes.body)[0]?.content.filter((inline) => inline.kind === 'note');
    expect(refs).toEqual([
      { kind: 'note', note: 'endnote', id: '2' },
      { kind: 'note', note: 'endnote', id: '3' },
    ]);
  });

  it('records comments, their anchors, threads and resolved state', async () => {
    const bytes = await Packer.toBuffer(
      new Document({
        comments: {
          children: [
            {
              id: 0,
              author: 'Claire Relectrice',
              initials: 'CR',
              date: new Date('2024-03-12T10:00:00Z'),
              children: [new Paragraph('Source à vérifier.')],
              resolved: true,
            },
            {
              id: 1,
              author: 'Paul Auteur',
              date: new Date('2024-03-12T11:00:00Z'),
              parentId: 0,
              children: [new Paragraph('Vérifiée.')],
            },
          ],
        },
        sections: [
          {
            children: [
              new Paragraph({
                children: [
                  new CommentRangeStart(0),
                  new TextRun('Le Big Data'),
                  new CommentRangeEnd(0),
                  new TextRun({ children: [new CommentReference(0)] }),
                ],
              }),
            ],
          },
        ],
      }),
    );
    const doc = read(bytes);
    expect(doc.comments.map(({ blocks: _blocks, ...comment }) => comment)).toEqual([
      {
        id: '0',
        author: 'Claire Relectrice',
        initials: 'CR',
        date: '2024-03-12T10:00:00.000Z',
        text: 'Source à vérifier.',
        done: true,
      },
      { id: '1', author: 'Paul Auteur', date: '2024-03-12T11:00:00.000Z', text: 'Vérifiée.', parentId: '0' },
    ]);
    const edges = paragraphs(doc.body)[0]?.content.filter((inline) => inline.kind === 'comment');
    expect(edges?.map((inline) => inline.kind === 'comment' && `${inline.edge}:${inline.id}`)).toEqual([
      'start:0',
      'end:0',
      'reference:0',
    ]);
    expect(inlineText(paragraphs(doc.body)[0]?.content ?? [])).toBe('Le Big Data');
  });

  it('reads Word’s durable comment ids (commentsIds.xml), keyed by the comment’s last paragraph', () => {
    const w =
      'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"';
    const doc = read(
      rawDocx({
        relationships: [
          { id: 'rIdC', type: 'comments', target: 'comments.xml' },
          {
            id: 'rIdI',
            type: 'http://schemas.microsoft.com/office/2016/09/relationships/commentsIds',
            target: 'commentsIds.xml',
          },
        ],
        parts: {
          'word/comments.xml': `<w:comments ${w}><w:comment w:id="7" w:author="Claire"><w:p w14:paraId="1A2B3C4D"><w:r><w:t>Vu</w:t></w:r></w:p></w:comment></w:comments>`,
          'word/commentsIds.xml':
            '<w16cid:commentsIds xmlns:w16cid="http://schemas.microsoft.com/office/word/2016/wordml/cid"><w16cid:commentId w16cid:paraId="1A2B3C4D" w16cid:durableId="5F3A2B1C"/></w16cid:commentsIds>',
        },
        body: p('Texte'),
      }),
    );
    expect(doc.comments.map(({ blocks: _blocks, ...comment }) => comment)).toEqual([
      { id: '7', author: 'Claire', text: 'Vu', durableId: '5F3A2B1C' },
    ]);
  });

  it('reads Word’s comments (mammoth’s comments.docx)', async () => {
    const doc = await mammoth('comments');
    expect(doc.comments.map((comment) => [comment.id, comment.author, comment.text])).toEqual([
      ['0', 'Michael Williamson', 'A tachyon walks into a bar.'],
      ['2', 'Michael Williamson', 'Fin.'],
    ]);
  });

  it('records tracked changes with author and date; the accepted text leaves deletions out', async () => {
    const bytes = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({
                children: [
                  new TextRun('Le Big Data '),
                  new InsertedTextRun({
                    text: 'désormais ',
                    id: 1,
                    author: 'Claire',
                    date: '2024-03-12T10:00:00Z',
                  }),
                  new DeletedTextRun({
                    text: 'parfois ',
                    id: 2,
                    author: 'Paul',
                    date: '2024-03-13T09:00:00Z',
                  }),
                  new TextRun('se développe.'),
                ],
              }),
            ],
          },
        ],
      }),
    );
    const doc = read(bytes);
    expect(doc.revisions).toEqual([
      { id: '1', kind: 'insertion', author: 'Claire', date: '2024-03-12T10:00:00Z', text: 'désormais ' },
      { id: '2', kind: 'deletion', author: 'Paul', date: '2024-03-13T09:00:00Z', text: 'parfois ' },
    ]);
    const content = paragraphs(doc.body)[0]?.content ?? [];
    expect(inlineText(content)).toBe('Le Big Data désormais se développe.');
    expect(content.map((inline) => inline.change?.kind ?? null)).toEqual([
      null,
      'insertion',
      'deletion',
      null,
    ]);
  });

  it('records moves, formatting changes, paragraph marks and deleted rows', () => {
    const change = (id: string) => `w:id="${id}" w:author="Claire" w:date="2024-03-12T10:00:00Z"`;
    const doc = read(
      rawDocx({
        body:
          `<w:p><w:pPr><w:rPr><w:del ${change('5')}/></w:rPr></w:pPr>` +
          `<w:moveFrom ${change('1')}><w:r><w:delText>parti</w:delText></w:r></w:moveFrom>` +
          `<w:moveTo ${change('2')}><w:r><w:t>arrivé</w:t></w:r></w:moveTo>` +
          `<w:r><w:rPr><w:b/><w:rPrChange ${change('3')}><w:rPr/></w:rPrChange></w:rPr><w:t>gras</w:t></w:r></w:p>` +
          `<w:tbl><w:tr><w:trPr><w:del ${change('4')}/></w:trPr><w:tc>${p('ligne supprimée')}</w:tc></w:tr></w:tbl>`,
      }),
    );
    expect(doc.revisions.map((revision) => [revision.id, revision.kind, revision.text])).toEqual([
      ['5', 'paragraph-mark', ''],
      ['1', 'move-from', 'parti'],
      ['2', 'move-to', 'arrivé'],
      ['3', 'formatting', 'gras'],
      ['4', 'deletion', ''],
    ]);
    const [paragraph, table] = doc.body;
    expect(paragraph?.kind === 'paragraph' && [paragraph.markChange, inlineText(paragraph.content)]).toEqual([
      { id: '5', kind: 'deletion' },
      'arrivégras',
    ]);
    expect(table?.kind === 'table' && table.rows[0]?.change).toEqual({ id: '4', kind: 'deletion' });
  });
});
