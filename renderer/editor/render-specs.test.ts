// @vitest-environment jsdom
import { getSchema } from '@tiptap/core';
import { DOMParser as PmDOMParser, DOMSerializer, type Node } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { contentExtensions } from '../../shared/content/schema.js';
import { shareRenderSpecs } from './render-specs.js';

function body(html: string): HTMLElement {
  const inert = document.implementation.createHTMLDocument('specs');
  inert.body.innerHTML = html;
  return inert.body;
}

function html(node: Node): string {
  const target = document.createElement('div');
  target.append(DOMSerializer.fromSchema(node.type.schema).serializeFragment(node.content));
  return target.innerHTML;
}

const page = [
  '<h3>Titre</h3><h4>Sous-titre</h4><p>Un <strong>mot</strong>, <em>un autre</em>, <u>souligné</u>, ',
  '<a href="https://a.fr">un lien</a> et <a href="https://b.fr">un autre</a>.<br>Ligne.</p>',
  '<p data-source-line="">INSEE</p><ol start="2"><li><p>deux</p></li></ol><ul><li><p>puce</p></li></ul>',
  '<blockquote><p>cité</p></blockquote>',
  '<figure data-table-figure=""><figcaption>Tableau</figcaption><table>',
  '<tr><th colwidth="120">a</th><td>b</td></tr></table><p data-source-line="">Source</p></figure>',
  '<figure data-table-figure=""><figcaption>Autre</figcaption><table>',
  '<tr><th colwidth="300">c</th><td>d</td></tr></table><p data-source-line="">Source</p></figure>',
].join('');

describe('DOM specs shared by nodes and marks with the same attributes', () => {
  it('draws the same HTML as Tiptap’s own specs, links and tables with their own attributes included', () => {
    const own = getSchema(contentExtensions());
    const shared = getSchema(contentExtensions());
    shareRenderSpecs(shared);
    const expected = html(PmDOMParser.fromSchema(own).parse(body(page)));
    const parsed = PmDOMParser.fromSchema(shared).parse(body(page));
    // Twice: the second drawing takes the specs kept by the first.
    expect(html(parsed)).toBe(expected);
    expect(html(parsed)).toBe(expected);
    expect(expected).toContain('href="https://b.fr"');
    expect(expected).toContain('300px');
  });

  it('gives one spec per attributes object to the text-flow types, and builds the others every time', () => {
    const schema = getSchema(contentExtensions());
    shareRenderSpecs(schema);
    const { paragraph, table } = schema.nodes;
    const { bold, link } = schema.marks;
    const toDOM = (node: Node) => node.type.spec.toDOM?.(node);
    expect(toDOM(paragraph!.create())).toBe(toDOM(paragraph!.create()));
    expect(bold!.spec.toDOM?.(bold!.create(), true)).toBe(bold!.spec.toDOM?.(bold!.create(), true));
    const [first, second] = ['https://a.fr', 'https://b.fr'].map((href) =>
      link!.spec.toDOM?.(link!.create({ href }), true),
    );
    expect(JSON.stringify(first)).toContain('https://a.fr');
    expect(JSON.stringify(second)).toContain('https://b.fr');
    // A table's spec holds its column widths, read from its cells: never shared.
    const tableNode = PmDOMParser.fromSchema(schema)
      .parse(
        body(
          '<figure data-table-figure=""><figcaption>T</figcaption><table><tr><td>a</td></tr></table></figure>',
        ),
      )
      .firstChild!.child(1);
    expect(tableNode.type).toBe(table);
    expect(toDOM(tableNode)).not.toBe(toDOM(tableNode));
  });
});
