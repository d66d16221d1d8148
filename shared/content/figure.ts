import { mergeAttributes, Node } from '@tiptap/core';
import { assetIdSchema } from './assets.js';
import { REVIEW_MARKS } from './review-marks.js';
import { SHEET_BLOCK_GROUP } from './sheet-blocks.js';

/**
 * A figure: an image of the repository's assets, its caption and its source line. The
 * number (« Figure 3 : ») is never stored: it follows from the figure's place in the sheet
 * (content/numbering.ts), so moving or removing a figure renumbers the others.
 */

export const figureWidths = ['column', 'full'] as const;
export type FigureWidth = (typeof figureWidths)[number];

function checkAsset(value: unknown): void {
  if (value !== null && !assetIdSchema.safeParse(value).success) {
    throw new RangeError(`image de figure invalide : ${String(value).slice(0, 80)}`);
  }
}

function checkWidth(value: unknown): void {
  if (!figureWidths.includes(value as FigureWidth)) {
    throw new RangeError(`largeur de figure invalide : ${String(value).slice(0, 40)}`);
  }
}

/** The caption of a figure or a table, without its number. */
export const Caption = Node.create({
  name: 'caption',
  content: 'inline*',
  marks: `bold italic ${REVIEW_MARKS}`,
  defining: true,
  parseHTML: () => [{ tag: 'figcaption' }],
  renderHTML: ({ HTMLAttributes }) => [
    'figcaption',
    mergeAttributes(HTMLAttributes, { class: 'caption' }),
    0,
  ],
});

export const Figure = Node.create({
  name: 'figure',
  group: SHEET_BLOCK_GROUP,
  content: 'caption sourceLine',
  defining: true,
  isolating: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return {
      /** `<sha256>.<ext>` in the repository's assets; null when the image never arrived. */
      asset: {
        default: null,
        validate: checkAsset,
        parseHTML: (element) => {
          const value = element.getAttribute('data-asset');
          return assetIdSchema.safeParse(value).success ? value : null;
        },
        renderHTML: (attributes) => (attributes.asset ? { 'data-asset': attributes.asset as string } : {}),
      },
      width: {
        default: 'column' satisfies FigureWidth,
        validate: checkWidth,
        parseHTML: (element) => (element.getAttribute('data-width') === 'full' ? 'full' : 'column'),
        renderHTML: (attributes) => ({ 'data-width': attributes.width as string }),
      },
    };
  },

  parseHTML: () => [{ tag: 'figure[data-figure]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'figure',
    mergeAttributes(HTMLAttributes, { 'data-figure': '', class: 'figure' }),
    0,
  ],
});
