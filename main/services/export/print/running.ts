import {
  splitPlaceholders,
  type Layout,
  type RunningText,
  type TextStyle,
} from '../../../../shared/model/layout.js';
import type { RunningValues } from '../running-values.js';
import { cssString } from './escape.js';
import { colourOf } from './styles.js';

/**
 * The running header and footer as CSS page-margin boxes (Chromium prints them since
 * version 131, Electron's included): they are laid out with the document's own font, so
 * the PDF embeds it there too, and `counter(page)` gives the page number. Every page of a
 * sheet carries its header, its opening page included, as in Word (docx/sections.ts): a
 * volume's sheets could not do otherwise, Chromium having no selector for the first page
 * of each sheet (`@page name:first` matches only the document's first page).
 */

function contentOf(text: string, values: RunningValues): string {
  const parts = splitPlaceholders(text).map((part) => {
    if ('text' in part) return cssString(part.text);
    if (part.field === 'page') return 'counter(page)';
    if (part.field === 'pages') return 'counter(pages)';
    return cssString(values[part.field]);
  });
  return parts.length ? parts.join(' ') : 'none';
}

function boxStyle(layout: Layout, style: TextStyle): string {
  return [
    `font-size: ${style.sizePt}pt`,
    `font-weight: ${style.bold ? 700 : 400}`,
    `font-style: ${style.italic ? 'italic' : 'normal'}`,
    `color: ${colourOf(layout, style.colour)}`,
    `text-transform: ${style.uppercase ? 'uppercase' : 'none'}`,
    `letter-spacing: ${style.letterSpacingPt}pt`,
  ].join('; ');
}

function boxes(
  layout: Layout,
  where: 'top' | 'bottom',
  running: RunningText,
  style: TextStyle,
  values: RunningValues,
): string {
  const distance = where === 'top' ? layout.page.headerMm : layout.page.footerMm;
  const place =
    where === 'top'
      ? `vertical-align: top; padding-top: ${distance}mm`
      : `vertical-align: bottom; padding-bottom: ${distance}mm`;
  return (['left', 'center', 'right'] as const)
    .map(
      (slot) =>
        `@${where}-${slot} { content: ${contentOf(running[slot], values)}; ${boxStyle(layout, style)}; ${place}; text-align: ${slot}; }`,
    )
    .join('\n  ');
}

/**
 * The running lines of the pages of a volume's piece: a named page (`page: name` on the
 * piece), so each sheet's pages carry its family and variable; without a header when
 * `header` is false (the volume's own pages). Page numbers run through the volume.
 */
export function namedPageRules(layout: Layout, name: string, values: RunningValues, header: boolean): string {
  return `@page ${name} {
  ${header ? boxes(layout, 'top', layout.header, layout.styles.header, values) : ''}
  ${boxes(layout, 'bottom', layout.footer, layout.styles.footer, values)}
}`;
}

export function pageRules(layout: Layout, values: RunningValues): string {
  return `@page {
  ${boxes(layout, 'top', layout.header, layout.styles.header, values)}
  ${boxes(layout, 'bottom', layout.footer, layout.styles.footer, values)}
}`;
}
