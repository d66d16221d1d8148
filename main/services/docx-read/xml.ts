import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';

/**
 * XML of a .docx: parsed with xmldom (no external entities, no network), and read through
 * helpers that name elements by namespace and local name. Each namespace is a list: the
 * transitional URI Word writes by default and the one of « Strict Open XML », which names
 * the same elements differently, so a strict document reads as any other.
 */
export const NS = {
  w: [
    'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
    'http://purl.oclc.org/ooxml/wordprocessingml/main',
  ],
  r: [
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
    'http://purl.oclc.org/ooxml/officeDocument/relationships',
  ],
  wp: [
    'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
    'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing',
  ],
  a: ['http://schemas.openxmlformats.org/drawingml/2006/main', 'http://purl.oclc.org/ooxml/drawingml/main'],
  pic: [
    'http://schemas.openxmlformats.org/drawingml/2006/picture',
    'http://purl.oclc.org/ooxml/drawingml/picture',
  ],
  m: [
    'http://schemas.openxmlformats.org/officeDocument/2006/math',
    'http://purl.oclc.org/ooxml/officeDocument/math',
  ],
  mc: ['http://schemas.openxmlformats.org/markup-compatibility/2006'],
  v: ['urn:schemas-microsoft-com:vml'],
  o: ['urn:schemas-microsoft-com:office:office'],
  wps: ['http://schemas.microsoft.com/office/word/2010/wordprocessingShape'],
  wpg: ['http://schemas.microsoft.com/office/word/2010/wordprocessingGroup'],
  w14: ['http://schemas.microsoft.com/office/word/2010/wordml'],
  w15: ['http://schemas.microsoft.com/office/word/2012/wordml'],
  w16cid: ['http://schemas.microsoft.com/office/word/2016/wordml/cid'],
  asvg: ['http://schemas.microsoft.com/office/drawing/2016/SVG/main'],
  rels: ['http://schemas.openxmlformats.org/package/2006/relationships'],
  ct: ['http://schemas.openxmlformats.org/package/2006/content-types'],
  cp: ['http://schemas.openxmlformats.org/package/2006/metadata/core-properties'],
  dc: ['http://purl.org/dc/elements/1.1/'],
  dcterms: ['http://purl.org/dc/terms/'],
  customProps: [
    'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties',
    'http://purl.oclc.org/ooxml/officeDocument/customProperties',
  ],
} as const;

export type Namespace = readonly string[];

export class XmlProblem extends Error {}

/** Parses a part; a DTD is refused outright (OOXML never has one, and entities are how XML bombs work). */
export function parseXml(bytes: Buffer): Document {
  // A byte-order mark is allowed before the declaration (some writers put one).
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (/<!DOCTYPE/i.test(text.slice(0, 4096)) || /<!ENTITY/i.test(text)) {
    throw new XmlProblem('déclaration de type de document (DTD) interdite');
  }
  try {
    const document = new DOMParser({
      locator: false,
      // Recoverable errors (an attribute written twice…) are Word's everyday output: only fatal ones refuse.
      onError: (level, message) => {
        if (level === 'fatalError') throw new XmlProblem(message.split('\n')[0] ?? message);
      },
    }).parseFromString(text, 'application/xml');
    if (!document.documentElement) throw new XmlProblem('aucun élément racine');
    return document;
  } catch (error) {
    if (error instanceof XmlProblem) throw error;
    throw new XmlProblem((error as Error).message.split('\n')[0] ?? 'XML illisible');
  }
}

export function isElement(node: Node | null | undefined): node is Element {
  return node?.nodeType === 1;
}

export function is(node: Node | null | undefined, ns: Namespace, local: string): boolean {
  return isElement(node) && node.localName === local && ns.includes(node.namespaceURI ?? '');
}

export function inNamespace(node: Element, ns: Namespace): boolean {
  return ns.includes(node.namespaceURI ?? '');
}

export function childElements(parent: Element): Element[] {
  const children: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) if (isElement(node)) children.push(node);
  return children;
}

export function children(parent: Element, ns: Namespace, local: string): Element[] {
  return childElements(parent).filter((child) => is(child, ns, local));
}

export function child(parent: Element | undefined, ns: Namespace, local: string): Element | undefined {
  if (!parent) return undefined;
  for (let node = parent.firstChild; node; node = node.nextSibling)
    if (is(node, ns, local)) return node as Element;
  return undefined;
}

/** The first descendant with this name, depth first. */
export function descendant(parent: Element, ns: Namespace, local: string): Element | undefined {
  for (const element of childElements(parent)) {
    if (is(element, ns, local)) return element;
    const found = descendant(element, ns, local);
    if (found) return found;
  }
  return undefined;
}

/** The outermost descendants matching `test`: the search does not go inside a match. */
export function outermost(
  parent: Element,
  test: (element: Element) => boolean,
  found: Element[] = [],
): Element[] {
  for (const element of childElements(parent)) {
    if (test(element)) found.push(element);
    else outermost(element, test, found);
  }
  return found;
}

export function descendants(parent: Element, ns: Namespace, local: string): Element[] {
  return outermost(parent, (element) => is(element, ns, local));
}

/** A namespaced attribute, whichever URI of the namespace the part uses. */
export function attr(element: Element | undefined, ns: Namespace, local: string): string | undefined {
  if (!element) return undefined;
  for (const uri of ns) {
    const value = element.getAttributeNS(uri, local);
    if (value !== null && value !== '') return value;
  }
  return undefined;
}

/** An attribute without namespace (relationships, content types, drawing attributes). */
export function plainAttr(element: Element | undefined, name: string): string | undefined {
  const value = element?.getAttribute(name);
  return value === null || value === undefined || value === '' ? undefined : value;
}

/** `w:val` of the child element `local` of `parent`: how most of WordprocessingML's properties are written. */
export function wVal(parent: Element | undefined, local: string): string | undefined {
  return attr(child(parent, NS.w, local), NS.w, 'val');
}

/** A toggle property (`<w:b/>`, `<w:b w:val="false"/>`): true, false, or undefined when absent. */
export function toggle(parent: Element | undefined, local: string): boolean | undefined {
  const element = child(parent, NS.w, local);
  if (!element) return undefined;
  const value = attr(element, NS.w, 'val');
  return value === undefined || !['0', 'false', 'off', 'none'].includes(value.toLowerCase());
}

export function textContent(element: Element | null | undefined): string {
  return element?.textContent ?? '';
}
