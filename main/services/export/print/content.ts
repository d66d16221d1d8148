import type { DocMark, DocNode } from '../../../../shared/content/doc.js';
import { bulletOf, numberStyleOf } from '../../../../shared/content/lists.js';
import { isSafeLinkHref } from '../../../../shared/content/links.js';
import type { MarkName, NodeName } from '../../../../shared/content/node-names.js';
import { isMarkName, isNodeName } from '../../../../shared/content/node-names.js';
import { numberBlocks, type Counts, type NumberedBlock } from '../../../../shared/content/numbering.js';
import type { TextRole } from '../../../../shared/model/layout.js';
import { cssString, escapeHtml } from './escape.js';
import { figureHtml, tableFigureHtml, type FigureContext } from './figures.js';
import { asTitle, bodyText } from './text.js';

/**
 * Section content (ProseMirror JSON) to print HTML, one serializer per node of the content
 * schema: a node added to the schema without a serializer here is a compile error. Every
 * text goes through bodyText (escaped, hyphenated but in titles); attributes are checked
 * before use.
 */

/** The text style of the blocks being written: a section's body, an encadré, an angle… */
export interface BlockRoles {
  paragraph: TextRole;
  listItem: TextRole;
}

export interface ContentContext extends FigureContext {
  roles: BlockRoles;
  /** How many lists enclose the blocks being written (content/lists.ts): 0 outside any. */
  listLevel?: number;
}

type Serialize = (node: DocNode, context: ContentContext) => string;

const roleClass = (role: TextRole) => `r-${role}`;

function children(node: DocNode, context: ContentContext): string {
  return (node.content ?? []).map((child) => serializeNode(child, context)).join('');
}

type Tags = [string, string] | undefined;

/** Keyed by mark name, so a mark added to the schema without a print form is a compile error. */
const markTags: Record<MarkName, (mark: DocMark) => Tags> = {
  bold: () => ['<strong>', '</strong>'],
  italic: () => ['<em>', '</em>'],
  underline: () => ['<u>', '</u>'],
  link: (mark) => {
    const href = typeof mark.attrs?.href === 'string' ? mark.attrs.href : '';
    // An unsafe address prints as its text, without the link.
    return isSafeLinkHref(href) ? [`<a href="${escapeHtml(href.trim())}">`, '</a>'] : undefined;
  },
  // Commented text prints as plain text.
  comment: () => undefined,
  // Pending suggestions never reach an export: collectSheet (sheet-input.ts) leaves them undone.
  insertion: () => undefined,
  deletion: () => undefined,
};

function markOpen(mark: DocMark): Tags {
  return isMarkName(mark.type) ? markTags[mark.type](mark) : undefined;
}

/** Links outermost, so a link spans its bold and italic parts. */
const MARK_ORDER = ['link', 'bold', 'italic', 'underline'];

function textHtml(node: DocNode, context: ContentContext): string {
  let html = bodyText(node.text ?? '', context);
  const marks = [...(node.marks ?? [])].sort(
    (a, b) => MARK_ORDER.indexOf(b.type) - MARK_ORDER.indexOf(a.type),
  );
  for (const mark of marks) {
    const tags = markOpen(mark);
    if (tags) html = `${tags[0]}${html}${tags[1]}`;
  }
  return html;
}

function paragraphHtml(node: DocNode, context: ContentContext): string {
  // Empty paragraphs are the editor's blank lines: in a justified column they are holes.
  if (!node.content?.length) return '';
  return `<p class="${roleClass(context.roles.paragraph)}">${children(node, context)}</p>`;
}

function headingHtml(node: DocNode, context: ContentContext): string {
  const level = node.attrs?.level === 4 ? 4 : 3;
  return `<h${level} class="${roleClass(level === 4 ? 'heading4' : 'heading3')}">${children(node, asTitle(context))}</h${level}>`;
}

