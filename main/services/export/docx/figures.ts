import {
  BorderStyle,
  Paragraph,
  ShadingType,
  SimpleField,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { assetIdSchema } from '../../../../shared/content/assets.js';
import { textOf, type DocNode } from '../../../../shared/content/doc.js';
import type { NumberedKind } from '../../../../shared/content/numbering.js';
import { resolveColour } from '../../../../shared/model/layout.js';
import { fr } from '../../french.js';
import type { BlockScope, Flow, RenderContext } from './context.js';
import { imageRun } from './images.js';
import { inlineChildren } from './inline.js';
import { FIGURE_STYLE, MISSING_IMAGE_STYLE, STYLES } from './styles.js';
import { wordColour } from './units.js';

/**
 * Figures and tables: a caption numbered by a Word SEQ field (« Figure 3 : … »), the image
 * or the table, the source line; kept together on one page, in the order the layout says.
 */

export type RenderBlocks = (
  nodes: readonly DocNode[],
  scope: BlockScope,
  ctx: RenderContext,
) => Promise<Flow[]>;

const childOf = (node: DocNode, type: string): DocNode | undefined =>
  node.content?.find((child) => child.type === type);

/** Word's SEQ identifier is a single word: the label with its spaces made underscores. */
const seqName = (label: string): string => label.replace(/\s+/g, '_');

function captionParagraph(
  kind: NumberedKind,
  number: number,
  caption: DocNode | undefined,
  ctx: RenderContext,
) {
  const { captions } = ctx.layout;
  const label = kind === 'figure' ? captions.figureLabel : captions.tableLabel;
  const children: ParagraphChild[] = [
    new TextRun(`${label} `),
    // The number as the field's cached value: readers that do not update fields still show it.
    new SimpleField(`SEQ ${seqName(label)} \\* ARABIC`, String(number)),
    new TextRun(captions.separator),
    ...inlineChildren(caption?.content),
  ];
  return new Paragraph({ style: STYLES.caption.id, keepNext: true, keepLines: true, children });
}

export function sourceParagraph(source: DocNode, ctx: RenderContext): Paragraph {
  return new Paragraph({
    style: STYLES.source.id,
    children: [new TextRun(ctx.layout.captions.sourcePrefix), ...inlineChildren(source.content)],
  });
}

/** Caption and body in the layout's order, every paragraph but the last kept with the next. */
function assemble(
  caption: Paragraph,
  body: (Paragraph | Table)[],
  source: DocNode | undefined,
  ctx: RenderContext,
) {
  const ordered = ctx.layout.captions.position === 'above' ? [caption, ...body] : [...body, caption];
  return source && textOf(source).trim() !== '' ? [...ordered, sourceParagraph(source, ctx)] : ordered;
}

function missingImage(text: string): Paragraph {
  return new Paragraph({ style: MISSING_IMAGE_STYLE.id, children: [new TextRun(text)] });
}

function imageParagraph(node: DocNode, number: number, widthMm: number, ctx: RenderContext) {
  const asset = node.attrs?.asset;
  const label = `${ctx.layout.captions.figureLabel} ${number}`;
  if (typeof asset !== 'string' || !assetIdSchema.safeParse(asset).success) {
    ctx.warnings.push(
      fr`${label} : aucune image (elle n’a jamais été ajoutée) ; un cadre « Image manquante » la remplace.`,
    );
    return missingImage(fr`Image manquante : ${label}`);
  }
  const content = ctx.assets.get(asset);
  if (!content || 'missing' in content) {
    if (content?.missing === 'damaged') {
      ctx.warnings.push(fr`${label} : ${content.message} Un cadre « Image manquante » la remplace.`);
      return missingImage(fr`Image manquante : assets/${asset} (${content.short})`);
    }
    ctx.warnings.push(
      fr`${label} : image introuvable (assets/${asset}) ; un cadre « Image manquante » la remplace. Remettez le fichier dans le dossier assets du dépôt ou remplacez l’image.`,
    );
    return missingImage(fr`Image manquante : assets/${asset}`);
  }
  const alt = textOf(childOf(node, 'caption') ?? { type: 'caption' }) || label;
  const prepared = imageRun(asset, content.bytes, widthMm, ctx.loaded, ctx.rasters, alt);
  if ('problem' in prepared) {
    ctx.warnings.push(
      fr`${label} : image illisible (assets/${asset} : ${prepared.problem}) ; un cadre la remplace.`,
    );
    return missingImage(fr`Image illisible : assets/${asset}`);
  }
  return new Paragraph({ style: FIGURE_STYLE.id, children: [prepared.run] });
}

export async function renderFigure(node: DocNode, scope: BlockScope, ctx: RenderContext): Promise<Flow[]> {
  ctx.counts.figure += 1;
  const number = ctx.counts.figure;
  const full = node.attrs?.width === 'full' && !scope.boxed;
  const widthMm = full ? ctx.fullWidthMm : scope.widthMm;
  const image = imageParagraph(node, number, widthMm, ctx);
  const caption = captionParagraph('figure', number, childOf(node, 'caption'), ctx);
  const span = full ? 'full' : 'column';
  return assemble(caption, [image], childOf(node, 'sourceLine'), ctx).map((child) => ({ child, span }));
}

function cellWidthSpan(cell: DocNode): number {
  const colspan = cell.attrs?.colspan;
  return typeof colspan === 'number' && colspan > 1 ? Math.floor(colspan) : 1;
}

export async function renderTableFigure(
  node: DocNode,
  scope: BlockScope,
  ctx: RenderContext,
  renderBlocks: RenderBlocks,
): Promise<Flow[]> {
  ctx.counts.table += 1;
  const number = ctx.counts.table;
  const caption = captionParagraph('table', number, childOf(node, 'caption'), ctx);
  const table = childOf(node, 'table');
  const rows = table?.content ?? [];
  const columns = Math.max(
    1,
    ...rows.map((row) => (row.content ?? []).reduce((n, c) => n + cellWidthSpan(c), 0)),
  );
  const rule = { style: BorderStyle.SINGLE, size: 4, color: wordColour(ctx.layout.colours.rule) };
  const headerFill = wordColour(
    resolveColour(ctx.layout, ctx.layout.styles.tableHeader.background ?? 'white', ctx.family),
  );
  const wordRows: TableRow[] = [];
  let leadingHeader = true;
  for (const row of rows) {
    const cells = row.content ?? [];
    const isHeader = cells.length > 0 && cells.every((cell) => cell.type === 'tableHeader');
    leadingHeader &&= isHeader;
    const wordCells: TableCell[] = [];
    for (const cell of cells) {
      const header = cell.type === 'tableHeader';
      const rowspan = typeof cell.attrs?.rowspan === 'number' ? Math.floor(cell.attrs.rowspan) : 1;
      const flows = await renderBlocks(
        cell.content ?? [],
        { paragraph: header ? 'tableHeader' : 'tableCell', widthMm: scope.widthMm / columns, boxed: true },
        ctx,
      );
      wordCells.push(
        new TableCell({
          children: flows.length ? flows.map((flow) => flow.child) : [new Paragraph({})],
          columnSpan: cellWidthSpan(cell),
          ...(rowspan > 1 ? { rowSpan: rowspan } : {}),
          ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: headerFill } } : {}),
          margins: { top: 40, bottom: 40, left: 80, right: 80 },
        }),
      );
    }
    wordRows.push(new TableRow({ children: wordCells, cantSplit: true, tableHeader: leadingHeader }));
  }
  const body: (Paragraph | Table)[] = wordRows.length
    ? [
        new Table({
          rows: wordRows,
          width: { size: 100, type: WidthType.PERCENTAGE },
          borders: {
            top: rule,
            bottom: rule,
            left: rule,
            right: rule,
            insideHorizontal: rule,
            insideVertical: rule,
          },
        }),
      ]
    : [];
  return assemble(caption, body, childOf(node, 'sourceLine'), ctx).map((child) => ({
    child,
    span: 'column',
  }));
}
