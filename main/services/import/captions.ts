import type { NumberedKind } from '../../../shared/content/numbering.js';
import type { Layout } from '../../../shared/model/layout.js';
import { flattenInlines, inlineText } from '../docx-read/inline-text.js';
import type { Inline, Paragraph } from '../docx-read/model.js';
import { styleKey } from '../docx-read/styles.js';
import { STYLES } from '../export/docx/styles.js';
import { dropLeadingText } from './inline-content.js';
import { normalised } from './text-match.js';

/**
 * Captions and source lines, as Word users write them: « Figure 3 : … » (Word's caption
 * style with its SEQ field, or typed as plain text) above or below the image, « Tableau
 * 2 : … » for a table, « Source : … » (with the no-break space French Word types before
 * the colon). The number is never kept: Fiches numbers figures itself.
 */

const FIGURE_WORDS = [
  'figure',
  'fig',
  'graphique',
  'illustration',
  'image',
  'carte',
  'schema',
  'photo',
  'diagramme',
];
const TABLE_WORDS = ['tableau', 'table'];

/** Word, number (arabic, roman or a SEQ result), separator; the number may be missing in the caption style. */
const CAPTION =
  /^[\s\u00a0]*([\p{L}.]+)[\s\u00a0]*(?:n[°o][\s\u00a0]*)?(\d+|[IVXLC]+\b)?[\s\u00a0\u202f]*[:.\u2013\u2014–—-][\s\u00a0\u202f]*/u;
const SOURCE = /^[\s\u00a0]*sources?[\s\u00a0\u202f]*[:：][\s\u00a0\u202f]*/iu;
const SEQ = /^SEQ\s+([^\s\\]+)/i;

const CAPTION_STYLE = styleKey(STYLES.caption.name);
const SOURCE_STYLE = styleKey(STYLES.source.name);

export interface CaptionLine {
  kind: NumberedKind | undefined;
  /** The caption's own text, its label and number removed. */
  content: Inline[];
}

function kindOfWord(word: string, layout: Layout): NumberedKind | undefined {
  const key = normalised(word.replace(/\.$/, ''));
  if (key === normalised(layout.captions.figureLabel) || FIGURE_WORDS.includes(key)) return 'figure';
  if (key === normalised(layout.captions.tableLabel) || TABLE_WORDS.includes(key)) return 'table';
  return undefined;
}

function seqKind(content: readonly Inline[], layout: Layout): NumberedKind | undefined {
  for (const inline of flattenInlines(content)) {
    if (inline.kind !== 'field') continue;
    const name = SEQ.exec(inline.instruction)?.[1];
    if (name) return kindOfWord(name.replace(/_/g, ' '), layout);
  }
  return undefined;
}

function isCaptionStyle(paragraph: Paragraph): boolean {
  return (
    paragraph.style?.builtIn === 'caption' ||
    (paragraph.style ? styleKey(paragraph.style.name) === CAPTION_STYLE : false)
  );
}

/** The paragraph as a caption, or undefined when it is not one. */
export function captionOf(paragraph: Paragraph, layout: Layout): CaptionLine | undefined {
  const styled = isCaptionStyle(paragraph);
  const text = inlineText(paragraph.content);
  const match = CAPTION.exec(text);
  const word = match?.[1] ?? '';
  const kind = (match ? kindOfWord(word, layout) : undefined) ?? seqKind(paragraph.content, layout);
  if (match && kindOfWord(word, layout) && (styled || match[2] !== undefined)) {
    return { kind, content: dropLeadingText(paragraph.content, match[0].length) };
  }
  return styled ? { kind, content: paragraph.content } : undefined;
}

/** The paragraph as a source line (« Source : … ») without its prefix, or undefined. */
export function sourceOf(paragraph: Paragraph): Inline[] | undefined {
  const match = SOURCE.exec(inlineText(paragraph.content));
  if (match) return dropLeadingText(paragraph.content, match[0].length);
  if (paragraph.style && styleKey(paragraph.style.name) === SOURCE_STYLE) return paragraph.content;
  return undefined;
}