/** The list's marker as the layout says for its level: a list-style for numbers, the ::before text for bullets. */
function listHtml(tag: 'ul' | 'ol', node: DocNode, context: ContentContext): string {
  const level = context.listLevel ?? 0;
  const levels = context.layout.lists;
  const start = node.attrs?.start;
  const startAttr = tag === 'ol' && Number.isInteger(start) && start !== 1 ? ` start="${Number(start)}"` : '';
  const marker =
    tag === 'ol'
      ? `list-style-type: ${numberStyleOf(node, level, levels)}`
      : `--bullet: ${cssString(bulletOf(level, levels))}`;
  const inner = { ...context, listLevel: level + 1 };
  return `<${tag}${startAttr} style="${escapeHtml(marker)}">${children(node, inner)}</${tag}>`;
}

function listItemHtml(node: DocNode, context: ContentContext): string {
  const inner = { ...context, roles: { ...context.roles, paragraph: context.roles.listItem } };
  return `<li class="${roleClass(context.roles.listItem)}">${children(node, inner)}</li>`;
}

function sourceLineHtml(node: DocNode, context: ContentContext): string {
  return `<p class="source ${roleClass('source')}">Source\u00a0: ${children(node, context)}</p>`;
}

function encadreHtml(node: DocNode, context: ContentContext): string {
  const inner: ContentContext = { ...context, roles: { paragraph: 'encadreText', listItem: 'encadreText' } };
  return `<aside class="encadre">${children(node, inner)}</aside>`;
}

function cellHtml(tag: 'th' | 'td', node: DocNode, context: ContentContext): string {
  const span = (name: 'colspan' | 'rowspan') => {
    const value = node.attrs?.[name];
    return Number.isInteger(value) && (value as number) > 1 && (value as number) < 1000
      ? ` ${name}="${value as number}"`
      : '';
  };
  const inner: ContentContext = { ...context, roles: { paragraph: 'body', listItem: 'listItem' } };
  return `<${tag}${span('colspan')}${span('rowspan')}>${children(node, tag === 'th' ? asTitle(inner) : inner)}</${tag}>`;
}

export const serializers: Record<NodeName, Serialize> = {
  doc: children,
  paragraph: paragraphHtml,
  text: textHtml,
  hardBreak: () => '<br>',
  heading: headingHtml,
  bulletList: (node, context) => listHtml('ul', node, context),
  orderedList: (node, context) => listHtml('ol', node, context),
  listItem: listItemHtml,
  blockquote: (node, context) =>
    `<blockquote class="${roleClass('quote')}">${children(node, { ...context, roles: { paragraph: 'quote', listItem: 'quote' } })}</blockquote>`,
  sourceLine: sourceLineHtml,
  encadre: encadreHtml,
  encadreTitle: (node, context) =>
    `<p class="encadre-title ${roleClass('encadreTitle')}">${children(node, asTitle(context))}</p>`,
  // Figures and tables write their caption and source themselves, with their number.
  figure: (node, context) => figureHtml(node, undefined, context, serializeNode),
  caption: children,
  tableFigure: (node, context) => tableFigureHtml(node, undefined, context, serializeNode),
  table: (node, context) => `<table>${children(node, context)}</table>`,
  tableRow: (node, context) => `<tr>${children(node, context)}</tr>`,
  tableHeader: (node, context) => cellHtml('th', node, context),
  tableCell: (node, context) => cellHtml('td', node, context),
};

function serializeNode(node: DocNode, context: ContentContext): string {
  // Saved content is validated against the schema; an unknown node here is skipped, not printed raw.
  return isNodeName(node.type) ? serializers[node.type](node, context) : '';
}

/** One part's document, its figures and tables numbered from `start`. */
export function documentHtml(doc: DocNode | undefined, start: Counts, context: ContentContext): string {
  if (!doc) return '';
  const numbers = new Map<number, NumberedBlock>(
    numberBlocks(doc, start).map((block) => [block.index, block]),
  );
  return (doc.content ?? [])
    .map((block, index) => {
      const numbered = numbers.get(index);
      if (numbered && block.type === 'figure') return figureHtml(block, numbered, context, serializeNode);
      if (numbered && block.type === 'tableFigure')
        return tableFigureHtml(block, numbered, context, serializeNode);
      return serializeNode(block, context);
    })
    .join('');
}
