import type { Element } from '@xmldom/xmldom';
import type { ReadContext } from './context.js';
import { InlineReader } from './inline.js';
import type { Block, Cell, ChangeRef, Paragraph, Row, Table } from './model.js';
import { attr, child, childElements, children, inNamespace, is, NS, toggle, wVal } from './xml.js';

/**
 * Paragraphs and tables, in the order of the body (or of a cell, a text box, a note). Word
 * sections only say, at their end, how many columns they have: blocks get it once the
 * section's properties are met.
 */

const SINGLE_COLUMN = 1;

function columnsOf(sectPr: Element | undefined): number {
  const count = Number(attr(child(sectPr, NS.w, 'cols'), NS.w, 'num') ?? SINGLE_COLUMN);
  return Number.isInteger(count) && count > 0 ? count : SINGLE_COLUMN;
}

function markChange(pPr: Element | undefined, ctx: ReadContext): ChangeRef | undefined {
  const rPr = child(pPr, NS.w, 'rPr');
  for (const local of ['ins', 'del'] as const) {
    const element = child(rPr, NS.w, local);
    if (!element) continue;
    const id = ctx.change(
      attr(element, NS.w, 'id'),
      'paragraph-mark',
      attr(element, NS.w, 'author'),
      attr(element, NS.w, 'date'),
    );
    return { id, kind: local === 'ins' ? 'insertion' : 'deletion' };
  }
  return undefined;
}

function listOf(pPr: Element | undefined, styleId: string | undefined, ctx: ReadContext): Paragraph['list'] {
  const numPr = child(pPr, NS.w, 'numPr');
  const own = wVal(numPr, 'numId');
  const fromStyle = styleId ? ctx.styles.numbering(styleId) : undefined;
  const numId = own ?? fromStyle?.numId;
  if (numId === undefined || !ctx.numbering.has(numId)) return undefined;
  const level = Number(wVal(numPr, 'ilvl') ?? fromStyle?.level ?? 0);
  const safeLevel = Number.isInteger(level) && level >= 0 && level <= 8 ? level : 0;
  return { id: numId, level: safeLevel, ordered: ctx.numbering.isOrdered(numId, safeLevel) };
}

export function readParagraph(element: Element, ctx: ReadContext, columns: number): Paragraph {
  const pPr = child(element, NS.w, 'pPr');
  const styleId = wVal(pPr, 'pStyle');
  const style = styleId ? ctx.styles.style(styleId) : ctx.styles.defaultParagraphStyle();
  const outline = wVal(pPr, 'outlineLvl');
  const ownLevel = outline !== undefined && Number(outline) <= 8 ? Number(outline) + 1 : undefined;
  const headingLevel = ownLevel ?? style?.headingLevel;
  const list = listOf(pPr, style?.id, ctx);
  const indent = child(pPr, NS.w, 'ind');
  const left = Number(attr(indent, NS.w, 'left') ?? attr(indent, NS.w, 'start') ?? NaN);
  const paraId = attr(element, NS.w14, 'paraId');
  const change = markChange(pPr, ctx);
  if (child(pPr, NS.w, 'pPrChange')) {
    const revision = child(pPr, NS.w, 'pPrChange');
    ctx.change(
      attr(revision, NS.w, 'id'),
      'formatting',
      attr(revision, NS.w, 'author'),
      attr(revision, NS.w, 'date'),
    );
  }
  return {
    kind: 'paragraph',
    ...(style ? { style } : {}),
    ...(headingLevel !== undefined ? { headingLevel } : {}),
    ...(list ? { list } : {}),
    ...(Number.isFinite(left) ? { indentTwips: left } : {}),
    content: new InlineReader(ctx).read(element),
    columns,
    ...(paraId ? { paraId } : {}),
    ...(change ? { markChange: change } : {}),
  };
}

function rowChange(trPr: Element | undefined, ctx: ReadContext): ChangeRef | undefined {
  for (const local of ['ins', 'del'] as const) {
    const element = child(trPr, NS.w, local);
    if (!element) continue;
    const kind = local === 'ins' ? 'insertion' : 'deletion';
    return {
      id: ctx.change(
        attr(element, NS.w, 'id'),
        kind,
        attr(element, NS.w, 'author'),
        attr(element, NS.w, 'date'),
      ),
      kind,
    };
  }
  return undefined;
}

