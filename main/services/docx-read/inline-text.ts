import type { Inline } from './model.js';

/** Reading the text out of a paragraph's inline content, as Word shows it. */

/** Plain text of inline content, as shown (deleted text left out). */
export function inlineText(content: readonly Inline[]): string {
  let text = '';
  for (const inline of content) {
    if (inline.change?.kind === 'deletion' || inline.change?.kind === 'move-from') continue;
    switch (inline.kind) {
      case 'text':
        text += inline.text;
        break;
      case 'tab':
        text += '\t';
        break;
      case 'break':
        text += '\n';
        break;
      case 'link':
      case 'field':
        text += inlineText(inline.content);
        break;
      default:
    }
  }
  return text;
}

/** Every inline of some content, links and fields opened (each container before what it holds). */
export function flattenInlines(content: readonly Inline[]): Inline[] {
  return content.flatMap((inline) =>
    inline.kind === 'link' || inline.kind === 'field'
      ? [inline, ...flattenInlines(inline.content)]
      : [inline],
  );
}
