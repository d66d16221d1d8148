import {
  DeletedTextRun,
  InsertedTextRun,
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
import { resolveColour } from '../../../../shared/model/layout.js';
import { fr } from '../../french.js';
import { childOfType, planText } from '../plan/content.js';
import type { PlanNode } from '../plan/types.js';
import type { BlockScope, Flow, RenderContext } from './context.js';
import { imageRun } from './images.js';
import { inlineChildren } from './inline.js';
import { FIGURE_STYLE, MISSING_IMAGE_STYLE } from './styles.js';
import { wordColour } from './units.js';
import { bookmarked } from './bookmarks.js';

/**
 * Figures and tables: a caption numbered by a Word SEQ field (« Figure 3 : … ») whose
 * cached value is the plan's number, the image or the table, the source line with the
 * plan's prefix; kept together on one page, in the order the layout says.
 */

export type RenderBlocks = (
  nodes: readonly PlanNode[],
  scope: BlockScope,
  ctx: RenderContext,
) => Promise<Flow[]>;

/** Word's SEQ identifier is a single word: the label with its spaces made underscores. */
const seqName = (label: string): string => label.replace(/\s+/g, '_');

/** A text the layout adds to a block (« Figure 3 : », « Source : »): inserted or deleted with it. */
function addedText(text: string, block: PlanNode | undefined, ctx: RenderContext): ParagraphChild {
  const change = block ? ctx.review.tracked(block.marks) : undefined;
  if (!change) return new TextRun(text);
  return change.kind === 'insertion'
    ? new InsertedTextRun({ text, ...change.revision })
    : new DeletedTextRun({ text, ...change.revision });
}

function captionParagraph(node: PlanNode, ctx: RenderContext) {
  const { number } = node;
  const caption = childOfType(node, 'caption');
  const tracked = caption !== undefined && ctx.review.tracked(caption.marks) !== undefined;
  const children: ParagraphChild[] = !number
    ? []
    : tracked
      ? // A caption added or removed whole: its number as text, a field cannot be inside a change here.
        [addedText(`${number.name}\u00a0${number.number}${number.separator}`, caption, ctx)]
      : [
          new TextRun(`${number.name}\u00a0`),
          // The number as the field's cached value: readers that do not update fields still show it.
          new SimpleField(
            // A sheet's first figure restarts the count, so Word's own update numbers per sheet too.
            `SEQ ${seqName(number.name)} \\* ARABIC${number.number === 1 ? ' \\r 1' : ''}`,
            String(number.number),
          ),
          new TextRun(number.separator),
        ];
  children.push(...inlineChildren(caption?.content, ctx.review));
  // The list of figures points at the caption, when the document has one.
  const listed = ctx.plan.pieces.some((piece) => piece.kind === 'figures');
  return new Paragraph({
    style: ctx.styles.caption,
    keepNext: true,
    keepLines: true,
    children: listed ? bookmarked(node.anchor, children) : children,
    ...ctx.review.paragraphMark(caption),
  });
}

export function sourceParagraph(source: PlanNode, ctx: RenderContext): Paragraph {
  return new Paragraph({
    style: ctx.styles.source,
    children: [
      ...(source.lead ? [addedText(source.lead, source, ctx)] : []),
      ...inlineChildren(source.content, ctx.review),
    ],
    ...ctx.review.paragraphMark(source),
  });
}

/** Caption and body in the layout's order, every paragraph but the last kept with the next. */
function assemble(
  caption: Paragraph,
  body: (Paragraph | Table)[],
  source: PlanNode | undefined,
  ctx: RenderContext,
) {
  const ordered = ctx.layout.captions.position === 'above' ? [caption, ...body] : [...body, caption];
  return source && planText(source).trim() !== '' ? [...ordered, sourceParagraph(source, ctx)] : ordered;
}

/** The frame that stands for an image, added or removed with its figure. */
function missingImage(text: string, figure: PlanNode, ctx: RenderContext): Paragraph {
  return new Paragraph({
    style: MISSING_IMAGE_STYLE.id,
    children: [addedText(text, figure, ctx)],
    ...ctx.review.paragraphMark(figure),
  });
}

function imageParagraph(node: PlanNode, widthMm: number, ctx: RenderContext) {
  const asset = node.attrs.asset;
  const label = node.number ? `${node.number.name} ${node.number.number}` : 'Une figure';
  if (typeof asset !== 'string' || !assetIdSchema.safeParse(asset).success) {
    ctx.warnings.push(
      fr`${label} : aucune image (elle n’a jamais été ajoutée) ; un cadre « Image manquante » la remplace.`,
    );
    return missingImage(fr`Image manquante : ${label}`, node, ctx);
  }
  const content = ctx.assets.get(asset);
  if (!content || 'missing' in content) {
    if (content?.missing === 'damaged') {
      ctx.warnings.push(fr`${label} : ${content.message} Un cadre « Image manquante » la remplace.`);
      return missingImage(fr`Image manquante : assets/${asset} (${content.short})`, node, ctx);
    }
    ctx.warnings.push(
      fr`${label} : image introuvable (assets/${asset}) ; un cadre « Image manquante » la remplace. Remettez le fichier dans le dossier assets du dépôt ou remplacez l’image.`,
    );
    return missingImage(fr`Image manquante : assets/${asset}`, node, ctx);
  }
  const caption = childOfType(node, 'caption');
  const alt = (caption ? planText(caption) : '') || label;
  const change = ctx.review.tracked(node.marks);
  const prepared = imageRun(asset, content.bytes, widthMm, ctx.loaded, ctx.rasters, alt, change);
  if ('problem' in prepared) {
    ctx.warnings.push(
      fr`${label} : image illisible (assets/${asset} : ${prepared.problem}) ; un cadre la remplace.`,
    );
    return missingImage(fr`Image illisible : assets/${asset}`, node, ctx);
  }
  return new Paragraph({
    style: FIGURE_STYLE.id,
    children: [prepared.run],
    ...ctx.review.paragraphMark(node),
  });
}

export async function renderFigure(node: PlanNode, scope: BlockScope, ctx: RenderContext): Promise<Flow[]> {
  const full = node.attrs.width === 'full' && !scope.boxed;
  const widthMm = full ? ctx.fullWidthMm : scope.widthMm;
  const image = imageParagraph(node, widthMm, ctx);
  const caption = captionParagraph(node, ctx);
  const span = full ? 'full' : 'column';
  return assemble(caption, [image], childOfType(node, 'sourceLine'), ctx).map((child) => ({ child, span }));
}

function cellWidthSpan(cell: PlanNode): number {
  const colspan = cell.attrs.colspan;
  return typeof colspan === 'number' && colspan > 1 ? Math.floor(colspan) : 1;
}

export async function renderTableFigure(
  node: PlanNode,
  scope: BlockScope,
  ctx: RenderContext,
  renderBlocks: RenderBlocks,
): Promise<Flow[]> {
  const caption = captionParagraph(node, ctx);
  const table = childOfType(node, 'table');
  const rows = table?.content ?? [];
  const columns = Math.max(1, ...rows.map((row) => row.content.reduce((n, c) => n + cellWidthSpan(c), 0)));
  const rule = { style: BorderStyle.SINGLE, size: 4, color: wordColour(ctx.layout.colours.rule) };
  const headerFill = wordColour(
    resolveColour(ctx.layout, ctx.layout.styles.tableHeader.background ?? 'white', ctx.family),
  );
  const wordRows: TableRow[] = [];
  let leadingHeader = true;
  for (const row of rows) {
    const cells = row.content;
    const isHeader = cells.length > 0 && cells.every((cell) => cell.type === 'tableHeader');
    leadingHeader &&= isHeader;
    const wordCells: TableCell[] = [];
    for (const cell of cells) {
      const header = cell.type === 'tableHeader';
      const rowspan = typeof cell.attrs.rowspan === 'number' ? Math.floor(cell.attrs.rowspan) : 1;
      const flows = await renderBlocks(
        cell.content,
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
    wordRows.push(
      new TableRow({
        children: wordCells,
        cantSplit: true,
        tableHeader: leadingHeader,
        ...ctx.review.rowMark(row),
      }),
    );
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
  return assemble(caption, body, childOfType(node, 'sourceLine'), ctx).map((child) => ({
    child,
    span: 'column',
  }));
}
