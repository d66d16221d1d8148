// @vitest-environment jsdom
import { DOMParser as PmDOMParser, type Node } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { contentSchema } from '../../../shared/content/schema.js';
import { linkPastedAddresses } from './pasted-addresses.js';

const schema = contentSchema();
const link = schema.marks['link']!;

function slice(html: string) {
  const inert = document.implementation.createHTMLDocument('paste');
  inert.body.innerHTML = html;
  return PmDOMParser.fromSchema(schema).parseSlice(inert.body);
}

/** Each link of the content: its text and its href. */
function linksOf(content: { descendants: Node['descendants'] }): { text: string; href: unknown }[] {
  const found: { text: string; href: unknown }[] = [];
  content.descendants((node) => {
    const mark = node.marks.find((candidate) => candidate.type === link);
    if (!node.isText || !mark) return;
    const last = found.at(-1);
    if (last && last.href === mark.attrs['href'] && last.text.length > 0 && (node.text ?? '').length > 0)
      last.text += node.text ?? '';
    else found.push({ text: node.text ?? '', href: mark.attrs['href'] });
  });
  return found;
}

describe('addresses in pasted text become links', () => {
  it('links web and e-mail addresses by their href, in paragraphs, list items, quotations and cells', () => {
    const pasted = slice(
      '<p>Voir https://exemple.fr/etude et www.exemple.org puis écrire à prospective@exemple.fr.</p>' +
        '<ul><li><p>liste www.liste.fr</p></li></ul><blockquote><p>citation https://cite.fr</p></blockquote>' +
        '<figure data-table-figure=""><figcaption>T</figcaption><table><tr><td>www.cellule.fr</td></tr></table></figure>',
    );
    const linked = linkPastedAddresses(pasted, link);
    expect(linksOf(linked.content)).toEqual([
      { text: 'https://exemple.fr/etude', href: 'https://exemple.fr/etude' },
      { text: 'www.exemple.org', href: 'https://www.exemple.org' },
      { text: 'prospective@exemple.fr', href: 'mailto:prospective@exemple.fr' },
      { text: 'www.liste.fr', href: 'https://www.liste.fr' },
      { text: 'https://cite.fr', href: 'https://cite.fr' },
      { text: 'www.cellule.fr', href: 'https://www.cellule.fr' },
    ]);
    // Not a word more or less.
    expect(linked.content.textBetween(0, linked.content.size, '\n')).toBe(
      pasted.content.textBetween(0, pasted.content.size, '\n'),
    );
    expect([linked.openStart, linked.openEnd]).toEqual([pasted.openStart, pasted.openEnd]);
  });

  it('links an address written across marks, keeping them', () => {
    const linked = linkPastedAddresses(slice('<p>Site https://exem<strong>ple</strong>.fr ici</p>'), link);
    expect(linksOf(linked.content)).toEqual([{ text: 'https://exemple.fr', href: 'https://exemple.fr' }]);
    let boldLinked = false;
    linked.content.descendants((node) => {
      if (node.text === 'ple')
        boldLinked =
          node.marks
            .map((mark) => mark.type.name)
            .sort()
            .join() === 'bold,link';
    });
    expect(boldLinked).toBe(true);
  });

  it('keeps a pasted link where it leads, even when its text is another address', () => {
    const linked = linkPastedAddresses(
      slice('<p><a href="https://vraie-cible.fr/page">www.exemple.fr</a> et www.autre.fr</p>'),
      link,
    );
    expect(linksOf(linked.content)).toEqual([
      { text: 'www.exemple.fr', href: 'https://vraie-cible.fr/page' },
      { text: 'www.autre.fr', href: 'https://www.autre.fr' },
    ]);
  });

  it('gives back the same slice when it holds no address, and leaves what shouldLink refuses', () => {
    const plain = slice('<h3>Titre</h3><p>Paragraphe 1. Sans adresse.</p><ul><li><p>Point</p></li></ul>');
    expect(linkPastedAddresses(plain, link)).toBe(plain);
    const refused = slice('<p>Voir www.exemple.fr</p>');
    expect(linkPastedAddresses(refused, link, () => false)).toBe(refused);
  });
});