/** Rows and cells may sit in content controls or custom XML: those wrappers only hold them. */
function unwrapped(parent: Element, local: string): Element[] {
  const found: Element[] = [];
  for (const element of childElements(parent)) {
    if (is(element, NS.w, local)) found.push(element);
    else if (is(element, NS.w, 'sdt'))
      found.push(...unwrapped(child(element, NS.w, 'sdtContent') ?? element, local));
    else if (is(element, NS.w, 'customXml')) found.push(...unwrapped(element, local));
  }
  return found;
}

function readCell(element: Element, ctx: ReadContext, columns: number): Cell {
  const tcPr = child(element, NS.w, 'tcPr');
  const span = Number(wVal(tcPr, 'gridSpan') ?? 1);
  const merge = child(tcPr, NS.w, 'vMerge');
  const verticalMerge = merge ? (attr(merge, NS.w, 'val') === 'restart' ? 'restart' : 'continue') : undefined;
  return {
    blocks: readBlocks(element, ctx, columns),
    colSpan: Number.isInteger(span) && span > 1 ? span : 1,
    ...(verticalMerge ? { verticalMerge } : {}),
  };
}

export function readTable(element: Element, ctx: ReadContext, columns: number): Table {
  const inner = ctx.nested();
  const tblPr = child(element, NS.w, 'tblPr');
  const styleId = wVal(tblPr, 'tblStyle');
  const grid = children(child(element, NS.w, 'tblGrid') ?? element, NS.w, 'gridCol').length;
  const rows: Row[] = unwrapped(element, 'tr').map((tr) => {
    const trPr = child(tr, NS.w, 'trPr');
    const change = rowChange(trPr, ctx);
    return {
      header: toggle(trPr, 'tblHeader') === true,
      cells: unwrapped(tr, 'tc').map((tc) => readCell(tc, inner, columns)),
      ...(change ? { change } : {}),
    };
  });
  const widest = Math.max(0, ...rows.map((row) => row.cells.reduce((sum, cell) => sum + cell.colSpan, 0)));
  return {
    kind: 'table',
    ...(styleId ? { style: ctx.styles.style(styleId) } : {}),
    rows,
    columns: Math.max(grid, widest),
  };
}

function setColumns(blocks: readonly Block[], columns: number): void {
  for (const block of blocks) {
    if (block.kind === 'paragraph') block.columns = columns;
    else for (const row of block.rows) for (const cell of row.cells) setColumns(cell.blocks, columns);
  }
}

/**
 * The blocks of a container. In the body, each section's column count is set on its blocks
 * when its properties are met (in its last paragraph, or at the end of the body); nested
 * containers take the count of the block holding them.
 */
export function readBlocks(container: Element, ctx: ReadContext, columns = SINGLE_COLUMN): Block[] {
  const blocks: Block[] = [];
  let sectionStart = 0;
  const endSection = (sectPr: Element | undefined) => {
    setColumns(blocks.slice(sectionStart), columnsOf(sectPr));
    sectionStart = blocks.length;
  };
  const visit = (parent: Element) => {
    for (const element of childElements(parent)) {
      if (!inNamespace(element, NS.w)) continue;
      switch (element.localName) {
        case 'p': {
          blocks.push(readParagraph(element, ctx, columns));
          const sectPr = child(child(element, NS.w, 'pPr'), NS.w, 'sectPr');
          if (sectPr) endSection(sectPr);
          break;
        }
        case 'tbl':
          blocks.push(readTable(element, ctx, columns));
          break;
        case 'sdt':
          visit(child(element, NS.w, 'sdtContent') ?? element);
          break;
        case 'customXml':
        case 'ins':
        case 'moveTo':
          visit(element);
          break;
        case 'sectPr':
          endSection(element);
          break;
        default:
      }
    }
  };
  visit(container);
  return blocks;
}
