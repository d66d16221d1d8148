import { bulletOf, numberStyleOf } from '../../../../shared/content/lists.js';
import type { MarkName, NodeName } from '../../../../shared/content/node-names.js';
import type { TextRole } from '../../../../shared/model/layout.js';
import type { PlanMark, PlanNode } from '../plan/types.js';
import { cssString, escapeHtml } from './escape.js';
import { figureHtml, tableFigureHtml, type FigureContext } from './figures.js';
import { asTitle, bodyText, plainText } from './text.js';

/**
 * The plan's content (plan/content.ts) as print HTML, one serializer per node of the
 * content schema and one per mark: a node or a mark added to the schema without a form
 * here is a compile error. Every text goes through bodyText (escaped, hyphenated but in
 * titles); attributes are checked before use.
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

type Serialize = (node: PlanNode, context: ContentContext) => string;

const roleClass = (role: TextRole) => `r-${role}`;

function children(node: PlanNode, context: ContentContext): string {
  return node.content.map((child) => serializeNode(child, context)).join('');
}

/**
 * Each mark wraps the text's HTML; `depth` orders the wrappers, outermost first (a link
 * spans its bold and italic parts). The plan has dropped unsafe links already.
 */
const marks: Record<MarkName, { depth: number; wrap: (mark: PlanMark, html: string) => string }> = {
  link: { depth: 0, wrap: (mark, html) => `<a href="${escapeHtml(String(mark.attrs.href))}">${html}</a>` },
  bold: { depth: 1, wrap: (_mark, html) => `<strong>${html}</strong>` },
  italic: { depth: 2, wrap: (_mark, html) => `<em>${html}</em>` },
  underline: { depth: 3, wrap: (_mark, html) => `<u>${html}</u>` },
  // Review marks reach the plan only for a review export, which is Word only (plan/content.ts).
  comment: { depth: 4, wrap: (_mark, html) => html },
  insertion: { depth: 4, wrap: (_mark, html) => html },
  deletion: { depth: 4, wrap: (_mark, html) => html },
};

function textHtml(node: PlanNode, context: ContentContext): string {
  const innermostFirst = [...node.marks].sort((a, b) => marks[b.type].depth - marks[a.type].depth);
  return innermostFirst.reduce(
    (html, mark) => marks[mark.type].wrap(mark, html),
    bodyText(node.text ?? '', context),
  );
}

function paragraphHtml(node: PlanNode, context: ContentContext): string {
  // Empty paragraphs are the editor's blank lines: in a justified column they are holes.
  if (!node.content.length) return '';
  return `<p class="${roleClass(context.roles.paragraph)}">${children(node, context)}</p>`;
}

function headingHtml(node: PlanNode, context: ContentContext): string {
  const level = node.attrs.level === 4 ? 4 : 3;
  return `<h${level} class="${roleClass(level === 4 ? 'heading4' : 'heading3')}">${children(node, asTitle(context))}</h${level}>`;
}

/** The list's marker as the layout says for its level: a list-style for numbers, the ::before text for bullets. */
function listHtml(tag: 'ul' | 'ol', node: PlanNode, context: ContentContext): string {
  const level = context.listLevel ?? 0;
  const levels = context.layout.lists;
  const start = node.attrs.start;
  const startAttr = tag === 'ol' && Number.isInteger(start) && start !== 1 ? ` start="${Number(start)}"` : '';
  const marker =
    tag === 'ol'
      ? `list-style-type: ${numberStyleOf(node, level, levels)}`
      : `--bullet: ${cssString(bulletOf(level, levels))}`;
  const inner = { ...context, listLevel: level + 1 };
  return `<${tag}${startAttr} style="${escapeHtml(marker)}">${children(node, inner)}</${tag}>`;
}

function listItemHtml(node: PlanNode, context: ContentContext): string {
  const inner = { ...context, roles: { ...context.roles, paragraph: context.roles.listItem } };
  return `<li class="${roleClass(context.roles.listItem)}">${children(node, inner)}</li>`;
}

function sourceLineHtml(node: PlanNode, context: ContentContext): string {
  return `<p class="source ${roleClass('source')}">${plainText(node.lead ?? '')}${children(node, context)}</p>`;
}

function encadreHtml(node: PlanNode, context: ContentContext): string {
  const inner: ContentContext = { ...context, roles: { paragraph: 'encadreText', listItem: 'encadreText' } };
  return `<aside class="encadre">${children(node, inner)}</aside>`;
}

function cellHtml(tag: 'th' | 'td', node: PlanNode, context: ContentContext): string {
  const span = (name: 'colspan' | 'rowspan') => {
    const value = node.attrs[name];
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
  // Figures and tables write their caption and source themselves, with the plan's number.
  figure: (node, context) => figureHtml(node, context, serializeNode),
  caption: children,
  tableFigure: (node, context) => tableFigureHtml(node, context, serializeNode),
  table: (node, context) => `<table>${children(node, context)}</table>`,
  tableRow: (node, context) => `<tr>${children(node, context)}</tr>`,
  tableHeader: (node, context) => cellHtml('th', node, context),
  tableCell: (node, context) => cellHtml('td', node, context),
};

function serializeNode(node: PlanNode, context: ContentContext): string {
  return serializers[node.type](node, context);
}

/** One part's planned blocks. */
export function documentHtml(nodes: readonly PlanNode[], context: ContentContext): string {
  return nodes.map((node) => serializeNode(node, context)).join('');
}
