import type { DocNode } from '../../../shared/content/doc.js';
import type { Layout } from '../../../shared/model/layout.js';
import { blocksText } from '../docx-read/annotations.js';
import type { DocxDocument, Inline, Paragraph } from '../docx-read/model.js';
import { fr } from '../french.js';
import type { ImageResolver } from './images.js';
import { convertInlines, type InlineOptions } from './inline-content.js';
import type { ReviewMarker } from './review-marker.js';
import type { Warnings } from './warnings.js';
import { plural } from '../../../shared/plural.js';

/** What building one part's content needs, and the text of its paragraphs with their notes and warnings. */

export interface BuildContext {
  doc: DocxDocument;
  layout: Layout;
  /** The document sets text in columns somewhere: a figure across the page is then « full » width. */
  multiColumn: boolean;
  /** Headings one level below this are the sheet's first sub-heading level (3). */
  partLevel: number;
  images: ImageResolver;
  warnings: Warnings;
  /** Names the part in warnings (« Évolution passée »). */
  where: string;
  /** Set when a reviewer's copy is read: its comments and tracked changes become review marks. */
  review?: ReviewMarker;
}

/** Deleted and moved-away text (tracked changes) is not in the accepted text. */
export const isGone = (inline: Inline) =>
  inline.change?.kind === 'deletion' || inline.change?.kind === 'move-from';

/** A paragraph's inline content as nodes of a node type, its footnotes appended as text. */
export function inlineNodes(paragraph: Paragraph, options: InlineOptions, ctx: BuildContext): DocNode[] {
  const converted = convertInlines(paragraph.content, options, ctx.review);
  for (const href of converted.unsafeLinks) {
    ctx.warnings.add(
      fr`${ctx.where} : le lien « ${href} » est retiré (seuls http, https et mailto sont acceptés) ; son texte est gardé.`,
    );
  }
  for (const what of converted.unsupported) {
    ctx.warnings.add(
      fr`${ctx.where} : un objet « ${what} » ne peut pas être importé ; recréez-le, ou collez-le comme image.`,
    );
  }
  const nodes = converted.nodes;
  for (const { note, id } of converted.notes) {
    const text = blocksText(
      (note === 'footnote' ? ctx.doc.footnotes : ctx.doc.endnotes).get(id) ?? [],
    ).trim();
    if (text === '') continue;
    nodes.push({ type: 'text', text: ` (note\u00a0: ${text.replace(/\s*\n\s*/g, ' ')})` });
    ctx.warnings.count(
      'notes',
      (count) =>
        fr`${plural(count, 'note')} de bas de page ou de fin de document : leur texte est placé entre parenthèses à la fin de leur paragraphe.`,
    );
  }
  return nodes;
}

/** A node of text (paragraph, heading, caption…), without an empty content array. */
export function paragraphNode(type: string, content: DocNode[], attrs?: Record<string, unknown>): DocNode {
  return { type, ...(attrs ? { attrs } : {}), ...(content.length ? { content } : {}) };
}
