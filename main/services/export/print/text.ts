import { NBSP, NNBSP } from '../../../../shared/content/typography.js';
import { escapeHtml } from './escape.js';
import { hyphenateFrench } from './hyphenate.js';

/**
 * Body text as printed: French spacing made unbreakable, soft hyphens at the French break
 * points, then escaped. Pasted text often carries plain spaces before « ; : ! ? » and inside
 * guillemets; in a justified column those spaces stretch and may put a colon at the start
 * of a line, so they become the no-break spaces the editor inserts while typing.
 */
export function frenchSpaces(text: string): string {
  return text
    .replace(/[ \t]+([;!?])/g, `${NNBSP}$1`)
    .replace(/[ \t]+([:»])/g, `${NBSP}$1`)
    .replace(/«[ \t]+/g, `«${NBSP}`);
}

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
  const spaced = frenchSpaces(text);
  return escapeHtml(options.hyphenate ? hyphenateFrench(spaced) : spaced);
}

/** Titles, labels, names: French spacing and escaping, no hyphenation. */
export function plainText(text: string): string {
  return escapeHtml(frenchSpaces(text));
}
