import { readFile } from 'node:fs/promises';
import {
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  InsertedTextRun,
  Packer,
  Paragraph,
  TextRun,
  CommentRangeStart,
  CommentRangeEnd,
  CommentReference,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { pngImage } from '../testing/images.js';
import { mammothDocx } from '../testing/shared-testdata.js';
import { openSample } from '../export/testing/sample.js';
import { flattenInlines, inlineText } from './inline-text.js';
import { DEFAULT_DOCX_LIMITS } from './limits.js';
import type { Inline } from './model.js';
import { readDocx } from './read-docx.js';
import { paragraphs, texts } from './testing/outline.js';
import { p, paragraphStyle, rawDocx } from './testing/raw-docx.js';

/** The reader against documents of several writers: Word (mammoth's test files), the docx library, Fiches' own export, and WordprocessingML written by hand. */

const read = (bytes: Buffer, name = 'test.docx') => readDocx(bytes, name);
const mammoth = async (name: string) => readDocx(await readFile(mammothDocx(name)), `${name}.docx`);

describe('styles', () => {
  it('counts style names, not ids: French Word’s Titre1 and Lgende are a heading and a caption', () => {
    const doc = read(
      rawDocx({
        styles: [
          paragraphStyle('Titre1', 'heading 1'),
          paragraphStyle('Lgende', 'caption'),
          paragraphStyle('Citation', 'Quote'),
          paragraphStyle('MonTitre', 'Mon titre', '<w:basedOn w:val="Titre1"/>'),
          paragraphStyle('Plan', 'Plan', '<w:pPr><w:outlineLvl w:val="2"/></w:pPr>'),
          paragraphStyle('Heading1', 'Corps spécial'),
        ].join(''),
        body: [
          p('Un titre', { style: 'Titre1' }),
          p('Figure 1 : une légende', { style: 'Lgende' }),
          p('Une citation', { style: 'Citation' }),
          p('Titre dérivé', { style: 'MonTitre' }),
          p('Niveau de plan', { style: 'Plan' }),
          // Not in styles.xml: Word's own French id still says what it is.
          p('Titre 2 sans description', { style: 'Titre2' }),
          // The name wins over the id: this « Heading1 » is body text.
          p('Corps', { style: 'Heading1' }),
        ].join(''),
      }),
    );
    expect(paragraphs(doc.body).map((block) => [block.style?.builtIn, block.headingLevel ?? null])).toEqual([
      ['heading', 1],
      ['caption', null],
      ['quote', null],
      ['heading', 1],
      [undefined, 3],
      ['heading', 2],
      [undefined, null],
    ]);
  });
});

describe('lists', () => {
  const numbering =
    '<w:abstractNum w:abstractNumId="0">' +
    '<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl>' +
    '<w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/></w:lvl>' +
    '</w:abstractNum>' +
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="lowerLetter"/></w:lvl></w:abstractNum>' +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
    '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:lvlOverride></w:num>';
  const item = (text: string, numId: string, level: number) =>
    p(text, { pPr: `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr>` });

  it('reads list items with their level and kind from numbering.xml', () => {
    const doc = read(
      rawDocx({
        numbering,
        styles: paragraphStyle(
          'ListeApuces',
          'List Bullet',
          '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>',
        ),
        body: [
          item('Puce', '1', 0),
          item('Numéro imbriqué', '1', 1),
          item('Lettre', '2', 0),
          item('Surchargé en chiffres', '3', 0),
          item('numId 0 : pas une liste', '0', 0),
          item('Instance inconnue', '9', 0),
          p('Par le style', { style: 'ListeApuces' }),
        ].join(''),
      }),
    );
    expect(paragraphs(doc.body).map((block) => block.list ?? null)).toEqual([
      { id: '1', level: 0, ordered: false },
      { id: '1', level: 1, ordered: true },
      { id: '2', level: 0, ordered: true },
      { id: '3', level: 0, ordered: true },
      null,
      null,
      { id: '1', level: 0, ordered: false },
    ]);
  });

  it('reads Word’s own lists (mammoth’s simple-list.docx)', async () => {
    const doc = await mammoth('simple-list');
    expect(paragraphs(doc.body).map((block) => [inlineText(block.content), block.list?.level])).toEqual([
      ['Apple', 0],
      ['Banana', 0],
    ]);
  });
});

describe('runs', () => {
  it('keeps bold, italic, underline and strike, from the run or its character style, and toggles set off', () => {
    const doc = read(
      rawDocx({
        styles:
          '<w:style w:type="character" w:styleId="lev"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>',
        body:
          '<w:p>' +
          '<w:r><w:rPr><w:b/><w:i/></w:rPr><w:t>gras italique</w:t></w:r>' +
          '<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>souligné</w:t></w:r>' +
          '<w:r><w:rPr><w:u w:val="none"/></w:rPr><w:t>pas souligné</w:t></w:r>' +
          '<w:r><w:rPr><w:rStyle w:val="lev"/></w:rPr><w:t>style</w:t></w:r>' +
          '<w:r><w:rPr><w:rStyle w:val="lev"/><w:b w:val="0"/></w:rPr><w:t>style annulé</w:t></w:r>' +
          '<w:r><w:rPr><w:strike/></w:rPr><w:t>barré</w:t></w:r>' +
          '<w:r><w:t xml:space="preserve">a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:br w:type="page"/><w:noBreakHyphen/><w:softHyphen/></w:r>' +
          '</w:p>',
      }),
    );
    const inlines = paragraphs(doc.body)[0]?.content ?? [];
    const marked = inlines
      .filter((inline): inline is Extract<Inline, { kind: 'text' }> => inline.kind === 'text')
      .map((inline) => [inline.text, Object.keys(inline.marks).filter((key) => inline.marks[key as 'bold'])]);
    expect(marked).toEqual([
      ['gras italique', ['bold', 'italic']],
      ['souligné', ['underline']],
      ['pas souligné', []],
      ['style', ['bold']],
      ['style annulé', []],
      ['barré', ['strike']],
      ['a', []],
      ['b', []],
      ['c\u2011', []],
    ]);
    expect(inlineText(inlines)).toBe('gras italiquesoulignépas soulignéstylestyle annulébarréa\tb\nc\u2011');
  });

  it('reads links: relationships, anchors and HYPERLINK fields', () => {
    const doc = read(
      rawDocx({
        relationships: [
          { id: 'rIdLink', type: 'hyperlink', target: 'https://exemple.fr/page', external: true },
        ],
        body:
          '<w:p><w:hyperlink r:id="rIdLink"><w:r><w:t>externe</w:t></w:r></w:hyperlink>' +
          '<w:hyperlink w:anchor="_Toc1"><w:r><w:t>interne</w:t></w:r></w:hyperlink>' +
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:agence@exemple.fr" </w:instrText></w:r>' +
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>courriel</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
      }),
    );
    const links = (paragraphs(doc.body)[0]?.content ?? []).filter((inline) => inline.kind === 'link');
    expect(links.map((link) => [link.href ?? null, link.anchor ?? null, inlineText(link.content)])).toEqual([
      ['https://exemple.fr/page', null, 'externe'],
      [null, '_Toc1', 'interne'],
      ['mailto:agence@exemple.fr', null, 'courriel'],
    ]);
  });

  it('follows complex fields: the result is shown, the instruction is not, nested fields close in order', () => {
    const doc = read(
      rawDocx({
        body:
          '<w:p><w:r><w:t xml:space="preserve">Figure </w:t></w:r>' +
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> SEQ Figure \\* ARABIC </w:instrText></w:r>' +
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
          '<w:r><w:t xml:space="preserve"> : texte</w:t></w:r>' +
          '<w:fldSimple w:instr="PAGE"><w:r><w:t>12</w:t></w:r></w:fldSimple>' +
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>' +
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DATE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>hier</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>oui</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
          '</w:p>',
      }),
    );
    const content = paragraphs(doc.body)[0]?.content ?? [];
    expect(inlineText(content)).toBe('Figure 3 : texte12oui');
    const fields = flattenInlines(content).filter((inline) => inline.kind === 'field');
    expect(fields.map((field) => [field.instruction, inlineText(field.content)])).toEqual([
      ['SEQ Figure \\* ARABIC', '3'],
      ['PAGE', '12'],
      // The inner field's result is part of the outer one's instruction, as Word evaluates it.
      ['IF hier', 'oui'],
    ]);
  });
});

describe('tables', () => {
  it('reads header rows, spans and vertical merges', () => {
    const cell = (text: string, tcPr = '') =>
      `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${p(text)}</w:tc>`;
    const doc = read(
      rawDocx({
        body:
          '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>' +
          `<w:tr><w:trPr><w:tblHeader/></w:trPr>${cell('A')}${cell('B')}${cell('C')}</w:tr>` +
          `<w:tr>${cell('large', '<w:gridSpan w:val="2"/>')}${cell('haut', '<w:vMerge w:val="restart"/>')}</w:tr>` +
          `<w:tr>${cell('1')}${cell('2')}${cell('', '<w:vMerge/>')}</w:tr>` +
          '</w:tbl>',
      }),
    );
    const [table] = doc.body;
    expect(table?.kind).toBe('table');
    if (table?.kind !== 'table') return;
    expect(table.columns).toBe(3);
    expect(
      table.rows.map((row) => [
        row.header,
        row.cells.map((c) => [texts(c.blocks).join(''), c.colSpan, c.verticalMerge ?? null]),
      ]),
    ).toEqual([
      [
        true,
        [
          ['A', 1, null],
          ['B', 1, null],
          ['C', 1, null],
        ],
      ],
      [
        false,
        [
          ['large', 2, null],
          ['haut', 1, 'restart'],
        ],
      ],
      [
        false,
        [
          ['1', 1, null],
          ['2', 1, null],
          ['', 1, 'continue'],
        ],
      ],
    ]);
  });

  it('reads Word’s tables (mammoth’s tables.docx)', async () => {
    const doc = await mammoth('tables');
    expect(doc.body.map((block) => block.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(texts(doc.body)).toEqual([
      'Above',
      'Top left',
      'Top right',
      'Bottom left',
      'Bottom right',
      'Below',
    ]);
  });
});

describe('images and text boxes', () => {
  const picture = (blip: string, descr = 'Un graphique') =>
    `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="457200"/><wp:docPr id="1" name="x" descr="${descr}"/>` +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>' +
    `<pic:blipFill>${blip}</pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;

  it('reads embedded, SVG, linked and missing images; media is read on demand, within its limit', () => {
    const png = pngImage(4, 2);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';
    const doc = readDocx(
      rawDocx({
        relationships: [
          { id: 'rIdPng', type: 'image', target: 'media/image1.png' },
          { id: 'rIdSvg', type: 'image', target: 'media/image1.svg' },
          { id: 'rIdLinked', type: 'image', target: 'file:///C:/Images/carte.png', external: true },
          { id: 'rIdGone', type: 'image', target: 'media/absente.png' },
          { id: 'rIdBig', type: 'image', target: 'media/big.png' },
        ],
        parts: {
          'word/media/image1.png': png,
          'word/media/image1.svg': svg,
          'word/media/big.png': Buffer.alloc(4096),
        },
        body:
          picture(
            '<a:blip r:embed="rIdPng"><a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}"><asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="rIdSvg"/></a:ext></a:extLst></a:blip>',
          ) +
          picture('<a:blip r:link="rIdLinked"/>', 'Carte liée') +
          picture('<a:blip r:embed="rIdGone"/>', 'Absente') +
          picture('<a:blip r:embed="rIdBig"/>', 'Trop grande'),
      }),
      'images.docx',
      { ...DEFAULT_DOCX_LIMITS, maxMediaBytes: 1024 },
    );
    const images = paragraphs(doc.body).flatMap((block) =>
      block.content.flatMap((inline) => (inline.kind === 'image' ? [inline.image] : [])),
    );
    expect(images).toEqual([
      {
        part: 'word/media/image1.png',
        svgPart: 'word/media/image1.svg',
        description: 'Un graphique',
        widthEmu: 914400,
        heightEmu: 457200,
      },
      { link: 'file:///C:/Images/carte.png', description: 'Carte liée', widthEmu: 914400, heightEmu: 457200 },
      { part: 'word/media/absente.png', description: 'Absente', widthEmu: 914400, heightEmu: 457200 },
      { part: 'word/media/big.png', description: 'Trop grande', widthEmu: 914400, heightEmu: 457200 },
    ]);
    expect(doc.media('word/media/image1.png')).toEqual({ bytes: png });
    expect(doc.media('word/media/absente.png')).toEqual({ missing: true });
    expect(doc.media('word/media/big.png')).toEqual({ tooLarge: 4096 });
  });

  it('reads Word’s pictures, embedded (with a target relative to the package) and linked', async () => {
    for (const name of ['tiny-picture', 'tiny-picture-target-base-relative']) {
      const doc = await mammoth(name);
      const image = paragraphs(doc.body)
        .flatMap((block) => block.content)
        .find((inline) => inline.kind === 'image');
      expect(image?.kind === 'image' && image.image.part).toBe('word/media/image1.png');
      expect(doc.media('word/media/image1.png')).toHaveProperty('bytes');
    }
    const linked = await mammoth('external-picture');
    const image = paragraphs(linked.body)[0]?.content[0];
    expect(image?.kind === 'image' && image.image).toEqual({
      link: 'tiny-picture.png',
      widthEmu: 95250,
      heightEmu: 95250,
    });
  });

  it('reads a text box once, from the branch of mc:AlternateContent it understands', async () => {
    const doc = await mammoth('text-box');
    const boxes = paragraphs(doc.body).flatMap((block) =>
      block.content.filter((inline) => inline.kind === 'text-box'),
    );
    expect(boxes).toHaveLength(1);
    expect(boxes[0]?.kind === 'text-box' && texts(boxes[0].blocks)).toEqual(['Datum plane']);
  });

  it('names what it cannot read: charts and equations', () => {
    const doc = read(
      rawDocx({
        body:
          '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="1" cy="1"/><wp:docPr id="1" name="c"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"/></a:graphic></wp:inline></w:drawing></w:r></w:p>' +
          '<w:p><m:oMath><m:r><m:t>x</m:t></m:r></m:oMath></w:p>',
      }),
    );
    expect(paragraphs(doc.body).map((block) => block.content)).toEqual([
      [{ kind: 'unsupported', what: 'graphique Word' }],
      [{ kind: 'unsupported', what: 'équation' }],
    ]);
  });
});

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

describe('flavours and properties', () => {
  it('reads « Strict Open XML » as any other document (mammoth’s strict-format.docx)', async () => {
    const doc = await mammoth('strict-format');
    expect(doc.strict).toBe(true);
    expect(texts(doc.body)).toEqual(['Test']);
  });

  it('reads Word’s small documents: empty, one paragraph, a byte-order mark, underline, strikethrough', async () => {
    expect(texts((await mammoth('empty')).body)).toEqual(['']);
    expect(texts((await mammoth('single-paragraph')).body)).toEqual(['Walking on imported air']);
    expect(texts((await mammoth('utf8-bom')).body)).toEqual(['This XML has a byte order mark.']);
    expect(texts((await mammoth('underline')).body)).toEqual(['The Sunset Tree']);
    expect(texts((await mammoth('strikethrough')).body)).toEqual(["Today's Special: Salmon Sold out"]);
  });

  it('reads the core and custom properties', async () => {
    const bytes = await Packer.toBuffer(
      new Document({
        title: 'Big Data',
        creator: 'Agence',
        customProperties: [{ name: 'FichesSheet', value: 'big-data' }],
        sections: [
          {
            children: [
              new Paragraph({
                children: [
                  new ExternalHyperlink({ link: 'https://exemple.fr', children: [new TextRun('lien')] }),
                ],
              }),
            ],
          },
        ],
      }),
    );
    const doc = read(bytes);
    expect(doc.properties).toMatchObject({
      title: 'Big Data',
      creator: 'Agence',
      custom: { FichesSheet: 'big-data' },
    });
  });

  it('reads the sections’ columns of a Fiches export: questions across the page, text in two columns', async () => {
    const sample = await openSample();
    try {
      const rendered = await sample.session.handlers['export:render']({
        sheetId: 'big-data',
        format: 'docx',
      });
      const doc = read(Buffer.from(rendered.base64, 'base64'), rendered.fileName);
      const question = paragraphs(doc.body).find((block) =>
        inlineText(block.content).startsWith('Quelle a été'),
      );
      expect(question).toMatchObject({ headingLevel: 2, columns: 1, style: { builtIn: 'heading' } });
      const body = paragraphs(doc.body).find((block) =>
        inlineText(block.content).startsWith('Le Big Data a une histoire'),
      );
      expect(body).toMatchObject({ columns: 2, style: { name: 'Fiche – Corps de texte' } });
      const caption = paragraphs(doc.body).find((block) => block.style?.builtIn === 'caption');
      expect(inlineText(caption?.content ?? [])).toBe(
        'Figure\u00a01\u00a0: Les 4 principaux freins à la transformation digitale',
      );
    } finally {
      await sample.dispose();
    }
  });
});
