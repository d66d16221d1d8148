import { textOf, type DocNode } from '../../../../shared/content/doc.js';
import type { NumberedBlock } from '../../../../shared/content/numbering.js';
import type { Layout } from '../../../../shared/model/layout.js';
import { fr } from '../../french.js';
import { escapeHtml } from './escape.js';
import type { PrintImage } from './images.js';
import { asTitle, type TextOptions } from './text.js';

/**
 * Figures and tables: number and caption (above or below, as the layout says), the image
 * or the table, the source in small italics; one unbreakable block, so a figure never
 * leaves its caption on another page or column.
 */

export interface FigureContext extends TextOptions {
  layout: Layout;
  /** Each asset of the sheet as a data: URI, or why its file cannot be shown. */
  images: ReadonlyMap<string, PrintImage>;
  /** What the export reports without refusing (a missing image). */
  warnings: string[];
}

/** Serializes one node fully (content.ts), passed in to keep the two modules acyclic. */
type Serialize<C> = (node: DocNode, context: C) => string;

function childOfType(node: DocNode, type: string): DocNode | undefined {
  return node.content?.find((child) => child.type === type);
}

function captionHtml<C extends FigureContext>(
  caption: DocNode | undefined,
  label: string,
  context: C,
  serialize: Serialize<C>,
): string {
  const text = (caption?.content ?? []).map((child) => serialize(child, asTitle(context))).join('');
  return `<figcaption class="caption r-caption">${label ? `<span class="caption-label">${escapeHtml(label)}</span>` : ''}${text}</figcaption>`;
}

function labelOf(layout: Layout, numbered: NumberedBlock | undefined): string {
  if (!numbered) return '';
  const name = numbered.kind === 'figure' ? layout.captions.figureLabel : layout.captions.tableLabel;
  return `${name}\u00a0${numbered.number}${layout.captions.separator}`;
}

function assembled(layout: Layout, caption: string, body: string, source: string): string {
  return layout.captions.position === 'above' ? `${caption}${body}${source}` : `${body}${caption}${source}`;
}

function imageHtml(node: DocNode, numbered: NumberedBlock | undefined, context: FigureContext): string {
  const asset = typeof node.attrs?.asset === 'string' ? node.attrs.asset : null;
  const image = asset ? context.images.get(asset) : undefined;
  const name = numbered ? fr`la figure ${numbered.number}` : 'une figure';
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
  const { uri } = image;
  const caption = childOfType(node, 'caption');
  const alt = caption ? textOf(caption) : '';
  return `<div class="figure-image"><img src="${uri}" alt="${escapeHtml(alt)}"></div>`;
}

export function figureHtml<C extends FigureContext>(
  node: DocNode,
  numbered: NumberedBlock | undefined,
  context: C,
  serialize: Serialize<C>,
): string {
  const width = node.attrs?.width === 'full' ? 'full' : 'column';
  const caption = captionHtml(
    childOfType(node, 'caption'),
    labelOf(context.layout, numbered),
    context,
    serialize,
  );
  const source = childOfType(node, 'sourceLine');
  const sourceHtml = source ? serialize(source, context) : '';
  const body = imageHtml(node, numbered, context);
  return `<figure class="figure figure-${width}">${assembled(context.layout, caption, body, sourceHtml)}</figure>`;
}

export function tableFigureHtml<C extends FigureContext>(
  node: DocNode,
  numbered: NumberedBlock | undefined,
  context: C,
  serialize: Serialize<C>,
): string {
  const caption = captionHtml(
    childOfType(node, 'caption'),
    labelOf(context.layout, numbered),
    context,
    serialize,
  );
  const table = childOfType(node, 'table');
  const source = childOfType(node, 'sourceLine');
  return `<figure class="table-figure">${assembled(
    context.layout,
    caption,
    table ? serialize(table, context) : '',
    source ? serialize(source, context) : '',
  )}</figure>`;
}
