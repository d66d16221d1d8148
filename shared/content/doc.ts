import { z } from 'zod';

/**
 * A section's content as saved: ProseMirror JSON (Tiptap's getJSON()), never HTML.
 * The zod schema checks the shape; validateDoc (content/validate.ts) checks it against
 * the node set, which zod cannot express.
 */
export interface DocMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface DocNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  marks?: DocMark[];
  text?: string;
}

const markSchema: z.ZodType<DocMark> = z.object({
  type: z.string().min(1),
  attrs: z.record(z.string(), z.unknown()).optional(),
});

export const docNodeSchema: z.ZodType<DocNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(docNodeSchema).optional(),
    marks: z.array(markSchema).optional(),
    text: z.string().optional(),
  }),
);

/** The root of a section: a ProseMirror "doc" node. */
export const docSchema = docNodeSchema.refine((node) => node.type === 'doc', {
  message: 'Le contenu d’une section doit être un document (type "doc").',
});

export const emptyDoc = (): DocNode => ({ type: 'doc', content: [{ type: 'paragraph' }] });

/** Plain text of a node, blocks separated by newlines (for counts, search and diff). */
export function textOf(node: DocNode): string {
  if (node.text !== undefined) return node.text;
  // A line break separates words as a space would: « fin<br>début » is two words.
  if (node.type === 'hardBreak') return '\n';
  if (!node.content) return '';
  const inline = node.content.every((child) => child.text !== undefined || child.type === 'hardBreak');
  return node.content.map(textOf).join(inline ? '' : '\n');
}

const WORD = /[\p{L}\p{N}]+(?:[’'‑-][\p{L}\p{N}]+|(?<=\p{N})[.,]\p{N}+)*/gu;

/** Words as a French reader counts them: "l’évolution" and "porte-parole" are one word each. */
export function wordCount(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Builds a doc of plain paragraphs (sample content, tests). */
export function docOfParagraphs(paragraphs: readonly string[]): DocNode {
  if (paragraphs.length === 0) return emptyDoc();
  return {
    type: 'doc',
    content: paragraphs.map((text) =>
      text === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text }] },
    ),
  };
}
