/**
 * Small DOM edits the paste clean-up repeats. They work on the inert document ProseMirror
 * parses pasted HTML in (nothing there loads or runs), and on jsdom in the unit tests.
 */

const BLANK = /^[\s\u00a0\u200b\u202f\ufeff]*$/;

export function isBlankText(text: string): boolean {
  return BLANK.test(text);
}

/** The same children under another tag (element names cannot change in place). */
export function rename(element: Element, tag: string, keep: readonly string[] = []): HTMLElement {
  const replacement = element.ownerDocument.createElement(tag);
  for (const name of keep) {
    const value = element.getAttribute(name);
    if (value !== null) replacement.setAttribute(name, value);
  }
  replacement.append(...Array.from(element.childNodes));
  element.replaceWith(replacement);
  return replacement;
}

/** Keeps the children, drops the element. */
export function unwrap(element: Element): void {
  element.replaceWith(...Array.from(element.childNodes));
}

/** Style properties as written (lower-case names), without a CSS engine. */
export function styleOf(element: Element): Map<string, string> {
  const style = new Map<string, string>();
  for (const declaration of (element.getAttribute('style') ?? '').split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    style.set(declaration.slice(0, colon).trim().toLowerCase(), declaration.slice(colon + 1).trim());
  }
  return style;
}

/** Removes the first `count` characters of an element's text, across its text nodes. */
export function dropLeadingText(element: Element, count: number): void {
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  let left = count;
  while (left > 0 && walker.nextNode()) {
    const text = walker.currentNode as Text;
    const taken = Math.min(left, text.data.length);
    text.data = text.data.slice(taken);
    left -= taken;
  }
}

/** The next or previous element sibling, skipping white space and comments. */
export function adjacentElement(node: Node, direction: 'previous' | 'next'): Element | null {
  let current = direction === 'next' ? node.nextSibling : node.previousSibling;
  while (current) {
    if (current.nodeType === 1) return current as Element;
    if (current.nodeType === 3 && !isBlankText(current.textContent ?? '')) return null;
    current = direction === 'next' ? current.nextSibling : current.previousSibling;
  }
  return null;
}

export function isElement(node: Node | null | undefined, tag?: string): node is HTMLElement {
  return node?.nodeType === 1 && (tag === undefined || (node as Element).localName === tag);
}

/** The element itself or one of its ancestors (up to `root`, excluded) has this tag. */
export function isInside(element: Element, tags: ReadonlySet<string>, root: Element): boolean {
  for (let current = element.parentElement; current && current !== root; current = current.parentElement) {
    if (tags.has(current.localName)) return true;
  }
  return false;
}
