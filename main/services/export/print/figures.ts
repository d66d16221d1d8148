import type { Layout } from '../../../../shared/model/layout.js';
import { fr } from '../../french.js';
import { childOfType, planText } from '../plan/content.js';
import type { PlanNode, PlanNumber } from '../plan/types.js';
import { escapeHtml } from './escape.js';
import type { PrintImage } from './images.js';
import { asTitle, type TextOptions } from './text.js';

/**
 * Figures and tables: the plan's number and caption (above or below, as the layout says),
 * the image or the table, the source in small italics; one unbreakable block, so a figure
 * never leaves its caption on another page or column.
 */

export interface FigureContext extends TextOptions {
  layout: Layout;
  /** Each asset of the document as a data: URI, or why its file cannot be shown. */
  images: ReadonlyMap<string, PrintImage>;
  /** What the export reports without refusing (a missing image). */
  warnings: string[];
}

/** Serializes one node fully (content.ts), passed in to keep the two modules acyclic. */
type Serialize<C> = (node: PlanNode, context: C) => string;

/** « Figure 3 : », the label's parts as the plan gives them. */
export const numberLabel = (number: PlanNumber): string =>
  `${number.name}\u00a0${number.number}${number.separator}`;

function captionHtml<C extends FigureContext>(node: PlanNode, context: C, serialize: Serialize<C>): string {
  const caption = childOfType(node, 'caption');
  const text = (caption?.content ?? []).map((child) => serialize(child, asTitle(context))).join('');
  const label = node.number
    ? `<span class="caption-label">${escapeHtml(numberLabel(node.number))}</span>`
    : '';
  return `<figcaption class="caption r-caption">${label}${text}</figcaption>`;
}

/** The id the list of figures links to. */
const anchorOf = (node: PlanNode): string => (node.anchor ? ` id="${escapeHtml(node.anchor)}"` : '');

function assembled(layout: Layout, caption: string, body: string, source: string): string {
  return layout.captions.position === 'above' ? `${caption}${body}${source}` : `${body}${caption}${source}`;
}

function imageHtml(node: PlanNode, context: FigureContext): string {
  const asset = typeof node.attrs.asset === 'string' ? node.attrs.asset : null;
  const image = asset ? context.images.get(asset) : undefined;
  const name = node.number ? fr`la figure ${node.number.number}` : 'une figure';
  if (!image || !('uri' in image)) {
    context.warnings.push(
      !asset
        ? fr`Aucune image dans ${name} : un cadre « Image manquante » la remplace.`
        : image?.missing === 'damaged'
          ? fr`Image manquante pour ${name} : ${image.message} Un cadre « Image manquante » la remplace.`
          : fr`Image manquante pour ${name} : le fichier assets/${asset} est absent du dépôt ; un cadre « Image manquante » la remplace.`,
    );
    const text = image ? `Image manquante (${image.short})` : 'Image manquante';
    return `<div class="figure-missing" role="img" aria-label="${text}">${text}</div>`;
  }
  const caption = childOfType(node, 'caption');
  const alt = caption ? planText(caption) : '';
  return `<div class="figure-image"><img src="${image.uri}" alt="${escapeHtml(alt)}"></div>`;
}

function sourceHtml<C extends FigureContext>(node: PlanNode, context: C, serialize: Serialize<C>): string {
  const source = childOfType(node, 'sourceLine');
  return source && planText(source).trim() !== '' ? serialize(source, context) : '';
}

export function figureHtml<C extends FigureContext>(
  node: PlanNode,
  context: C,
  serialize: Serialize<C>,
): string {
  const width = node.attrs.width === 'full' ? 'full' : 'column';
  const body = imageHtml(node, context);
  return `<figure class="figure figure-${width}"${anchorOf(node)}>${assembled(context.layout, captionHtml(node, context, serialize), body, sourceHtml(node, context, serialize))}</figure>`;
}

export function tableFigureHtml<C extends FigureContext>(
  node: PlanNode,
  context: C,
  serialize: Serialize<C>,
): string {
  const table = childOfType(node, 'table');
  return `<figure class="table-figure"${anchorOf(node)}>${assembled(
    context.layout,
    captionHtml(node, context, serialize),
    table ? serialize(table, context) : '',
    sourceHtml(node, context, serialize),
  )}</figure>`;
}
