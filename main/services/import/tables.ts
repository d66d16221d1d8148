import type { DocNode } from '../../../shared/content/doc.js';
import type { Inline, Paragraph, Row, Table } from '../docx-read/model.js';
import { styleKey } from '../docx-read/styles.js';
import { fr } from '../french.js';
import { STYLES } from '../export/docx/styles.js';
import { ALL_MARKS, EMPHASIS_ONLY } from './inline-content.js';
import { inlineNodes, type BuildContext } from './build-context.js';
import type { ContentBuilder } from './content.js';

/**
 * A Word table as a sheet's table figure: its caption and source, a header row when Word
 * says so (repeated header row, or a first row all in bold or in a heading style), every
 * cell's content. A sheet's cells are not merged: a merged cell is split, its content in
 * the first of the cells it covered, with a warning. Deleted rows (tracked) are left out.
 */

const HEADER_STYLE = styleKey(STYLES.tableHeader.name);

function firstParagraphs(row: Row): Paragraph[] {
  return row.cells.flatMap((cell) =>
    cell.blocks.filter((block): block is Paragraph => block.kind === 'paragraph'),
  );
}

function looksLikeHeader(row: Row): boolean {
  const paragraphs = firstParagraphs(row).filter((paragraph) =>
    paragraph.content.some((inline) => inline.kind === 'text' && inline.text.trim() !== ''),
  );
  if (paragraphs.length === 0) return false;
  return paragraphs.every((paragraph) => {
    const key = paragraph.style ? styleKey(paragraph.style.name) : '';
    if (key === HEADER_STYLE || paragraph.style?.builtIn === 'table-heading') return true;
    const styleBold = paragraph.style?.marks.bold === true;
    return paragraph.content.every(
      (inline) => inline.kind !== 'text' || inline.text.trim() === '' || (inline.marks.bold ?? styleBold),
    );
  });
}

const isDeleted = (row: Row) => row.change?.kind === 'deletion';

/** Word's repeated header rows; else a first row that looks like one (bold, or a heading style). */
function headerCount(rows: readonly Row[]): number {
  const flagged = rows.findIndex((row) => !row.header);
  if (flagged === -1) return rows.length;
  if (flagged > 0) return flagged;
  return rows.length > 1 && rows[0] && looksLikeHeader(rows[0]) ? 1 : 0;
}

export function tableFigure(
  table: Table,
  caption: Inline[],
  source: Inline[] | undefined,
  builder: ContentBuilder,
  ctx: BuildContext,
): DocNode {
  const rows = table.rows.filter((row) => !isDeleted(row));
  const headerRows = headerCount(rows);
  const width = Math.max(1, ...rows.map((row) => row.cells.reduce((sum, cell) => sum + cell.colSpan, 0)));
  let merged = false;
  const wordRows: DocNode[] = rows.map((row, index) => {
    const type = index < headerRows ? 'tableHeader' : 'tableCell';
    const cells: DocNode[] = [];
    for (const cell of row.cells) {
      const continued = cell.verticalMerge === 'continue';
      if (cell.colSpan > 1 || cell.verticalMerge) merged = true;
      const content = continued ? [] : builder.nested(cell.blocks);
      cells.push({ type, content: content.length ? content : [{ type: 'paragraph' }] });
      for (let extra = 1; extra < cell.colSpan; extra += 1)
        cells.push({ type, content: [{ type: 'paragraph' }] });
    }
    while (cells.length < width) cells.push({ type, content: [{ type: 'paragraph' }] });
    return { type: 'tableRow', content: cells };
  });
  if (merged) {
    ctx.warnings.add(
      fr`${ctx.where} : des cellules fusionnées sont séparées (le texte reste dans la première) ; une fiche ne fusionne pas les cellules.`,
    );
  }
  const captionNodes = inlineNodes({ kind: 'paragraph', content: caption, columns: 1 }, EMPHASIS_ONLY, ctx);
  const sourceNodes = inlineNodes({ kind: 'paragraph', content: source ?? [], columns: 1 }, ALL_MARKS, ctx);
  return {
    type: 'tableFigure',
    content: [
      { type: 'caption', ...(captionNodes.length ? { content: captionNodes } : {}) },
      {
        type: 'table',
        content: wordRows.length
          ? wordRows
          : [{ type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph' }] }] }],
      },
      { type: 'sourceLine', ...(sourceNodes.length ? { content: sourceNodes } : {}) },
    ],
  };
}
