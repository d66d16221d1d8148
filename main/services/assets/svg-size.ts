import type { Element } from '@xmldom/xmldom';

/**
 * The size an SVG says it has, in CSS pixels: from its width and height, or from its
 * viewBox for what they leave relative or missing. `invalid` when a size is given that
 * makes no drawing (zero, negative, infinite, unreadable): browsers then show nothing and
 * renderers may fail. An SVG without any size is valid (renderers draw it at a default).
 */

const PIXELS_PER_UNIT: Record<string, number> = {
  '': 1,
  px: 1,
  pt: 96 / 72,
  pc: 16,
  mm: 96 / 25.4,
  cm: 96 / 2.54,
  in: 96,
};

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** A length in pixels; undefined when relative (%, em) or absent; NaN when given but unusable. */
function pixels(value: string | null): number | undefined {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'auto') return undefined;
  const match = /^(.*?)(px|pt|pc|mm|cm|in|%|em|ex|rem)?$/i.exec(text);
  const [, number = '', unit = ''] = match ?? [];
  const factor = PIXELS_PER_UNIT[unit.toLowerCase()];
  if (factor === undefined) return undefined;
  const parsed = NUMBER.test(number) ? Number(number) * factor : NaN;
  return Number.isFinite(parsed) && parsed > 0 ? parsed : NaN;
}

function viewBox(root: Element): { width: number; height: number } | undefined | 'invalid' {
  const text = root.getAttribute('viewBox')?.trim();
  if (!text) return undefined;
  const parts = text.split(/[\s,]+/);
  const numbers = parts.map((part) => (NUMBER.test(part) ? Number(part) : NaN));
  const [, , width = NaN, height = NaN] = numbers;
  const valid = numbers.length === 4 && numbers.every(Number.isFinite) && width > 0 && height > 0;
  return valid ? { width, height } : 'invalid';
}

export function svgSize(root: Element): { width?: number; height?: number } | 'invalid' {
  const width = pixels(root.getAttribute('width'));
  const height = pixels(root.getAttribute('height'));
  const box = viewBox(root);
  if (Number.isNaN(width) || Number.isNaN(height) || box === 'invalid') return 'invalid';
  if (width && height) return { width, height };
  if (!box) return width ? { width } : height ? { height } : {};
  // What width or height leaves unsaid follows the viewBox's proportions.
  if (width) return { width, height: (width * box.height) / box.width };
  if (height) return { width: (height * box.width) / box.height, height };
  return box;
}
