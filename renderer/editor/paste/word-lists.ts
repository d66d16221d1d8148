import { adjacentElement, styleOf } from './dom.js';

/**
 * Word puts lists on the clipboard as paragraphs, not as <ol>/<ul>: each item is a
 * `<p style="mso-list:l0 level2 lfo1">` whose number or bullet is plain text wrapped in
 * `<![if !supportLists]>…<![endif]>`, and the kind of list (bullet, 1., a.) is declared
 * in the page's stylesheet (`@list l0:level2 {mso-level-number-format:alpha-lower}`).
 * ProseMirror would see loose paragraphs starting with "1." or "·": they are turned here
 * into real nested lists.
 */

interface ListParagraph {
  element: HTMLElement;
  /** « l0 », Word's list definition. */
  list: string;
  level: number;
  ordered: boolean;
  marker: string;
  /** The list style type (1, a, A, i, I) of an ordered item. */
  type: string;
}

const MSO_LIST = /(l\d+)\s+level(\d+)/i;
const ORDERED_MARKER = /^\(?([0-9]+|[a-z]|[ivxlcdm]+)[.)]/i;

const TYPE_BY_FORMAT: Record<string, string> = {
  decimal: '1',
  'alpha-lower': 'a',
  'alpha-upper': 'A',
  'roman-lower': 'i',
  'roman-upper': 'I',
};

/** `l0:2` → « bullet », « decimal », « alpha-lower »… from the stylesheets Word pasted along. */
export function readListFormats(root: Element): Map<string, string> {
  const formats = new Map<string, string>();
  for (const style of Array.from(root.querySelectorAll('style'))) {
    for (const match of (style.textContent ?? '').matchAll(/@list\s+(l\d+):level(\d+)\s*\{([^}]*)\}/gi)) {
      const format = /mso-level-number-format:\s*([\w-]+)/i.exec(match[3] ?? '')?.[1] ?? 'decimal';
      formats.set(`${match[1]}:${match[2]}`, format.toLowerCase());
    }
  }
  return formats;
}

/**
 * Removes the number or bullet Word typed before the text: what lies between the
 * `[if !supportLists]` and `[endif]` comments, or failing those the `mso-list:Ignore` span.
 * Returns its text (« 1. », « · »).
 */
export function takeMarker(paragraph: Element): string {
  const walker = paragraph.ownerDocument.createTreeWalker(paragraph, 128 /* NodeFilter.SHOW_COMMENT */);
  while (walker.nextNode()) {
    const start = walker.currentNode as Comment;
    if (!/^\[if !supportLists\]$/i.test(start.data.trim())) continue;
    let marker = '';
    let node = start.nextSibling;
    while (node && !(node.nodeType === 8 && /^\[endif\]$/i.test((node as Comment).data.trim()))) {
      const next = node.nextSibling;
      marker += node.textContent ?? '';
      node.remove();
      node = next;
    }
    return marker.replace(/[\s\u00a0]+/g, ' ').trim();
  }
  for (const ignored of Array.from(paragraph.querySelectorAll('[style*="mso-list"]'))) {
    if (/ignore/i.test(styleOf(ignored).get('mso-list') ?? '')) {
      const marker = ignored.textContent ?? '';
      ignored.remove();
      return marker.replace(/[\s\u00a0]+/g, ' ').trim();
    }
  }
  return '';
}

function startOf(marker: string): number {
  const value = ORDERED_MARKER.exec(marker)?.[1] ?? '1';
  if (/^[0-9]+$/.test(value)) return Number(value);
  if (/^[a-z]$/i.test(value) && !/^[ivx]$/i.test(value)) return value.toLowerCase().charCodeAt(0) - 96;
  return 1;
}

function listParagraphOf(element: HTMLElement, formats: Map<string, string>): ListParagraph | undefined {
  const match = MSO_LIST.exec(styleOf(element).get('mso-list') ?? '');
  if (!match) return undefined;
  const list = match[1] ?? 'l0';
  const level = Number(match[2]);
  const marker = takeMarker(element);
  const format = formats.get(`${list}:${level}`);
  const ordered = format ? format !== 'bullet' && format !== 'none' : ORDERED_MARKER.test(marker);
  const type = (format && TYPE_BY_FORMAT[format]) ?? (/^[a-z][.)]/.test(marker) ? 'a' : '1');
  return { element, list, level, ordered, marker, type };
}

interface OpenList {
  key: string;
  level: number;
  element: HTMLElement;
  lastItem?: HTMLElement;
}

/** Builds the nested lists of consecutive list paragraphs, in place of the first one. */
function convertRun(run: ListParagraph[]): void {
  const first = run[0];
  if (!first) return;
  const doc = first.element.ownerDocument;
  const stack: OpenList[] = [];
  const roots: HTMLElement[] = [];
  for (const item of run) {
    const key = `${item.list}/${item.ordered ? item.type : 'bullet'}`;
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) > item.level) stack.pop();
    let top = stack[stack.length - 1];
    if (top && top.level === item.level && top.key !== key) {
      stack.pop();
      top = stack[stack.length - 1];
    }
    if (!top || top.level < item.level) {
      const list = doc.createElement(item.ordered ? 'ol' : 'ul');
      if (item.ordered) {
        list.setAttribute('type', item.type);
        const start = startOf(item.marker);
        if (start > 1) list.setAttribute('start', String(start));
      }
      if (top) {
        if (!top.lastItem) {
          top.lastItem = doc.createElement('li');
          top.element.append(top.lastItem);
        }
        top.lastItem.append(list);
      } else {
        roots.push(list);
      }
      top = { key, level: item.level, element: list };
      stack.push(top);
    }
    const li = doc.createElement('li');
    const paragraph = doc.createElement('p');
    paragraph.append(...Array.from(item.element.childNodes));
    li.append(paragraph);
    top.element.append(li);
    top.lastItem = li;
  }
  first.element.before(...roots);
  for (const item of run) item.element.remove();
}

/** Word's list paragraphs become <ol>/<ul>, nested by level; numbered headings lose their typed number. */
export function convertWordLists(root: Element): void {
  const formats = readListFormats(root);
  for (const heading of Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6'))) {
    if (MSO_LIST.test(styleOf(heading).get('mso-list') ?? '')) takeMarker(heading);
  }
  let run: ListParagraph[] = [];
  let previous: Element | null = null;
  for (const element of Array.from(root.querySelectorAll<HTMLElement>('p[style*="mso-list"]'))) {
    const item = listParagraphOf(element, formats);
    if (!item) continue;
    if (previous && adjacentElement(previous, 'next') !== element) {
      convertRun(run);
      run = [];
    }
    run.push(item);
    previous = element;
  }
  convertRun(run);
}
