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

/**
 * Deeper than any real section (a list nested in a table in an encadré stays under 20
 * levels), and shallow enough for every recursive walk of a document: zod's, ProseMirror's,
 * the history's, the exports'.
 */
export const MAX_DOC_DEPTH = 100;
/** Attribute values are scalars, or short lists and records of them (a cell's column widths). */
export const MAX_ATTRS_DEPTH = 3;

const attrsSchema = z.record(z.string(), z.json());

const markSchema: z.ZodType<DocMark> = z.object({
  type: z.string().min(1),
  attrs: attrsSchema.optional(),
});

const nodeSchema: z.ZodType<DocNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1),
    attrs: attrsSchema.optional(),
    content: z.array(nodeSchema).optional(),
    marks: z.array(markSchema).optional(),
    text: z.string().optional(),
  }),
);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Whether objects nest more than `limit` deep in a JSON value; stops at the limit, so a cycle ends too. */
function depthBeyond(value: unknown, limit: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop() as { value: unknown; depth: number };
    if (!isRecord(current)) continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(current)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}

/**
 * What the recursive schema must not even start on: a node deeper than MAX_DOC_DEPTH, or
 * attributes deeper than MAX_ATTRS_DEPTH (which every later walk would carry along). The
 * walk keeps its own stack and stops at the limit, so a document containing itself ends.
 */
function shapeProblem(doc: unknown): string | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: doc, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (!isRecord(node)) continue;
    if (depth > MAX_DOC_DEPTH) {
      return `Contenu trop imbriqué\u00a0: ${MAX_DOC_DEPTH} niveaux au plus dans une section.`;
    }
    const marks = Array.isArray(node.marks) ? node.marks : [];
    for (const owner of [node, ...marks]) {
      if (isRecord(owner) && depthBeyond(owner.attrs, MAX_ATTRS_DEPTH)) {
        return `Attributs trop imbriqués sur «\u00a0${String(owner.type).slice(0, 40)}\u00a0»\u00a0: des valeurs simples sont attendues.`;
      }
    }
    if (Array.isArray(node.content)) {
      for (const child of node.content) stack.push({ node: child, depth: depth + 1 });
    }
  }
  return undefined;
}

/** Any ProseMirror node, bounded in depth before it is parsed (see shapeProblem). */
export const docNodeSchema = z
  .unknown()
  .superRefine((value, context) => {
    const problem = shapeProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  })
  .pipe(nodeSchema) as unknown as z.ZodType<DocNode>;

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
