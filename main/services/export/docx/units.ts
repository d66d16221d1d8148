import type { Layout } from '../../../../shared/model/layout.js';

/** Word's units, from the layout's millimetres and points. */

/** Twentieths of a point: margins, indents, spacing, letter-spacing. */
export const twipsFromMm = (mm: number): number => Math.round((mm * 1440) / 25.4);
export const twipsFromPt = (pt: number): number => Math.round(pt * 20);

/** Font sizes are in half-points. */
export const halfPoints = (pt: number): number => Math.round(pt * 2);

/** Line spacing with the "auto" rule is in 240ths of a line. */
export const lineFromMultiple = (multiple: number): number => Math.round(multiple * 240);

/** docx sizes images in pixels at 96 per inch. */
export const pixelsFromMm = (mm: number): number => (mm / 25.4) * 96;

/** Colours are written without their '#'. */
export const wordColour = (hex: string): string => hex.replace(/^#/, '').toUpperCase();

/** Width of the page's text and of one of its columns, in millimetres. */
export function columnWidths(layout: Layout): { full: number; column: number } {
  const full = layout.page.widthMm - layout.page.margins.leftMm - layout.page.margins.rightMm;
  const count = layout.columns.count;
  return { full, column: (full - layout.columns.gapMm * (count - 1)) / count };
}
