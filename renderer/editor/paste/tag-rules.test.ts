// @vitest-environment jsdom
import { DOMParser as PmDOMParser } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { contentSchema } from '../../../shared/content/schema.js';
import { NameIndexedDOMParser } from './tag-rules.js';

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
});
