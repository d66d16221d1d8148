import { BorderStyle, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { PlanDiagram, PlanSheet } from '../plan/types.js';
import { bookmarked } from './bookmarks.js';
import type { Flow, RenderContext } from './context.js';
import { wordColour } from './units.js';

/**
 * The opening of a sheet: its family, its variable as title, then (a sheet alone) the
 * collection's standard paragraph and the system-of-variables diagram as a Word table (one
 * block a family, this sheet's variable highlighted), so it stays sharp and editable.
 */

const full = (child: Paragraph | Table): Flow => ({ child, span: 'full' });

function shade(fill: string) {
  return { type: ShadingType.CLEAR, color: 'auto', fill: wordColour(fill) };
}

function familyBlock(family: PlanDiagram['families'][number], margin: number, ctx: RenderContext): TableCell {
  return new TableCell({
    shading: shade(family.colours.tint),
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    children: [
      new Paragraph({
        style: ctx.styles.diagramFamily,
        shading: shade(family.colours.main),
        children: [new TextRun(family.label)],
      }),
      ...family.variables.map(
        (variable) =>
          new Paragraph({
            style: variable.current ? ctx.styles.diagramCurrent : ctx.styles.diagramVariable,
            children: [new TextRun(variable.name)],
          }),
      ),
    ],
  });
}

function diagramTable(diagram: PlanDiagram, ctx: RenderContext): Table {
  const { columns } = diagram;
  const { gapMm } = ctx.layout.diagram;
  // The border's width is in eighths of a point; Word draws at most 12 points.
  const gapEighths = Math.min(96, Math.round((gapMm / 25.4) * 72 * 8));
  // Wider than the half of the white border drawn over each cell's edge (2.5 twips an eighth), so no letter hides under it.
  const margin = Math.round((gapEighths * 2.5) / 2) + 60;
  const rows: TableRow[] = [];
  for (let start = 0; start < diagram.families.length; start += columns) {
    const cells = diagram.families
      .slice(start, start + columns)
      .map((family) => familyBlock(family, margin, ctx));
    while (cells.length < columns) cells.push(new TableCell({ children: [new Paragraph({})] }));
    rows.push(new TableRow({ children: cells, cantSplit: true }));
  }
  // White borders as wide as the gap make the blocks stand apart on the page's white.
  const gap = { style: BorderStyle.SINGLE, size: gapEighths, color: wordColour(ctx.layout.colours.white) };
  return new Table({
    rows,
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: Array.from({ length: columns }, () => Math.round(9000 / columns)),
    borders: { top: gap, bottom: gap, left: gap, right: gap, insideHorizontal: gap, insideVertical: gap },
  });
}

/** The diagram under its display title; a paragraph after the table keeps it off the next section break. */
export function renderDiagram(diagram: PlanDiagram, ctx: RenderContext): Flow[] {
  return [
    full(new Paragraph({ style: ctx.styles.displayTitle, children: [new TextRun(diagram.title)] })),
    full(diagramTable(diagram, ctx)),
    full(new Paragraph({})),
  ];
}

export function standardParagraphs(paragraphs: readonly string[], ctx: RenderContext): Flow[] {
  return paragraphs.map((text) =>
    full(new Paragraph({ style: ctx.styles.opening, children: [new TextRun(text)] })),
  );
}

export function renderOpening(sheet: PlanSheet, ctx: RenderContext): Flow[] {
  const { opening } = sheet;
  return [
    full(new Paragraph({ style: ctx.styles.family, children: [new TextRun(opening.familyLine)] })),
    // Bookmarked: the list of figures gives the sheet's page.
    full(
      new Paragraph({
        style: ctx.styles.title,
        children: bookmarked(sheet.anchor, [new TextRun(opening.title)]),
      }),
    ),
    ...standardParagraphs(opening.paragraphs, ctx),
    ...(opening.diagram ? renderDiagram(opening.diagram, ctx) : []),
  ];
}
