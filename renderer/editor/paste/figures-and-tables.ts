import { adjacentElement, dropLeadingText, isBlankText, rename, styleOf, unwrap } from './dom.js';

/**
 * Pasted tables and images become the sheet's own blocks: a table figure or a figure, with
 * its caption and its source. A caption paragraph next to the block (« Tableau 2 : … »,
 * « Figure 1 – … ») becomes its caption without the number, which the sheet gives; a
 * « Source : » paragraph right after it becomes its source.
 */

/** Set on an <img> once its data has been stored as an asset, by the paste handler. */
export const ASSET_ATTRIBUTE = 'data-fiches-asset';

const CAPTION_PREFIX =
  /^[\s\u00a0]*(?:figure|fig\.|graphique|illustration|image|carte|sch[ée]ma|tableau|table)[\s\u00a0]+(?:n[°o][\s\u00a0]*)?[0-9]+[\s\u00a0\u202f]*[:.–—-]?[\s\u00a0]*/i;

function captionLength(element: Element): number | undefined {
  if (element.localName !== 'p' || element.hasAttribute('data-source-line')) return undefined;
  if (element.hasAttribute('data-caption')) return 0;
  return CAPTION_PREFIX.exec(element.textContent ?? '')?.[0].length;
}

/** The element a block stands for among its siblings: the table itself, or a wrapper holding only it. */
function outermost(element: Element, root: Element): Element {
  let block = element;
  while (block.parentElement && block.parentElement !== root && block.parentElement.children.length === 1) {
    if (!isBlankText(textOutside(block.parentElement, block))) break;
    block = block.parentElement;
  }
  return block;
}

function textOutside(parent: Element, child: Element): string {
  return Array.from(parent.childNodes)
    .filter((node) => node !== child)
    .map((node) => node.textContent ?? '')
    .join('');
}

/** Builds an empty `<figure data-…><figcaption/><p data-source-line/></figure>`. */
function wrap(doc: Document, attributes: Record<string, string>): HTMLElement {
  const figure = doc.createElement('figure');
  for (const [name, value] of Object.entries(attributes)) figure.setAttribute(name, value);
  const caption = doc.createElement('figcaption');
  const source = doc.createElement('p');
  source.setAttribute('data-source-line', '');
  figure.append(caption, source);
  return figure;
}

/**
 * Moves into `figure` the caption paragraph just before or after it (unless it has its own
 * caption already) and the source paragraph that follows.
 */
function adoptCaptionAndSource(figure: Element, hasCaption: boolean): void {
  const caption = figure.querySelector(':scope > figcaption');
  const source = figure.querySelector(':scope > p[data-source-line]');
  let next = adjacentElement(figure, 'next');
  if (!hasCaption && caption) {
    const before = adjacentElement(figure, 'previous');
    const found = before && captionLength(before) !== undefined ? before : next;
    const length = found ? captionLength(found) : undefined;
    if (found && length !== undefined) {
      if (found === next) next = adjacentElement(found, 'next');
      dropLeadingText(found, length);
      caption.append(...Array.from(found.childNodes));
      found.remove();
    }
  }
  if (next?.hasAttribute('data-source-line') && source) {
    source.append(...Array.from(next.childNodes));
    next.remove();
  }
}

function isBold(node: Node, cell: Element): boolean {
  for (
    let current = node.parentElement;
    current && current !== cell.parentElement;
    current = current.parentElement
  ) {
    if (current.localName === 'b' || current.localName === 'strong' || current.localName === 'th')
      return true;
    const weight = styleOf(current).get('font-weight');
    if (weight && (weight === 'bold' || Number(weight) >= 600)) return true;
  }
  return false;
}

/** Every written text node of the cell is bold. */
function isBoldCell(cell: Element): boolean {
  const walker = cell.ownerDocument.createTreeWalker(cell, 4 /* text */);
  let written = false;
  while (walker.nextNode()) {
    if (isBlankText(walker.currentNode.textContent ?? '')) continue;
    written = true;
    if (!isBold(walker.currentNode, cell)) return false;
  }
  return written;
}

