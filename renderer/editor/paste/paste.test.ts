// @vitest-environment jsdom
/// <reference types="vite/client" />
import { DOMSerializer } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../../shared/content/doc.js';
import { textOf } from '../../../shared/content/doc.js';
import { isSafeLinkHref } from '../../../shared/content/links.js';
import { contentSchema } from '../../../shared/content/schema.js';
import { contentProblem } from '../../../shared/content/validate.js';
import { ASSET_ATTRIBUTE } from './figures-and-tables.js';
import { PasteParser } from './paste-extension.js';
import { transformPastedHtml } from './pasted-html.js';
import libreoffice from '../../../e2e/fixtures/paste/libreoffice.html?raw';
import malicious from '../../../e2e/fixtures/paste/malicious.html?raw';
import thirtyPages from '../../../e2e/fixtures/paste/word-30-pages.html?raw';
import word from '../../../e2e/fixtures/paste/word.html?raw';

/**
 * The paste pipeline on real clipboard HTML: the fixtures of e2e/fixtures/paste (Word's
 * format, LibreOffice's own output, a hostile page, 30 pages), read as ProseMirror
 * reads a paste (an inert document), reshaped and parsed by the editor's clipboard parser.
 */

const fixtures = { word, libreoffice, malicious, thirtyPages };
const fixture = (name: keyof typeof fixtures) => fixtures[name];

const ASSET = `${'b'.repeat(64)}.png`;

/**
 * What ProseMirror does with clipboard HTML before parsing it: our transformPastedHTML, then
 * its readHTML: leading <meta>s off, into an inert body, the pasted stylesheets' rules copied
 * into each element's style through the CSS engine (which drops the mso- properties).
 */
function clipboardDom(html: string, prepare?: (body: HTMLElement) => void): HTMLElement {
  const inert = document.implementation.createHTMLDocument('paste');
  inert.body.innerHTML = transformPastedHtml(html, PasteParser.forSchema(contentSchema()).readStyles).replace(
    /^(\s*<meta [^>]*>)*/,
    '',
  );
  for (const sheet of Array.from(inert.styleSheets)) {
    for (const rule of Array.from(sheet.cssRules)) {
      if (!(rule instanceof CSSStyleRule)) continue;
      for (const element of Array.from(inert.body.querySelectorAll<HTMLElement>(rule.selectorText))) {
        element.style.cssText += rule.style.cssText;
      }
    }
  }
  prepare?.(inert.body);
  return inert.body;
}

/** The document an empty section becomes once the HTML is pasted into it. */
function paste(html: string, prepare?: (body: HTMLElement) => void) {
  const parser = PasteParser.forSchema(contentSchema());
  const slice = parser.parseSlice(clipboardDom(html, prepare));
  const pasted = EditorState.create({ schema: contentSchema() }).tr.replaceSelection(slice).doc;
  return { doc: pasted.toJSON() as DocNode, report: parser.lastReport, fragment: pasted.content };
}

function all(node: DocNode, type: string): DocNode[] {
  const own = node.type === type ? [node] : [];
  return [...own, ...(node.content ?? []).flatMap((child) => all(child, type))];
}

/** A list as nested arrays of item texts: [text, [sub-items]]. */
function outline(list: DocNode): unknown[] {
  return (list.content ?? []).map((item) => {
    const [first, ...rest] = item.content ?? [];
    const nested = rest.filter((child) => child.type === 'orderedList' || child.type === 'bulletList');
    const text = textOf(first ?? { type: 'doc' });
    return nested.length > 0
      ? [text, ...nested.map((sub) => [sub.type, sub.attrs?.['type'], outline(sub)])]
      : text;
  });
}

function marksOn(doc: DocNode, text: string): string[] {
  const node = all(doc, 'text').find((candidate) => candidate.text?.includes(text));
  return (node?.marks ?? []).map((mark) =>
    mark.type === 'link' ? `link:${String(mark.attrs?.['href'])}` : mark.type,
  );
}

