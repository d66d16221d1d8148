import { DOMParser, type Element } from '@xmldom/xmldom';

/**
 * Word's « Accepter tout » and « Refuser tout » done on document.xml, as Word does them,
 * for the tests to read the text that results:
 * - accepting removes every w:del (and the rows whose w:trPr holds one), keeps the content
 *   of every w:ins; a paragraph whose own mark is deleted (w:pPr/w:rPr/w:del) joins the
 *   next paragraph;
 * - rejecting does the opposite (w:delText read back as text).
 * Answers the body's paragraphs, one string each, empty ones left out.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const children = (element: Element, name: string): Element[] =>
  Array.from(element.childNodes).filter(
    (node): node is Element => node.nodeType === 1 && (node as Element).localName === name,
  );

const all = (root: Element, name: string): Element[] => Array.from(root.getElementsByTagNameNS(W, name));

function unwrap(element: Element): void {
  const parent = element.parentNode;
  if (!parent) return;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  parent.removeChild(element);
}

const remove = (element: Element) => element.parentNode?.removeChild(element);

/** The paragraph's own mark is in this change (w:pPr/w:rPr/w:ins or w:del). */
function markIn(paragraph: Element, change: 'ins' | 'del'): boolean {
  const rPr = children(paragraph, 'pPr').flatMap((pPr) => children(pPr, 'rPr'));
  return rPr.some((properties) => children(properties, change).length > 0);
}

/** Its w:t and w:delText, in order. */
function textOf(element: Element): string {
  if (element.localName === 't' || element.localName === 'delText') return element.textContent ?? '';
  return Array.from(element.childNodes)
    .filter((node): node is Element => node.nodeType === 1)
    .map(textOf)
    .join('');
}

export function decideAllChanges(documentXml: string, decision: 'accept' | 'reject'): string[] {
  const doc = new DOMParser().parseFromString(documentXml, 'text/xml');
  const body = all(doc.documentElement as Element, 'body')[0] as Element;
  const gone = decision === 'accept' ? 'del' : 'ins';
  const kept = decision === 'accept' ? 'ins' : 'del';
  for (const row of all(body, 'tr')) {
    if (children(row, 'trPr').some((trPr) => children(trPr, gone).length > 0)) remove(row);
  }
  // Paragraph marks first: their w:ins / w:del sit in w:rPr, not around runs.
  const joined = all(body, 'p').filter((paragraph) => markIn(paragraph, gone));
  for (const change of all(body, gone)) if (change.parentNode?.localName !== 'rPr') remove(change);
  for (const change of all(body, kept)) if (change.parentNode?.localName !== 'rPr') unwrap(change);
  // A paragraph whose mark goes joins the next one: its text stays, its break goes.
  const texts: string[] = [];
  let carried = '';
  for (const paragraph of all(body, 'p')) {
    if (all(paragraph, 'p').length > 0) continue;
    const text = carried + textOf(paragraph);
    if (joined.includes(paragraph)) {
      carried = text;
      continue;
    }
    carried = '';
    if (text.trim() !== '') texts.push(text);
  }
  if (carried.trim() !== '') texts.push(carried);
  return texts;
}

/** The body's paragraphs as they stand (no change decided), empty ones left out. */
export function paragraphsOf(documentXml: string): string[] {
  const doc = new DOMParser().parseFromString(documentXml, 'text/xml');
  return all(doc.documentElement as Element, 'p')
    .filter((paragraph) => all(paragraph, 'p').length === 0)
    .map(textOf)
    .filter((text) => text.trim() !== '');
}
