import {
  AlignmentType,
  BorderStyle,
  LevelFormat,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  WidthType,
  type INumberingOptions,
} from 'docx';
import type { NodeName } from '../../../../shared/content/node-names.js';
import { bulletOf, numberStyleOf, numberStyles, type NumberStyle } from '../../../../shared/content/lists.js';
import { resolveColour, type Layout } from '../../../../shared/model/layout.js';
import type { PlanNode } from '../plan/types.js';
import type { BlockScope, Flow, RenderContext } from './context.js';
import { renderFigure, renderTableFigure, sourceParagraph } from './figures.js';
import { inlineChildren } from './inline.js';
import { twipsFromPt, wordColour } from './units.js';

/**
 * The serializer of the plan's content, keyed by node name: a node added to the schema (and
 * to node-names.ts) without a Word form here is a compile error. Inline nodes are written
 * by inline.ts; nodes that only exist inside another are written by that parent. The plan
 * has left out what the schema does not know.
 */
type Serializer =
  | { block: (node: PlanNode, scope: BlockScope, ctx: RenderContext) => Promise<Flow[]> }
  | { inline: true }
  | { within: NodeName }
  | { root: true };

const BULLETS = 'fiche-puces';
const LIST_INDENT_TWIPS = 284;
const LIST_LEVELS = 6;

const WORD_FORMATS: Record<NumberStyle, (typeof LevelFormat)[keyof typeof LevelFormat]> = {
  decimal: LevelFormat.DECIMAL,
  'lower-alpha': LevelFormat.LOWER_LETTER,
  'upper-alpha': LevelFormat.UPPER_LETTER,
  'lower-roman': LevelFormat.LOWER_ROMAN,
  'upper-roman': LevelFormat.UPPER_ROMAN,
};

/** One Word list a number style, the same at every level: each list picks its style (content/lists.ts). */
const numbersReference = (style: NumberStyle) => `fiche-numeros-${style}`;

/** Real Word lists: bullets by level as the layout says, and numbers that restart with each list. */
export function listNumbering(layout: Layout): INumberingOptions {
  const level = (n: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({
    level: n,
    format,
    text,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: LIST_INDENT_TWIPS * (n + 1), hanging: LIST_INDENT_TWIPS } } },
  });
  const levels = Array.from({ length: LIST_LEVELS }, (_, n) => n);
  return {
    config: [
      {
        reference: BULLETS,
        levels: levels.map((n) => level(n, LevelFormat.BULLET, bulletOf(n, layout.lists))),
      },
      ...numberStyles.map((style) => ({
        reference: numbersReference(style),
        levels: levels.map((n) => level(n, WORD_FORMATS[style], `%${n + 1}.`)),
      })),
    ],
  };
}

const column = (child: Paragraph | Table): Flow => ({ child, span: 'column' });

function paragraph(node: PlanNode, scope: BlockScope, ctx: RenderContext): Flow[] {
  if (!node.content.length) return [];
  const indent =
    scope.listLevel !== undefined
      ? { left: LIST_INDENT_TWIPS * (Math.min(scope.listLevel, LIST_LEVELS - 1) + 1) }
      : undefined;
  return [
    column(
      new Paragraph({
        style: ctx.styles[scope.paragraph],
        children: inlineChildren(node.content, ctx.review),
        ...ctx.review.paragraphMark(node),
        ...(indent ? { indent } : {}),
      }),
    ),
  ];
}

async function list(
  node: PlanNode,
  scope: BlockScope,
  ctx: RenderContext,
  ordered: boolean,
): Promise<Flow[]> {
  // The depth picks the marker, as in the PDF; Word's levels (and indents) stop at the last.
  const depth = scope.listLevel === undefined ? 0 : scope.listLevel + 1;
  const level = Math.min(depth, LIST_LEVELS - 1);
  const instance = ordered ? ctx.nextListInstance++ : 0;
  const flows: Flow[] = [];
  for (const item of node.content) {
    const [first, ...rest] = item.content;
    if (first?.type === 'paragraph') {
      flows.push(
        column(
          new Paragraph({
            style: ctx.styles.listItem,
            numbering: {
              reference: ordered ? numbersReference(numberStyleOf(node, depth, ctx.layout.lists)) : BULLETS,
              level,
              instance,
            },
            children: inlineChildren(first.content, ctx.review),
            ...ctx.review.paragraphMark(first),
          }),
        ),
      );
    }
    const others = first?.type === 'paragraph' ? rest : item.content;
    flows.push(...(await renderBlocks(others, { ...scope, paragraph: 'listItem', listLevel: depth }, ctx)));
  }
  return flows;
}