const top = (doc: DocNode) => (doc.content ?? []).map((block) => block.type);
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('paste from Word (clipboard format)', () => {
  const { doc, report } = paste(fixture('word'));
  const json = JSON.stringify(doc);

  it('is content the sheet accepts', () => {
    expect(contentProblem(doc)).toBeUndefined();
    expect(report?.fromWord).toBe(true);
  });

  it('turns headings into sub-headings, the highest level into the first', () => {
    expect(all(doc, 'heading').map((h) => [h.attrs?.['level'], textOf(h)])).toEqual([
      [3, 'Le Big Data dans l’industrie régionale (section 1)'],
      [4, 'Les étapes d’un projet de données'],
    ]);
  });

  it('keeps bold, italic and links, and drops fonts, colours and highlighting', () => {
    expect(marksOn(doc, 'volumineuses')).toEqual(['bold']);
    expect(marksOn(doc, 'exponentielle')).toEqual(['italic']);
    expect(marksOn(doc, 'IDC')).toEqual(['link:https://www.example.org/etude-idc']);
    expect(marksOn(doc, 'mise')).toEqual(expect.arrayContaining(['bold', 'italic']));
    expect(json).not.toMatch(/Comic|color|yellow|mso|Calibri|MsoHyperlink|"lang"|"style"/);
  });

  it('rebuilds the numbered list with its nested levels and drops the typed numbers', () => {
    const [numbered] = all(doc, 'orderedList');
    expect(numbered && outline(numbered)).toEqual([
      [
        'Collecter les données',
        [
          'orderedList',
          'a',
          [
            'Capteurs des machines',
            ['Systèmes de gestion', ['orderedList', 'i', ['Progiciels de gestion intégrés']]],
          ],
        ],
      ],
      'Stocker et sécuriser les données',
      'Analyser et décider',
    ]);
    expect(marksOn(doc, 'sécuriser')).toEqual(['bold']);
  });

  it('rebuilds the bulleted list with its nested level, without Word’s bullet characters', () => {
    const bullets = all(doc, 'bulletList');
    expect(bullets[0] && outline(bullets[0])).toEqual([
      [
        'traçabilité du produit et de ses composants',
        ['bulletList', undefined, ['de la matière première au client']],
      ],
      'maintenance prédictive des équipements',
    ]);
    expect(textOf(doc)).not.toMatch(/·|^o$|\d\.\s{2}/m);
  });

  it('keeps the table as a numbered table with its caption, header row and source', () => {
    const [table] = all(doc, 'tableFigure');
    const [caption, body, source] = table?.content ?? [];
    expect(plain(textOf(caption ?? { type: 'doc' }))).toBe(
      'Taux d’équipement des entreprises en solutions Big Data',
    );
    expect(plain(textOf(source ?? { type: 'doc' }))).toBe(
      'IDC et ATOS, enquête auprès de 100 entreprises de plus de 1 000 salariés',
    );
    const rows = (body?.content ?? []).map((row) =>
      (row.content ?? []).map((cell) => [cell.type, plain(textOf(cell))]),
    );
    expect(rows).toEqual([
      [
        ['tableHeader', 'Activité'],
        ['tableHeader', '2012'],
        ['tableHeader', '2019'],
      ],
      [
        ['tableCell', 'Industrie'],
        ['tableCell', '7 %'],
        ['tableCell', '50 %'],
      ],
      [
        ['tableCell', 'Services'],
        ['tableCell', '9 %'],
        ['tableCell', '61 %'],
      ],
    ]);
  });

  it('drops comments, empty paragraphs and conditional comments; counts the image it could not take', () => {
    expect(textOf(doc)).toContain(
      'Cette phrase porte un commentaire de relecture, invisible une fois collée.',
    );
    expect(textOf(doc)).not.toMatch(/\[AH1\]|SEQ|supportLists|endif|VML/);
    const paragraphs = all(doc, 'paragraph').filter(
      (p) => !all(doc, 'table').some((t) => JSON.stringify(t).includes(JSON.stringify(p))),
    );
    expect(paragraphs.filter((p) => textOf(p).trim() === '')).toEqual([]);
    expect(report).toMatchObject({ droppedImages: 1, figures: 0, tables: 1 });
    expect(top(doc)).not.toContain('figure');
  });
});

