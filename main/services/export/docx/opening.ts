import { BorderStyle, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { familyColours, type FamilyColours } from '../../../../shared/model/layout.js';
import type { Family } from '../../../../shared/model/repository.js';
import type { Flow, RenderContext } from './context.js';
import { STYLES } from './styles.js';
import { wordColour } from './units.js';

/**
 * The opening of a sheet: its family, its variable as title, the collection's standard
 * paragraph, and the system-of-variables diagram as a Word table (one block a family, this
 * sheet's variable highlighted), so it stays sharp and editable.
 */

const full = (child: Paragraph | Table): Flow => ({ child, span: 'full' });

function shade(fill: string) {
  return { type: ShadingType.CLEAR, color: 'auto', fill: wordColour(fill) };
}

function familyBlock(family: Family, colours: FamilyColours, ctx: RenderContext, margin: number): TableCell {
  const current = ctx.print.variable.id;
  return new TableCell({
    shading: shade(colours.tint),
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    children: [
      new Paragraph({
        style: STYLES.diagramFamily.id,
        shading: shade(colours.main),
        children: [new TextRun(`${family.number}. ${family.name}`)],
      }),
      ...family.variables.map(
        (variable) =>
          new Paragraph({
            style: variable.id === current ? STYLES.diagramCurrent.id : STYLES.diagramVariable.id,
            children: [new TextRun(variable.name)],
          }),
      ),
    ],
  });
}

function diagram(ctx: RenderContext): Table {
  const { columns, gapMm } = ctx.layout.diagram;
  const families = ctx.print.repository.families;
  // The border's width is in eighths of a point; Word draws at most 12 points.
  const gapEighths = Math.min(96, Math.round((gapMm / 25.4) * 72 * 8));
  // Wider than the half of the white border drawn over each cell's edge (2.5 twips an eighth), so no letter hides under it.
  const margin = Math.round((gapEighths * 2.5) / 2) + 60;
  const rows: TableRow[] = [];
  for (let start = 0; start < families.length; start += columns) {
    const cells = families
      .slice(start, start + columns)
      .map((family, offset) =>
        familyBlock(family, familyColours(ctx.layout, family.id, start + offset), ctx, margin),
      );
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

export function renderOpening(ctx: RenderContext): Flow[] {
  const { family, variable, template } = ctx.print;
  return [
    full(
      new Paragraph({ style: STYLES.family.id, children: [new TextRun(`${family.number}. ${family.name}`)] }),
    ),
    full(new Paragraph({ style: STYLES.title.id, children: [new TextRun(variable.name)] })),
    ...template.standardTexts.opening.map((text) =>
      full(new Paragraph({ style: STYLES.opening.id, children: [new TextRun(text)] })),
    ),
    full(new Paragraph({ style: STYLES.displayTitle.id, children: [new TextRun(ctx.layout.diagram.title)] })),
    full(diagram(ctx)),
  ];
}