async function encadre(node: PlanNode, scope: BlockScope, ctx: RenderContext): Promise<Flow[]> {
  const [title, ...blocks] = node.content;
  const titleParagraph = new Paragraph({
    style: ctx.styles.encadreTitle,
    children: inlineChildren(title?.type === 'encadreTitle' ? title.content : [], ctx.review),
    ...ctx.review.paragraphMark(title),
  });
  const { encadre: box } = ctx.layout;
  const inner = await renderBlocks(
    title?.type === 'encadreTitle' ? blocks : node.content,
    { paragraph: 'encadreText', widthMm: (scope.boxed ? scope.widthMm : ctx.fullWidthMm) - 10, boxed: true },
    ctx,
  );
  const padding = twipsFromPt(box.paddingPt);
  const border = {
    style: BorderStyle.SINGLE,
    size: 12,
    color: wordColour(resolveColour(ctx.layout, box.border, ctx.family)),
  };
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border },
    rows: [
      new TableRow({
        // An encadré added or removed whole: its one row is, so « Refuser tout » leaves no empty box.
        ...ctx.review.rowMark(node),
        children: [
          new TableCell({
            children: [titleParagraph, ...inner.map((flow) => flow.child)],
            shading: {
              type: ShadingType.CLEAR,
              color: 'auto',
              fill: wordColour(resolveColour(ctx.layout, box.background, ctx.family)),
            },
            margins: { top: padding, bottom: padding, left: padding, right: padding },
          }),
        ],
      }),
    ],
  });
  // A paragraph after the box, or Word glues the next table or section break to it.
  return [
    { child: table, span: scope.boxed ? 'column' : 'full' },
    {
      child: new Paragraph({ style: ctx.styles.body, spacing: { after: 0 }, children: [] }),
      span: scope.boxed ? 'column' : 'full',
    },
  ];
}

const serializers: Record<NodeName, Serializer> = {
  doc: { root: true },
  text: { inline: true },
  hardBreak: { inline: true },
  paragraph: { block: async (node, scope, ctx) => paragraph(node, scope, ctx) },
  heading: {
    block: async (node, _scope, ctx) => [
      column(
        new Paragraph({
          style: node.attrs?.level === 4 ? ctx.styles.heading4 : ctx.styles.heading3,
          children: inlineChildren(node.content, ctx.review),
          ...ctx.review.paragraphMark(node),
        }),
      ),
    ],
  },
  bulletList: { block: (node, scope, ctx) => list(node, scope, ctx, false) },
  orderedList: { block: (node, scope, ctx) => list(node, scope, ctx, true) },
  listItem: { within: 'bulletList' },
  blockquote: {
    block: (node, scope, ctx) => renderBlocks(node.content, { ...scope, paragraph: 'quote' }, ctx),
  },
  sourceLine: { block: async (node, _scope, ctx) => [column(sourceParagraph(node, ctx))] },
  encadre: { block: encadre },
  encadreTitle: { within: 'encadre' },
  figure: { block: renderFigure },
  caption: { within: 'figure' },
  tableFigure: { block: (node, scope, ctx) => renderTableFigure(node, scope, ctx, renderBlocks) },
  table: { within: 'tableFigure' },
  tableRow: { within: 'table' },
  tableHeader: { within: 'tableRow' },
  tableCell: { within: 'tableRow' },
};

/** The blocks of a section (or of a box, a cell, a list item) as Word paragraphs and tables. */
export async function renderBlocks(
  nodes: readonly PlanNode[],
  scope: BlockScope,
  ctx: RenderContext,
): Promise<Flow[]> {
  const flows: Flow[] = [];
  for (const node of nodes) {
    const serializer = serializers[node.type];
    if ('block' in serializer) flows.push(...(await serializer.block(node, scope, ctx)));
  }
  return flows;
}