describe('paste from LibreOffice (its own HTML)', () => {
  it('keeps headings, marks, nested typed lists, the table with its header, caption and source', () => {
    const { doc, report } = paste(fixture('libreoffice'));
    expect(contentProblem(doc)).toBeUndefined();
    expect(report?.fromWord).toBe(false);
    expect(all(doc, 'heading').map((h) => [h.attrs?.['level'], plain(textOf(h))])).toEqual([
      [3, 'Le Big Data dans l’industrie'],
      [4, 'Les étapes d’un projet'],
    ]);
    expect(marksOn(doc, 'volumineuses')).toEqual(['bold']);
    expect(marksOn(doc, 'en continu')).toEqual(['italic']);
    expect(marksOn(doc, 'synthèse')).toContain('link:https://www.example.org/big-data');
    const [numbered] = all(doc, 'orderedList');
    expect(numbered && outline(numbered)).toEqual([
      [
        'Collecter les données',
        [
          'orderedList',
          'a',
          [
            'Capteurs des machines',
            ['Systèmes de gestion', ['orderedList', 'i', ['Progiciels de gestion intégrés']]],
          ],
        ],
      ],
      'Stocker et traiter',
      'Analyser et décider',
    ]);
    const [table] = all(doc, 'tableFigure');
    expect(plain(textOf(table?.content?.[0] ?? { type: 'doc' }))).toBe('Taux d’équipement des entreprises');
    expect(table?.content?.[1]?.content?.[0]?.content?.map((cell) => cell.type)).toEqual([
      'tableHeader',
      'tableHeader',
      'tableHeader',
    ]);
    expect(plain(textOf(table?.content?.[2] ?? { type: 'doc' }))).toBe(
      'IDC et ATOS, enquête auprès de 100 entreprises',
    );
  });

  it('brings its embedded image in as a figure, with the caption and source around it', () => {
    const { doc, report } = paste(fixture('libreoffice'), (body) => {
      // What the paste handler does first: the data: image stored, the <img> pointing at it.
      const image = body.querySelector('img');
      image?.removeAttribute('src');
      image?.setAttribute(ASSET_ATTRIBUTE, ASSET);
    });
    const figures = all(doc, 'figure');
    expect(figures).toHaveLength(1);
    expect(figures[0]?.attrs).toEqual({ asset: ASSET, width: 'column' });
    expect(plain(textOf(figures[0]?.content?.[0] ?? { type: 'doc' }))).toBe('Répartition des usages');
    expect(plain(textOf(figures[0]?.content?.[1] ?? { type: 'doc' }))).toBe(
      'Baromètre régional des entreprises 2019',
    );
    expect(report).toMatchObject({ figures: 1, droppedImages: 0 });
    expect(top(doc).slice(-2)).toEqual(['figure', 'paragraph']);
  });
});

