import type { DocNode } from '../../../shared/content/doc.js';
import type { NumberedKind } from '../../../shared/content/numbering.js';
import { inlineText } from '../docx-read/inline-text.js';
import type { Block, DocxImage, Inline, Paragraph, Table } from '../docx-read/model.js';
import { styleKey } from '../docx-read/styles.js';
import { fr } from '../french.js';
import { STYLES } from '../export/docx/styles.js';
import { captionOf, sourceOf } from './captions.js';
import { inlineNodes, paragraphNode, type BuildContext } from './build-context.js';
import { ALL_MARKS, EMPHASIS_ONLY, TITLE_TEXT, type InlineOptions } from './inline-content.js';
import { nestLists, type ListEntry } from './lists.js';
import { encadreTitleOf, imagesOf, textBoxesOf } from './paragraph-parts.js';
import { isFichesFigureStyle } from './recognise.js';
import { tableFigure } from './tables.js';

/**
 * The blocks of one part of a Word document as the content of a sheet's section: paragraphs,
 * sub-headings, nested lists, quotations, figures (an image with its caption, above or below,
 * and its source), tables (with theirs), encadrés (a one-cell table or a text box opening on a
 * bold title), source lines. Figures and tables stand at the section's top level: one found
 * in a list, a cell or an encadré is moved after it, with a warning.
 */

type Item =
  | { kind: 'node'; node: DocNode }
  | { kind: 'list'; entry: ListEntry }
  | { kind: 'quote'; paragraph: DocNode }
  | { kind: 'caption'; of: NumberedKind | undefined; content: Inline[]; paragraph: Paragraph }
  | { kind: 'source'; content: Inline[] }
  | { kind: 'image'; image: DocxImage | undefined; full: boolean }
  | { kind: 'table'; table: Table };

const QUOTE_STYLE = styleKey(STYLES.quote.name);
const LIST_STYLE = styleKey(STYLES.listItem.name);

/**
 * Which caption and source line belong to each image and table: the caption just before
 * it (the layout's « above »), else just after it; the source line right after both.
 */
function attachCaptions(items: readonly Item[]): {
  of: Map<number, { caption?: Inline[]; source?: Inline[] }>;
  claimed: Set<number>;
} {
  const of = new Map<number, { caption?: Inline[]; source?: Inline[] }>();
  const claimed = new Set<number>();
  const fits = (at: number, kind: NumberedKind) => {
    const item = items[at];
    return item?.kind === 'caption' && !claimed.has(at) && (item.of === undefined || item.of === kind);
  };
  items.forEach((item, index) => {
    if (item.kind !== 'image' && item.kind !== 'table') return;
    const kind: NumberedKind = item.kind === 'image' ? 'figure' : 'table';
    const at = fits(index - 1, kind) ? index - 1 : fits(index + 1, kind) ? index + 1 : undefined;
    const captionItem = at === undefined ? undefined : items[at];
    if (at !== undefined) claimed.add(at);
    const after = Math.max(index, at ?? index) + 1;
    const sourceItem = items[after];
    const source = sourceItem?.kind === 'source' && !claimed.has(after) ? sourceItem.content : undefined;
    if (source) claimed.add(after);
    of.set(index, {
      ...(captionItem?.kind === 'caption' ? { caption: captionItem.content } : {}),
      ...(source ? { source } : {}),
    });
  });
  return { of, claimed };
}

export class ContentBuilder {
  /** Figures and tables met inside other blocks, placed after the block holding them. */
  private hoisted: DocNode[] = [];

  constructor(private readonly ctx: BuildContext) {}

  /** The section content of these blocks (top level). */
  build(blocks: readonly Block[]): DocNode[] {
    return this.assemble(this.items(blocks), false);
  }

  /** One paragraph's text as inline nodes (a heading that opened a part). */
  inlineOf(paragraph: Paragraph, options: InlineOptions): DocNode[] {
    return inlineNodes(paragraph, options, this.ctx);
  }

  /** Blocks inside a list item, a cell or an encadré: figures and tables are set aside for the top level. */
  nested(blocks: readonly Block[]): DocNode[] {
    return this.assemble(this.items(blocks), true);
  }

