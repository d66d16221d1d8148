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
  // Most elements of a web page have no attribute left by now (attributes.ts).
  if (!element.hasAttributes()) return false;
  if (element.hasAttribute('hidden')) return true;
  // Most pasted elements have a style; only those that could hide something are parsed.
  if (!/display|mso-hide/i.test(element.getAttribute('style') ?? '')) return false;
  const style = styleOf(element);
  return style.get('display')?.toLowerCase() === 'none' || style.get('mso-hide')?.toLowerCase() === 'all';
}

const DROPPED_NAMES = new Set(DROPPED);
/** Blocks ProseMirror does not know as blocks, which would run into the text around them. */
const RENAMED = new Map([
  ['summary', 'p'],
  ['details', 'div'],
]);

/** The walker's next node after the current one's content. */
function nextAfterContent(walker: TreeWalker): Node | null {
  let next = walker.nextSibling();
  while (!next && walker.parentNode()) next = walker.nextSibling();
  return next;
}

/**
 * One walk over the elements and comments, nothing changed until it is over: a 4 MB page
 * holds some 57,000 elements, and what goes is not looked into.
 */
export function removeNoise(root: Element): void {
  const walker = root.ownerDocument.createTreeWalker(root, 1 | 128 /* elements and comments */);
  const removed: Node[] = [];
  const unwrapped: Element[] = [];
  const renamed: Element[] = [];
  let node = walker.nextNode();
  while (node) {
    const element = node as Element;
    const name = node.nodeType === 8 ? '' : element.localName;
    // Comments, active or embedded content, hidden text, and Office's VML drawings (the
    // <img> fallback stays) go with their content.
    if (name === '' || DROPPED_NAMES.has(name) || name.startsWith('v:') || isHidden(element)) {
      removed.push(node);
      node = nextAfterContent(walker);
      continue;
    }
    // Office's other tags (<o:p>…) keep their text.
    if (name.includes(':')) unwrapped.push(element);
    else if (RENAMED.has(name)) renamed.push(element);
    node = walker.nextNode();
  }
  for (const gone of removed) gone.parentNode?.removeChild(gone);
  for (const element of renamed) rename(element, RENAMED.get(element.localName) as string);
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

/** Text other than white space, looked for from the start: most blocks have some in their first text node. */
function hasText(node: Node): boolean {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 ? !isBlankText(child.nodeValue ?? '') : hasText(child)) return true;
  }
  return false;
}

/** Word's spacing paragraphs (`<p><o:p>&nbsp;</o:p></p>`) and other blocks with nothing to read. */
export function removeEmptyBlocks(root: Element): void {
  for (const block of Array.from(root.querySelectorAll<HTMLElement>([...TEXT_BLOCKS].join(', ')))) {
    if (hasText(block) || block.hasAttribute('data-source-line') || isInside(block, CELLS, root)) continue;
    if (!block.querySelector('img, figure, table, li')) block.remove();
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
