import { dropLeadingText, isInside, rename } from './dom.js';

/**
 * A section's own title is the layout's, so pasted headings become its two levels of
 * sub-heading: the highest level pasted becomes « sous-titre » (h3), every lower one h4.
 * Paragraphs that read « Source : … » become source lines, without the prefix the layout
 * adds.
 */

/** `fromWord`: Word's title and subtitle paragraphs (its own classes) are headings too. */
export function mapHeadings(root: Element, fromWord: boolean): void {
  if (fromWord) {
    for (const title of Array.from(root.querySelectorAll('p.MsoTitle'))) rename(title, 'h1');
    for (const subtitle of Array.from(root.querySelectorAll('p.MsoSubtitle'))) rename(subtitle, 'h2');
  }
  const headings = Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6'));
  const levels = [...new Set(headings.map((heading) => Number(heading.localName.slice(1))))].sort();
  const top = levels[0];
  for (const heading of headings) {
    const tag = Number(heading.localName.slice(1)) === top ? 'h3' : 'h4';
    if (heading.localName !== tag) rename(heading, tag);
  }
}

const SOURCE_PREFIX = /^[\s\u00a0]*sources?[\s\u00a0\u202f]*[:：][\s\u00a0]*/i;
const NOT_IN = new Set(['li', 'td', 'th', 'figure']);
const WRITTEN = /[^\s\u00a0]/;

/**
 * Whether the paragraph's text starts with an « s », looked for in its first written text
 * node: most paragraphs do not, and their whole text need not be put together to tell.
 */
function startsWithS(paragraph: Element): boolean {
  const walker = paragraph.ownerDocument.createTreeWalker(paragraph, 4 /* NodeFilter.SHOW_TEXT */);
  while (walker.nextNode()) {
    const text = walker.currentNode.nodeValue ?? '';
    const first = WRITTEN.exec(text);
    if (first) return first[0] === 's' || first[0] === 'S';
  }
  return false;
}

export function markSourceLines(root: Element): void {
  for (const paragraph of Array.from(root.querySelectorAll('p'))) {
    if (paragraph.hasAttribute('data-source-line') || !startsWithS(paragraph)) continue;
    const match = SOURCE_PREFIX.exec(paragraph.textContent ?? '');
    if (!match || isInside(paragraph, NOT_IN, root)) continue;
    dropLeadingText(paragraph, match[0].length);
    paragraph.setAttribute('data-source-line', '');
  }
}