  private items(blocks: readonly Block[]): Item[] {
    const items: Item[] = [];
    for (const block of blocks) {
      if (block.kind === 'table') {
        if (
          block.rows.length === 1 &&
          block.rows[0]?.cells.length === 1 &&
          encadreTitleOf(block.rows[0].cells[0]?.blocks ?? [])
        ) {
          items.push({ kind: 'node', node: this.encadre(block.rows[0].cells[0]?.blocks ?? []) });
        } else items.push({ kind: 'table', table: block });
        continue;
      }
      items.push(...this.paragraphItems(block, items[items.length - 1]));
    }
    return items;
  }

  private paragraphItems(paragraph: Paragraph, previous: Item | undefined): Item[] {
    const ctx = this.ctx;
    const items: Item[] = [];
    const full = ctx.multiColumn && paragraph.columns === 1;
    const fichesFigure = isFichesFigureStyle(paragraph);
    const images = imagesOf(paragraph);
    const text = inlineText(paragraph.content).trim();
    if (fichesFigure === 'missing') return [{ kind: 'image', image: undefined, full }];
    const caption = text !== '' ? captionOf(paragraph, ctx.layout) : undefined;
    const source = text !== '' && !caption ? sourceOf(paragraph) : undefined;
    if (caption) items.push({ kind: 'caption', of: caption.kind, content: caption.content, paragraph });
    else if (source) items.push({ kind: 'source', content: source });
    else if (text !== '') items.push(this.textItem(paragraph, previous));
    for (const image of images) items.push({ kind: 'image', image, full });
    for (const box of textBoxesOf(paragraph)) {
      if (encadreTitleOf(box)) items.push({ kind: 'node', node: this.encadre(box) });
      else {
        ctx.warnings.add(
          fr`${ctx.where} : une zone de texte sans titre en gras est importée comme du texte ordinaire.`,
        );
        items.push(...this.items(box));
      }
    }
    return items;
  }

  private textItem(paragraph: Paragraph, previous: Item | undefined): Item {
    const ctx = this.ctx;
    if (paragraph.headingLevel !== undefined && !paragraph.list) {
      const level = paragraph.headingLevel - ctx.partLevel <= 1 ? 3 : 4;
      return {
        kind: 'node',
        node: paragraphNode('heading', inlineNodes(paragraph, ALL_MARKS, ctx), { level }),
      };
    }
    const node = paragraphNode('paragraph', inlineNodes(paragraph, ALL_MARKS, ctx));
    if (paragraph.list) {
      const { level, ordered, id } = paragraph.list;
      return { kind: 'list', entry: { kind: 'item', level, ordered, list: id, paragraph: node } };
    }
    const key = paragraph.style ? styleKey(paragraph.style.name) : '';
    const builtIn = paragraph.style?.builtIn;
    if (builtIn === 'quote' || builtIn === 'intense-quote' || key === QUOTE_STYLE)
      return { kind: 'quote', paragraph: node };
    const listStyle =
      builtIn === 'list-paragraph' ||
      builtIn === 'list-bullet' ||
      builtIn === 'list-number' ||
      key === LIST_STYLE;
    if (listStyle && previous?.kind === 'list')
      return { kind: 'list', entry: { kind: 'more', paragraph: node } };
    return { kind: 'node', node };
  }

  encadre(blocks: readonly Block[]): DocNode {
    const ctx = this.ctx;
    const title = encadreTitleOf(blocks);
    const rest = title ? blocks.filter((block) => block !== title) : blocks;
    const inner = this.nested(rest);
    const allowed = new Set([
      'paragraph',
      'heading',
      'bulletList',
      'orderedList',
      'blockquote',
      'sourceLine',
    ]);
    const kept = inner.filter((node) => allowed.has(node.type));
    if (kept.length < inner.length) {
      this.hoisted.push(...inner.filter((node) => !allowed.has(node.type)));
      ctx.warnings.add(
        fr`${ctx.where} : un encadré contenait une figure, un tableau ou un autre encadré ; ils sont placés après lui.`,
      );
    }
    const titleNodes = title ? inlineNodes(title, TITLE_TEXT, ctx) : [];
    return {
      type: 'encadre',
      content: [paragraphNode('encadreTitle', titleNodes), ...(kept.length ? kept : [{ type: 'paragraph' }])],
    };
  }

