import { escapeHtml } from './escape.js';
import { hyphenateFrench } from './hyphenate.js';

/**
 * Text as printed: the plan's text (its French spacing already made unbreakable:
 * plan/text.ts), with soft hyphens at the French break points in body text, then escaped.
 */

export interface TextOptions {
  /** The layout's hyphenation switch; titles and labels are never hyphenated. */
  hyphenate: boolean;
}

/**
 * The options of a title written with the content's serializers (sub-headings, table
 * headers, captions, encadré titles): never hyphenated, like every title.
 */
export const asTitle = <C extends TextOptions>(options: C): C => ({ ...options, hyphenate: false });

export function bodyText(text: string, options: TextOptions): string {
  return escapeHtml(options.hyphenate ? hyphenateFrench(text) : text);
}

/** Titles, labels, names: escaped, never hyphenated. */
export function plainText(text: string): string {
  return escapeHtml(text);
}
