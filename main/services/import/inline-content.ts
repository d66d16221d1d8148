import type { DocMark, DocNode } from '../../../shared/content/doc.js';
import { isSafeLinkHref } from '../../../shared/content/links.js';
import type { MarkName } from '../../../shared/content/node-names.js';
import type { Inline } from '../docx-read/model.js';
import type { ReviewMarker } from './review-marker.js';

/**
 * Word runs as the text of a sheet: bold, italic, underline and safe links are kept (each
 * node keeps the marks its schema allows), line breaks become hard breaks, tabs spaces;
 * deleted text (tracked changes) is left out, inserted text kept: the accepted text. Given
 * a `review` marker (the import of a Word review), deleted text is kept and every text
 * carries its comments and tracked change as review marks instead.
 * Footnote references are collected for the paragraph to append their text.
 */

export interface InlineOptions {
  /** The marks the receiving node accepts (caption and encadré title: bold and italic only). */
  marks: readonly MarkName[];
  /** Whether the node accepts hard breaks (an encadré title takes text only). */
  breaks: boolean;
}

export const ALL_MARKS: InlineOptions = { marks: ['bold', 'italic', 'underline', 'link'], breaks: true };
export const EMPHASIS_ONLY: InlineOptions = { marks: ['bold', 'italic'], breaks: true };
export const TITLE_TEXT: InlineOptions = { marks: ['italic'], breaks: false };
/** A micro-scenario's title: plain text (a review's marks still come with it). */
export const PLAIN_TEXT: InlineOptions = { marks: [], breaks: false };

export interface InlineResult {
  nodes: DocNode[];
  /** Footnotes and endnotes referenced, in order. */
  notes: { note: 'footnote' | 'endnote'; id: string }[];
  /** Links dropped because their address could run script or leaves the document unreadable. */
  unsafeLinks: string[];
  /** What has no text form (charts, equations…), named. */
  unsupported: string[];
}

// eslint-disable-next-line no-control-regex -- control characters break files and editors
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

const isGone = (inline: Inline) => inline.change?.kind === 'deletion' || inline.change?.kind === 'move-from';

function linkMark(href: string): DocMark {
  // As the editor saves a link (Tiptap's attributes, in its order), so an import reads as typed.
  return {
    type: 'link',
    attrs: { href, target: null, rel: 'noopener noreferrer nofollow', class: null, title: null },
  };
}

export function convertInlines(
  content: readonly Inline[],
  options: InlineOptions,
  review?: ReviewMarker,
): InlineResult {
  const result: InlineResult = { nodes: [], notes: [], unsafeLinks: [], unsupported: [] };
  const allowed = new Set<string>(options.marks);
  const text = (value: string, marks: DocMark[], inline: Inline) => {
    const all = review ? [...marks, ...review.marksOf(inline)] : marks;
    result.nodes.push(all.length ? { type: 'text', text: value, marks: all } : { type: 'text', text: value });
  };
  const visit = (inlines: readonly Inline[], link: DocMark | undefined) => {
    for (const inline of inlines) {
      if (isGone(inline) && !(review && inline.change?.kind === 'deletion')) continue;
      switch (inline.kind) {
        case 'text': {
          const value = inline.text.replace(CONTROL, '');
          if (value === '') break;
          const marks: DocMark[] = [];
          if (inline.marks.bold && allowed.has('bold')) marks.push({ type: 'bold' });
          if (inline.marks.italic && allowed.has('italic')) marks.push({ type: 'italic' });
          if (inline.marks.underline && allowed.has('underline')) marks.push({ type: 'underline' });
          if (link && allowed.has('link')) marks.push(link);
          text(value, marks, inline);
          break;
        }
        case 'tab':
          text(' ', [], inline);
          break;
        case 'break':
          if (options.breaks && !(review && inline.change)) result.nodes.push({ type: 'hardBreak' });
          else text(' ', [], inline);
          break;
        case 'comment':
          review?.edge(inline);
          break;
        case 'link': {
          const href = inline.href?.trim();
          const safe = href !== undefined && isSafeLinkHref(href);
          if (href !== undefined && !safe) result.unsafeLinks.push(href.slice(0, 120));
          visit(inline.content, safe ? linkMark(href) : link);
          break;
        }
        case 'field':
          visit(inline.content, link);
          break;
        case 'note':
          result.notes.push({ note: inline.note, id: inline.id });
          break;
        case 'unsupported':
          result.unsupported.push(inline.what);
          break;
        default:
        // Images and text boxes are blocks of their own.
      }
    }
  };
  visit(content, undefined);
  return result;
}

/** The content without its first `count` characters of text (a label, « Figure 3 : », « Source : »). */
export function dropLeadingText(content: readonly Inline[], count: number): Inline[] {
  let left = count;
  const cut = (inlines: readonly Inline[]): Inline[] => {
    const kept: Inline[] = [];
    for (const inline of inlines) {
      if (left <= 0 || isGone(inline)) {
        kept.push(inline);
        continue;
      }
      if (inline.kind === 'text') {
        if (inline.text.length <= left) left -= inline.text.length;
        else {
          kept.push({ ...inline, text: inline.text.slice(left) });
          left = 0;
        }
      } else if (inline.kind === 'tab' || inline.kind === 'break') {
        left -= 1;
      } else if (inline.kind === 'link' || inline.kind === 'field') {
        const inner = cut(inline.content);
        if (inner.length > 0) kept.push({ ...inline, content: inner });
      } else {
        kept.push(inline);
      }
    }
    return kept;
  };
  return cut(content);
}

/** Leading and trailing spaces of a paragraph's text removed (a label's separator, Word's stray spaces). */
export function trimNodes(nodes: DocNode[]): DocNode[] {
  const trimmed = [...nodes];
  const first = trimmed[0];
  if (first?.type === 'text' && first.text !== undefined) {
    const text = first.text.replace(/^[\s\u00a0\u202f]+/, '');
    if (text === '') trimmed.shift();
    else trimmed[0] = { ...first, text };
  }
  const last = trimmed[trimmed.length - 1];
  if (last?.type === 'text' && last.text !== undefined) {
    const text = last.text.replace(/[\s\u00a0\u202f]+$/, '');
    if (text === '') trimmed.pop();
    else trimmed[trimmed.length - 1] = { ...last, text };
  }
  return trimmed;
}