  private figure(
    image: DocxImage | undefined,
    full: boolean,
    caption: Inline[],
    source: Inline[] | undefined,
    where: string,
  ): DocNode {
    const ctx = this.ctx;
    const asset = image ? ctx.images.resolve(image, where) : null;
    if (!image)
      ctx.warnings.add(
        fr`${where} : le document n’a qu’un cadre « Image manquante » à sa place ; la figure est importée sans image.`,
      );
    const captionParagraph: Paragraph = { kind: 'paragraph', content: caption, columns: 1 };
    const sourceParagraph: Paragraph = { kind: 'paragraph', content: source ?? [], columns: 1 };
    return {
      type: 'figure',
      attrs: { asset, width: full ? 'full' : 'column' },
      content: [
        paragraphNode('caption', inlineNodes(captionParagraph, EMPHASIS_ONLY, ctx)),
        paragraphNode('sourceLine', inlineNodes(sourceParagraph, ALL_MARKS, ctx)),
      ],
    };
  }

  /**
   * Items to nodes: a caption next to an image (before it, else after it) is the figure's;
   * the same for a table; a source line right after either is theirs; lists and quotations
   * are gathered.
   */
  private assemble(items: Item[], nested: boolean): DocNode[] {
    const attached = attachCaptions(items);
    const output: DocNode[] = [];
    let lists: ListEntry[] = [];
    let quote: DocNode[] = [];
    const flush = () => {
      if (lists.length) output.push(...nestLists(lists));
      if (quote.length) output.push({ type: 'blockquote', content: quote });
      lists = [];
      quote = [];
    };
    const emit = (node: DocNode) => {
      flush();
      if (nested && (node.type === 'figure' || node.type === 'tableFigure')) this.hoisted.push(node);
      else output.push(node);
      if (!nested) this.placeHoisted(output);
    };
    items.forEach((item, index) => {
      if (attached.claimed.has(index)) return;
      switch (item.kind) {
        case 'list':
          if (quote.length) flush();
          lists.push(item.entry);
          return;
        case 'quote':
          if (lists.length) flush();
          quote.push(item.paragraph);
          return;
        case 'node':
          emit(item.node);
          return;
        case 'caption':
          // A caption with nothing to caption keeps its whole text as a paragraph.
          emit(paragraphNode('paragraph', inlineNodes(item.paragraph, ALL_MARKS, this.ctx)));
          return;
        case 'source':
          emit(
            paragraphNode(
              'sourceLine',
              inlineNodes({ kind: 'paragraph', content: item.content, columns: 1 }, ALL_MARKS, this.ctx),
            ),
          );
          return;
        case 'image':
        case 'table': {
          const { caption = [], source } = attached.of.get(index) ?? {};
          const named = inlineText(caption).trim();
          const what = item.kind === 'image' ? 'figure' : 'tableau';
          const where = named
            ? fr`${this.ctx.where}, ${what} « ${named.slice(0, 60)} »`
            : fr`${this.ctx.where}, ${what} sans légende`;
          if (!named)
            this.ctx.warnings.add(
              fr`${where} : importé${item.kind === 'image' ? 'e' : ''} sans légende ; ajoutez-la dans Fiches.`,
            );
          if (item.kind === 'image') emit(this.figure(item.image, item.full, caption, source, where));
          else emit(tableFigure(item.table, caption, source, this, { ...this.ctx, where }));
          return;
        }
      }
    });
    flush();
    if (!nested) this.placeHoisted(output);
    return output;
  }

  /** Figures and tables set aside by the blocks just placed go right after them. */
  private placeHoisted(output: DocNode[]): void {
    if (this.hoisted.length === 0) return;
    output.push(...this.hoisted);
    this.hoisted = [];
    this.ctx.warnings.add(
      fr`${this.ctx.where} : des figures ou des tableaux placés dans une liste, un tableau ou un encadré sont mis juste après eux (une fiche les veut au premier niveau).`,
    );
  }
}
