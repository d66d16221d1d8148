import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { mammothDocx } from '../testing/shared-testdata.js';
import { flattenInlines, inlineText } from './inline-text.js';
import type { Inline } from './model.js';
import { readDocx } from './read-docx.js';
import { paragraphs, texts } from './testing/outline.js';
import { p, paragraphStyle, rawDocx } from './testing/raw-docx.js';

/** The reader's text: styles, lists, runs and tables, from Word (mammoth's test files), the docx library, Fiches' own export, and WordprocessingML written by hand. */

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