describe('paste of a hostile page', () => {
  const { doc, fragment } = paste(fixture('malicious'));
  const json = JSON.stringify(doc);
  const rendered = document.createElement('div');
  rendered.append(DOMSerializer.fromSchema(contentSchema()).serializeFragment(fragment));

  it('keeps the text and the one safe link, and nothing that could run', () => {
    expect(contentProblem(doc)).toBeUndefined();
    expect(textOf(doc)).toContain('Titre piégé');
    expect(textOf(doc)).toContain('Texte final sûr.');
    const hrefs = all(doc, 'text').flatMap((node) =>
      (node.marks ?? []).filter((mark) => mark.type === 'link').map((mark) => String(mark.attrs?.['href'])),
    );
    expect(hrefs).toEqual(['https://www.example.org/sain']);
    expect(json).not.toMatch(/alert\(|__pasteRan|evil\.example|srcdoc|repli d’iframe|noscript/);
  });

  it('renders to markup with no script, frame, handler or unsafe address', () => {
    expect(
      rendered.querySelectorAll('script, iframe, object, embed, svg, math, form, style, img, video, audio'),
    ).toHaveLength(0);
    for (const element of Array.from(rendered.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) {
        expect(attribute.name).not.toMatch(/^on/i);
        if (['href', 'src', 'action', 'formaction', 'background'].includes(attribute.name)) {
          expect(isSafeLinkHref(attribute.value), `${attribute.name}=${attribute.value}`).toBe(true);
        }
      }
    }
  });
});

// Several megabytes are pasted in the browser (e2e/paste.spec.ts): jsdom needs a minute for what Chromium does in a second.
// What the stylesheet still does to the paste is proven in Chromium (e2e/paste.spec.ts):
// jsdom applies no stylesheet to an inert document.
describe('paste of a web page with its stylesheet', () => {
  const page = [
    '<html><head><style>',
    '.gras { font-weight: 700; color: #333; margin: 0 } .cache { display: none }',
    '.souligne { text-decoration: underline; font-family: Georgia } .bloc { display: block; padding: 4px }',
    '@media print { .gras { font-weight: 400 } }',
    '</style></head><body>',
    '<p class="bloc" title="<style>.bloc{}</style>">Un <span class="gras">mot gras</span>,',
    '<span class="cache">un texte caché</span> <span class="souligne">un mot souligné</span>.</p>',
    '<!-- <style>.bloc{display:none}</style> --><p class="bloc">Suite du texte.</p>',
    '</body></html>',
  ].join('');

  it('keeps of the stylesheet only what the paste reads, and leaves comments and attribute values alone', () => {
    const prepared = transformPastedHtml(page, PasteParser.forSchema(contentSchema()).readStyles);
    const [sheet, ...others] = Array.from(prepared.matchAll(/<style>([^<]*)<\/style>/g), (match) => match[1]);
    expect(sheet?.split('\n')).toEqual([
      '.gras { font-weight: 700 }',
      '.cache { display: none }',
      '.souligne { text-decoration: underline }',
    ]);
    expect(others).toEqual(['.bloc{}', '.bloc{display:none}']);
  });
});

describe('a large paste', () => {
  it('keeps the structure of a 30-page Word document', () => {
    const { doc, report } = paste(fixture('thirtyPages'));
    expect(contentProblem(doc)).toBeUndefined();
    expect(all(doc, 'heading').filter((h) => h.attrs?.['level'] === 3)).toHaveLength(30);
    expect(all(doc, 'tableFigure')).toHaveLength(30);
    expect(all(doc, 'orderedList').filter((list) => list.attrs?.['type'] === '1')).toHaveLength(30);
    expect(textOf(all(doc, 'heading')[58] ?? { type: 'doc' })).toContain('(section 30)');
    expect(report).toMatchObject({ droppedImages: 30, tables: 30 });
  });
});

describe('« Source : » lines of a pasted page', () => {
  it('are found whatever elements and white space their first words are in, and only they', () => {
    const { doc } = paste(
      [
        '<p>Un paragraphe.</p>',
        '<p> <b> </b><span>Sources&nbsp;: <i>INSEE</i>, 2019</span></p>',
        '<p>Selon la source : un autre paragraphe.</p>',
        '<p><span>source</span> : Eurostat</p>',
        '<p>Sans source.</p>',
      ].join(''),
    );
    const blocks = (doc.content ?? []).map((block) => [block.type, plain(textOf(block)).trim()]);
    expect(blocks).toEqual([
      ['paragraph', 'Un paragraphe.'],
      ['sourceLine', 'INSEE, 2019'],
      ['paragraph', 'Selon la source : un autre paragraphe.'],
      ['sourceLine', 'Eurostat'],
      ['paragraph', 'Sans source.'],
    ]);
  });
});