/** A <thead>, or a first row written all in bold over other rows, is the header row. */
function promoteHeaderRow(table: HTMLTableElement): void {
  const [first, second] = Array.from(table.rows);
  if (!first) return;
  const cells = Array.from(first.cells);
  const inHead = first.parentElement?.localName === 'thead';
  const allBold =
    second !== undefined &&
    cells.some((cell) => isBoldCell(cell)) &&
    cells.every((cell) => isBlankText(cell.textContent ?? '') || isBoldCell(cell));
  if (!inHead && !allBold) return;
  for (const cell of cells) if (cell.localName === 'td') rename(cell, 'th', ['colspan', 'rowspan']);
}

/** A table inside a cell (a layout table) cannot stay one: its cells' content is kept, in order. */
function flattenNestedTables(table: Element): void {
  for (const inner of Array.from(table.querySelectorAll('td table, th table')).reverse()) {
    const blocks = Array.from(inner.querySelectorAll('td, th')).map((cell) => {
      const div = cell.ownerDocument.createElement('div');
      div.append(...Array.from(cell.childNodes));
      return div;
    });
    inner.replaceWith(...blocks);
  }
}

export interface FigureCounts {
  /** Images kept as figures (their data was imported beforehand). */
  figures: number;
  /** Images left out: no data to import (a link to a file or a site), or inside a table. */
  droppedImages: number;
  tables: number;
}

function tablesToFigures(root: Element, counts: FigureCounts): void {
  const doc = root.ownerDocument;
  const tables = Array.from(root.querySelectorAll('table')).filter(
    (table) => !table.parentElement?.closest('table') && !table.closest('figure[data-table-figure]'),
  );
  for (const table of tables) {
    flattenNestedTables(table);
    for (const image of Array.from(table.querySelectorAll('img'))) {
      image.remove();
      counts.droppedImages += 1;
    }
    promoteHeaderRow(table as HTMLTableElement);
    const block = outermost(table, root);
    const figure = wrap(doc, { 'data-table-figure': '' });
    block.replaceWith(figure);
    figure.querySelector('figcaption')?.after(table);
    const tableCaption = table.querySelector(':scope > caption');
    if (tableCaption) {
      figure.querySelector('figcaption')?.append(...Array.from(tableCaption.childNodes));
      tableCaption.remove();
    }
    adoptCaptionAndSource(figure, tableCaption !== null);
    counts.tables += 1;
  }
}

/** A web page's own <figure>: its caption is kept as a caption paragraph, found as such below. */
function unwrapForeignFigures(root: Element): void {
  for (const figure of Array.from(
    root.querySelectorAll('figure:not([data-figure]):not([data-table-figure])'),
  )) {
    for (const caption of Array.from(figure.querySelectorAll('figcaption'))) {
      const paragraph = rename(caption, 'p');
      paragraph.setAttribute('data-caption', '');
      figure.after(paragraph);
    }
    unwrap(figure);
  }
}

const TEXT_BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * A figure stands between blocks, never inside text: an image alone in its paragraph
 * takes the paragraph's place, one amid text goes right after its paragraph.
 */
function imagesToFigures(root: Element, counts: FigureCounts): void {
  const doc = root.ownerDocument;
  for (const image of Array.from(root.querySelectorAll('img'))) {
    const asset = image.getAttribute(ASSET_ATTRIBUTE);
    if (!asset) {
      image.remove();
      counts.droppedImages += 1;
      continue;
    }
    const figure = wrap(doc, { 'data-figure': '', 'data-asset': asset });
    let paragraph: Element | null = image.parentElement;
    while (paragraph && paragraph !== root && !TEXT_BLOCKS.has(paragraph.localName))
      paragraph = paragraph.parentElement;
    if (!paragraph || paragraph === root) {
      image.replaceWith(figure);
    } else {
      image.remove();
      if (isBlankText(paragraph.textContent ?? '') && !paragraph.querySelector('img'))
        paragraph.replaceWith(figure);
      else paragraph.after(figure);
    }
    adoptCaptionAndSource(figure, false);
    counts.figures += 1;
  }
}

export function figuresAndTables(root: Element): FigureCounts {
  const counts: FigureCounts = { figures: 0, droppedImages: 0, tables: 0 };
  unwrapForeignFigures(root);
  tablesToFigures(root, counts);
  imagesToFigures(root, counts);
  for (const caption of Array.from(root.querySelectorAll('p[data-caption]')))
    caption.removeAttribute('data-caption');
  return counts;
}
