import type { DocNode } from './doc.js';

/** Builders of section content (tests, benchmarks, fixtures): figures and tables as the editor saves them. */

export const SAMPLE_ASSET = `${'a'.repeat(64)}.png`;

const text = (value: string): DocNode[] => (value === '' ? [] : [{ type: 'text', text: value }]);

export function paragraph(value: string): DocNode {
  return { type: 'paragraph', content: text(value) };
}

export function figure(
  caption: string,
  source: string,
  options: { asset?: string | null; width?: 'column' | 'full' } = {},
): DocNode {
  return {
    type: 'figure',
    attrs: {
      asset: options.asset === undefined ? SAMPLE_ASSET : options.asset,
      width: options.width ?? 'column',
    },
    content: [
      { type: 'caption', content: text(caption) },
      { type: 'sourceLine', content: text(source) },
    ],
  };
}

function cell(type: 'tableHeader' | 'tableCell', value: string): DocNode {
  return { type, content: [paragraph(value)] };
}

/** A table figure whose first row is a header row. */
export function tableFigure(caption: string, source: string, rows: readonly (readonly string[])[]): DocNode {
  return {
    type: 'tableFigure',
    content: [
      { type: 'caption', content: text(caption) },
      {
        type: 'table',
        content: rows.map((row, index) => ({
          type: 'tableRow',
          content: row.map((value) => cell(index === 0 ? 'tableHeader' : 'tableCell', value)),
        })),
      },
      { type: 'sourceLine', content: text(source) },
    ],
  };
}

export function doc(...blocks: DocNode[]): DocNode {
  return { type: 'doc', content: blocks };
}

/** A list item: its text, then the lists nested in it. */
export function listItem(value: string, ...nested: DocNode[]): DocNode {
  return { type: 'listItem', content: [paragraph(value), ...nested] };
}

/** A numbered list; `type` is the style a paste may carry (« a », « I »…), as the editor saves it. */
export function orderedList(items: DocNode[], attrs: { start?: number; type?: string | null } = {}): DocNode {
  return {
    type: 'orderedList',
    attrs: { start: attrs.start ?? 1, type: attrs.type ?? null },
    content: items,
  };
}

export function bulletList(items: DocNode[]): DocNode {
  return { type: 'bulletList', content: items };
}
