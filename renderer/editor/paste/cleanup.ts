import { isSafeLinkHref } from '../../../shared/content/links.js';
import { SCHEMA_ATTRIBUTES } from './attributes.js';
import { isBlankText, isInside, rename, styleOf, unwrap } from './dom.js';

/**
 * What pasted HTML carries and a sheet does not want: active content, Word's comments and
 * bookkeeping, hidden text, empty paragraphs, and every attribute but the few the content
 * schema reads. Safety does not rest on this (the schema keeps only its own nodes and
 * links pass isSafeLinkHref), but the document stays clean and the parse stays fast.
 */

/** Removed with their content: active, embedded or invisible, never text of the sheet. */
const DROPPED = [
  'script', 'style', 'link', 'meta', 'title', 'base', 'noscript', 'template', 'xml',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'portal',
  'form', 'input', 'button', 'select', 'option', 'textarea', 'datalist',
  'canvas', 'video', 'audio', 'source', 'track', 'svg', 'math', 'map', 'area', 'dialog',
]; // prettier-ignore

/** Style stays for the parse (bold, italic, underline are read from it); it is never stored. */
const KEPT_EVERYWHERE = ['style'];

function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  // Most pasted elements have a style; only those that could hide something are parsed.
  if (!/display|mso-hide/i.test(element.getAttribute('style') ?? '')) return false;
  const style = styleOf(element);
  return style.get('display')?.toLowerCase() === 'none' || style.get('mso-hide')?.toLowerCase() === 'all';
}

export function removeNoise(root: Element): void {
  for (const element of Array.from(root.querySelectorAll(DROPPED.join(', ')))) element.remove();
  // Blocks ProseMirror does not know as blocks would run into the text around them.
  for (const summary of Array.from(root.querySelectorAll('summary'))) rename(summary, 'p');
  for (const details of Array.from(root.querySelectorAll('details'))) rename(details, 'div');
  const walker = root.ownerDocument.createTreeWalker(root, 1 | 128 /* elements and comments */);
  const removed: Node[] = [];
  const unwrapped: Element[] = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.nodeType === 8) {
      removed.push(node);
      continue;
    }
    const element = node as Element;
    const name = element.localName;
    if (name.includes(':')) {
      // Office's own tags: VML drawings go (the <img> fallback stays), <o:p> and the rest keep their text.
      if (name.startsWith('v:')) removed.push(element);
      else unwrapped.push(element);
    } else if (isHidden(element)) {
      removed.push(element);
    }
  }
  for (const node of removed) node.parentNode?.removeChild(node);
  for (const element of unwrapped) if (element.parentNode) unwrap(element);
}

/** A link that could run script, or that points inside the source document, becomes plain text. */
export function neutraliseLinks(root: Element): void {
  for (const link of Array.from(root.querySelectorAll('a'))) {
    const href = link.getAttribute('href');
    if (href === null || !isSafeLinkHref(href)) unwrap(link);
  }
}

const TEXT_BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div']);
const CELLS = new Set(['td', 'th']);

/** Word's spacing paragraphs (`<p><o:p>&nbsp;</o:p></p>`) and other blocks with nothing to read. */
export function removeEmptyBlocks(root: Element): void {
  for (const block of Array.from(root.querySelectorAll<HTMLElement>([...TEXT_BLOCKS].join(', ')))) {
    if (block.hasAttribute('data-source-line') || isInside(block, CELLS, root)) continue;
    if (isBlankText(block.textContent ?? '') && !block.querySelector('img, figure, table, li'))
      block.remove();
  }
}

export function stripAttributes(root: Element): void {
  for (const element of Array.from(root.querySelectorAll('*'))) {
    if (!element.hasAttributes()) continue;
    const kept = SCHEMA_ATTRIBUTES[element.localName] ?? [];
    // Names, not `attributes`: reading that creates an Attr object per attribute, the most
    // costly part of a 4 MB paste's clean-up.
    for (const name of element.getAttributeNames()) {
      if (!kept.includes(name) && !KEPT_EVERYWHERE.includes(name)) element.removeAttribute(name);
    }
  }
}
