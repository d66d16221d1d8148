import { textOf, type DocNode } from '../content/doc.js';

/**
 * The top-level blocks of a section as a comparison shows them: what kind of block it is
 * (a figure, an encadré, a source line…) and its text. Block types this module does not
 * know (added to the content schema later) still compare, as « Bloc ».
 */
const blockLabels: Record<string, string> = {
  heading: 'Intertitre',
  bulletList: 'Liste à puces',
  orderedList: 'Liste numérotée',
  blockquote: 'Citation',
  sourceLine: 'Source',
  encadre: 'Encadré',
  figure: 'Figure',
  image: 'Image',
  tableFigure: 'Tableau',
};

/** Text held in attributes rather than in child nodes (a figure's caption, an image's alternative). */
const textAttributes: Record<string, string> = {
  caption: 'Légende',
  title: 'Titre',
  alt: 'Texte alternatif',
  source: 'Source',
};

export interface BlockInfo {
  type: string;
  /** « Encadré », « Source »…; absent for a plain paragraph. */
  label?: string;
  text: string;
}

function attributeText(node: DocNode): string {
  if (!node.attrs) return '';
  return Object.entries(textAttributes)
    .map(([name, label]) => {
      const value = node.attrs?.[name];
      return typeof value === 'string' && value.trim() !== '' ? `${label}\u00a0: ${value}` : '';
    })
    .filter((line) => line !== '')
    .join('\n');
}

/** `number`: the figure's or table's number in the sheet (« Tableau 2 »). */
export function describeBlock(node: DocNode, number?: number): BlockInfo {
  const text = [attributeText(node), textOf(node)].filter((part) => part !== '').join('\n');
  if (node.type === 'paragraph') return { type: node.type, text };
  const label = blockLabels[node.type] ?? 'Bloc';
  return { type: node.type, label: number === undefined ? label : `${label} ${number}`, text };
}

export function blocksOf(doc: DocNode | undefined): DocNode[] {
  return doc?.content ?? [];
}
