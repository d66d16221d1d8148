/**
 * The names of the node and mark set (schema.ts), as literal types: exporters key their
 * serializers by these (`Record<NodeName, …>`), so a node added here without an export is a
 * compile error. node-names.test.ts fails when schema.ts and this list disagree.
 */
export const nodeNames = [
  'doc',
  'paragraph',
  'text',
  'hardBreak',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'sourceLine',
  'encadre',
  'encadreTitle',
  'figure',
  'caption',
  'tableFigure',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
] as const;

export type NodeName = (typeof nodeNames)[number];

export const markNames = ['bold', 'italic', 'underline', 'link', 'comment', 'insertion', 'deletion'] as const;

export type MarkName = (typeof markNames)[number];

export function isNodeName(name: string): name is NodeName {
  return (nodeNames as readonly string[]).includes(name);
}

export function isMarkName(name: string): name is MarkName {
  return (markNames as readonly string[]).includes(name);
}
