import type { DocNode } from '../shared/content/doc.js';

/** A sheet's sections as plain HTML, for pandoc to turn into a .docx: the same content, no layout. */
const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function inline(nodes: DocNode[] | undefined): string {
  return (nodes ?? []).map((node) => (node.type === 'hardBreak' ? '<br>' : escape(node.text ?? ''))).join('');
}

const tags: Record<string, string> = {
  paragraph: 'p',
  sourceLine: 'p',
  caption: 'figcaption',
  encadreTitle: 'h4',
  blockquote: 'blockquote',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  encadre: 'aside',
  tableFigure: 'figure',
  table: 'table',
  tableRow: 'tr',
  tableHeader: 'th',
  tableCell: 'td',
};

function block(node: DocNode): string {
  if (node.type === 'text' || node.type === 'hardBreak') return inline([node]);
  if (node.type === 'heading')
    return `<h${String(node.attrs?.level ?? 3)}>${inline(node.content)}</h${String(node.attrs?.level ?? 3)}>`;
  if (node.type === 'figure') {
    const [caption, source] = node.content ?? [];
    return `<figure><img src="assets/${String(node.attrs?.asset)}"><figcaption>${inline(caption?.content)}</figcaption></figure><p>Source : ${inline(source?.content)}</p>`;
  }
  const tag = tags[node.type] ?? 'div';
  const inner = node.content?.every((child) => child.type === 'text' || child.type === 'hardBreak')
    ? inline(node.content)
    : (node.content ?? []).map(block).join('\n');
  return `<${tag}>${inner}</${tag}>`;
}

export function sheetHtml(title: string, sections: { title: string; doc: DocNode | undefined }[]): string {
  const body = sections.map(
    (section) => `<h2>${escape(section.title)}</h2>\n${(section.doc?.content ?? []).map(block).join('\n')}`,
  );
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1>\n${body.join('\n')}</body></html>`;
}
