import { ASSET_ATTRIBUTE } from './figures-and-tables.js';
import { cutAttributes } from './start-tags.js';

/**
 * The attributes of pasted HTML, reduced to those the paste reads while it is still text.
 * A web page's markup is mostly attributes (classes, ids, tracking data, inline styles of
 * margins, fonts and colours): for a 4 MB page they were half of what the browser parsed,
 * and every inline style was parsed as CSS again by ProseMirror. The clean-up removes them
 * anyway (cleanup.ts, stripAttributes); here they go before the browser reads them.
 *
 * Only removes: an attribute left is the same text as pasted. Not for HTML whose attributes
 * are read beyond these lists (pasted-html.ts): Office's (its classes and mso- styles tell
 * where it comes from, word-html.ts), ProseMirror's own (copied inside Fiches, its data-
 * attributes are its content), and a page whose stylesheet still applies a rule
 * (stylesheets.ts), whose selectors may name any attribute.
 */

/** Attributes the content schema reads, by element: all the clean-up leaves of a paste. */
export const SCHEMA_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  ol: ['start', 'type'],
  figure: ['data-figure', 'data-table-figure', 'data-asset', 'data-width'],
  p: ['data-source-line'],
};

/**
 * What the clean-up reads on its way, besides: hidden text, captions, and images (their data,
 * stored as assets by the paste handler, which reads the pasted HTML through this too).
 */
const READ_BY_CLEANUP: Record<string, readonly string[]> = {
  img: ['src', 'alt', ASSET_ATTRIBUTE],
  p: ['data-caption'],
};

const OFFICE_OR_PROSEMIRROR = /urn:schemas-microsoft-com:office|mso|<o:p|data-pm-slice/i;
/** A <style> element with a rule in it (reduceStylesheets leaves the others empty). */
const APPLIED_STYLESHEET = /<style\b(?:[^>"']|"[^"]*"|'[^']*')*>\s*[^\s<]/i;

/**
 * The declarations an inline style could set a read property with: the property itself, its
 * longhands (text-decoration-line) and its shorthands (`font: bold 12px` sets font-weight).
 * Whatever hides a name from a plain reading (a CSS escape or comment, an HTML entity other
 * than a quote) keeps the style too: it is dropped only when nothing in it can be read.
 */
function readStylePattern(read: ReadonlySet<string>): RegExp {
  const names = new Set<string>(['display']);
  for (const property of read) {
    names.add(`${property}(?:-[\\w-]+)?`);
    const parts = property.split('-');
    for (let length = 1; length < parts.length; length += 1) names.add(parts.slice(0, length).join('-'));
  }
  return new RegExp(`(?<![\\w-])(?:${[...names].join('|')})\\s*:|\\\\|/\\*|&(?!quot;|amp;|#39;|apos;)`, 'i');
}

const keptByTag = new Map<string, ReadonlySet<string>>();

function keptAttributes(element: string): ReadonlySet<string> {
  let kept = keptByTag.get(element);
  if (!kept) {
    kept = new Set([
      ...(SCHEMA_ATTRIBUTES[element] ?? []),
      ...(READ_BY_CLEANUP[element] ?? []),
      'hidden',
      'style',
    ]);
    keptByTag.set(element, kept);
  }
  return kept;
}

/** Office's HTML or ProseMirror's own: their attributes are read beyond these lists. */
export function isOfficeOrProseMirror(html: string): boolean {
  return OFFICE_OR_PROSEMIRROR.test(html);
}

/** A stylesheet still applies a rule (once reduced, stylesheets.ts): its selectors may name any attribute. */
export function appliesStylesheet(html: string): boolean {
  return APPLIED_STYLESHEET.test(html);
}

/**
 * Every attribute cut but those the paste reads: event handlers and <base>'s address among
 * them. `read`: the style properties the paste reads (stylesheets.ts).
 */
export function reduceAttributes(html: string, read: ReadonlySet<string>): string {
  const readStyle = readStylePattern(read);
  return cutAttributes(
    html,
    (element, name, value) =>
      !keptAttributes(element).has(name) || (name === 'style' && !readStyle.test(value)),
  );
}
