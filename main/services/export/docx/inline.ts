import { ExternalHyperlink, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import type { DocMark, DocNode } from '../../../../shared/content/doc.js';
import { isSafeLinkHref } from '../../../../shared/content/links.js';
import type { MarkName } from '../../../../shared/content/node-names.js';

/**
 * Text and its marks as Word runs. The text goes in as typed: its no-break spaces (French
 * typography) are characters like any other and Word keeps them.
 */

type RunMarks = Pick<IRunOptions, 'bold' | 'italics' | 'underline' | 'style'>;

/** Keyed by mark name, so a mark added to the schema without a Word form is a compile error. */
const markRuns: Record<MarkName, (mark: DocMark) => RunMarks> = {
  bold: () => ({ bold: true }),
  italic: () => ({ italics: true }),
  underline: () => ({ underline: {} }),
  // The link itself is the hyperlink around the runs; the run takes Word's Hyperlink style.
  link: () => ({ style: 'Hyperlink' }),
  // Commented text is plain text: Word comments come with the export « avec les commentaires ».
  comment: () => ({}),
  // Pending suggestions never reach an export: collectSheet (sheet-input.ts) leaves them undone.
  insertion: () => ({}),
  deletion: () => ({}),
};

function runMarks(marks: readonly DocMark[] | undefined, extra: RunMarks): RunMarks {
  let result: RunMarks = { ...extra };
  for (const mark of marks ?? []) {
    const toRun = (markRuns as Record<string, ((mark: DocMark) => RunMarks) | undefined>)[mark.type];
    if (toRun) result = { ...result, ...toRun(mark) };
  }
  return result;
}

function hrefOf(node: DocNode): string | undefined {
  const link = node.marks?.find((mark) => mark.type === 'link');
  const href = link?.attrs?.href;
  return typeof href === 'string' && isSafeLinkHref(href) ? href : undefined;
}

export function textRun(node: DocNode, extra: RunMarks = {}): TextRun {
  const { style, ...marks } = runMarks(node.marks, extra);
  // An unsafe link is written as plain text: no hyperlink, so no hyperlink look either.
  const keepStyle = style !== 'Hyperlink' || hrefOf(node) !== undefined;
  return new TextRun({ text: node.text ?? '', ...marks, ...(keepStyle && style ? { style } : {}) });
}

export function breakRun(): TextRun {
  return new TextRun({ break: 1 });
}

/** Inline content of a paragraph-like node; neighbouring runs with the same link make one hyperlink. */
export function inlineChildren(
  nodes: readonly DocNode[] | undefined,
  extra: RunMarks = {},
): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  let link: { href: string; runs: TextRun[] } | undefined;
  const flush = () => {
    if (link) children.push(new ExternalHyperlink({ link: link.href, children: link.runs }));
    link = undefined;
  };
  for (const node of nodes ?? []) {
    const run = node.type === 'hardBreak' ? breakRun() : textRun(node, extra);
    const href = node.type === 'text' ? hrefOf(node) : undefined;
    if (href === undefined) {
      flush();
      children.push(run);
    } else if (link?.href === href) {
      link.runs.push(run);
    } else {
      flush();
      link = { href, runs: [run] };
    }
  }
  flush();
  return children;
}
