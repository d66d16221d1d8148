// @vitest-environment jsdom
import { DOMParser as PmDOMParser } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { contentSchema } from '../../../shared/content/schema.js';
import { NameIndexedDOMParser, onlyDefaults } from './tag-rules.js';

function body(html: string): HTMLElement {
  const inert = document.implementation.createHTMLDocument('paste');
  inert.body.innerHTML = html;
  return inert.body;
}

describe('a parser that tries on each element the rules for its name only', () => {
  const schema = contentSchema();

  it('reads what ProseMirror’s parser reads, rules with attribute conditions and priorities included', () => {
    const html = [
      '<h3>Titre</h3><p>Un <strong>mot</strong> <b style="font-weight:normal">non gras</b> <em>et</em> ',
      '<a href="https://a.fr">un lien</a>.</p><p data-source-line="">INSEE</p>',
      '<ol start="2"><li><p>deux</p></li></ol><ul><li>puce</li></ul><blockquote><p>cité</p></blockquote>',
      '<figure data-table-figure=""><figcaption>Tableau</figcaption><table><tr><th>a</th><td>b</td></tr></table>',
      '<p data-source-line="">Source</p></figure><div><span>texte <u>souligné</u></span><br></div>',
    ].join('');
    const expected = PmDOMParser.fromSchema(schema).parse(body(html)).toJSON();
    const parser = new NameIndexedDOMParser(schema, PmDOMParser.fromSchema(schema).rules);
    expect(parser.parse(body(html)).toJSON()).toEqual(expected);
  });

  it('tries a rule whose selector names no single element on every element, in its place', () => {
    const rules = [
      { tag: 'div.encart p', node: 'blockquote' },
      { tag: 'p, h1', node: 'paragraph' },
      ...PmDOMParser.fromSchema(schema).rules,
    ];
    const html = '<div class="encart"><p>dans l’encart</p></div><h1>titre</h1><p>hors</p>';
    const expected = new PmDOMParser(schema, rules).parse(body(html)).toJSON();
    expect(new NameIndexedDOMParser(schema, rules).parse(body(html)).toJSON()).toEqual(expected);
    expect(expected.content.map((node: { type: string }) => node.type)).toEqual([
      'blockquote',
      'paragraph',
      'paragraph',
    ]);
  });

  it('gives nodes and marks read with default attributes their type’s shared ones, and keeps the others', () => {
    const parser = new NameIndexedDOMParser(schema, PmDOMParser.fromSchema(schema).rules);
    const html =
      '<p><strong>un</strong> <em>deux</em></p><p><strong>trois</strong> <em>quatre</em></p>' +
      '<p><a href="https://a.fr">lien</a> <a href="https://b.fr">autre</a></p><ol start="3"><li>trois</li></ol>';
    const doc = parser.parse(body(html));
    const [first, second, links, list] = [0, 1, 2, 3].map((index) => doc.child(index));
    expect(first!.attrs).toBe(second!.attrs);
    expect(first!.firstChild!.marks[0]).toBe(second!.firstChild!.marks[0]);
    expect(first!.lastChild!.marks[0]).toBe(second!.lastChild!.marks[0]);
    expect(links!.firstChild!.marks[0]!.attrs['href']).toBe('https://a.fr');
    expect(links!.lastChild!.marks[0]!.attrs['href']).toBe('https://b.fr');
    expect(list!.attrs['start']).toBe(3);
    // The same document as ProseMirror's own parser reads.
    expect(doc.toJSON()).toEqual(PmDOMParser.fromSchema(schema).parse(body(html)).toJSON());
  });

  it('tells attributes that are all defaults, whether named or left out', () => {
    const defaults = { start: 1, type: null };
    expect(onlyDefaults({}, defaults)).toBe(true);
    expect(onlyDefaults({ start: 1, other: 'ignored' }, defaults)).toBe(true);
    expect(onlyDefaults({ start: 2 }, defaults)).toBe(false);
    expect(onlyDefaults({ type: 'a' }, defaults)).toBe(false);
  });

  it('reads the inline style of the elements that have one only (patches/prosemirror-model+*.patch)', () => {
    const root = body(
      '<p>sans style <span>ni là</span></p><p><span style="font-weight:bold">gras</span> ' +
        '<span style="white-space:pre">a  b</span></p>',
    );
    const reads: string[] = [];
    for (const element of Array.from(root.querySelectorAll('*'))) {
      const style = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'style')?.get?.bind(element);
      Object.defineProperty(element, 'style', {
        get: () => {
          reads.push(element.textContent ?? '');
          return style?.();
        },
      });
    }
    const doc = new NameIndexedDOMParser(schema, PmDOMParser.fromSchema(schema).rules).parse(root);
    expect(new Set(reads)).toEqual(new Set(['gras', 'a  b']));
    // Still read where there is one: bold, and white space kept as written.
    expect(doc.child(1).firstChild!.marks.map((mark) => mark.type.name)).toEqual(['bold']);
    expect(doc.child(1).textContent).toBe('gras a  b');
  });
});
