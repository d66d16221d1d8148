import { inlineText } from '../docx-read/inline-text.js';
import type { Block, DocxImage, Inline, Paragraph } from '../docx-read/model.js';
import { styleKey } from '../docx-read/styles.js';
import { STYLES } from '../export/docx/styles.js';
import { isGone } from './build-context.js';

/** What a Word paragraph holds besides its text: images, text boxes, a bold title opening a box. */

const ENCADRE_TITLE_STYLE = styleKey(STYLES.encadreTitle.name);

function isBold(paragraph: Paragraph): boolean {
  const texts = paragraph.content.filter(
    (inline): inline is Extract<Inline, { kind: 'text' }> =>
      inline.kind === 'text' && !isGone(inline) && inline.text.trim() !== '',
  );
  if (texts.length === 0) return false;
  const styleBold = paragraph.style?.marks.bold === true;
  return texts.every((inline) => inline.marks.bold ?? styleBold);
}

const visible = (blocks: readonly Block[]) =>
  blocks.filter(
    (block) =>
      block.kind === 'table' ||
      inlineText(block.content).trim() !== '' ||
      block.content.some((inline) => inline.kind === 'image'),
  );

/** A box whose first paragraph is a bold title (or Fiches' encadré title) is an encadré. */
export function encadreTitleOf(blocks: readonly Block[]): Paragraph | undefined {
  const first = visible(blocks)[0];
  if (first?.kind !== 'paragraph' || first.list) return undefined;
  const styled = first.style ? styleKey(first.style.name) === ENCADRE_TITLE_STYLE : false;
  return styled || isBold(first) ? first : undefined;
}

export function imagesOf(paragraph: Paragraph): DocxImage[] {
  return paragraph.content.flatMap((inline) =>
    inline.kind === 'image' && !isGone(inline) ? [inline.image] : [],
  );
}

export function textBoxesOf(paragraph: Paragraph): Block[][] {
  return paragraph.content.flatMap((inline) =>
    inline.kind === 'text-box' && !isGone(inline) ? [inline.blocks] : [],
  );
}
