import type { DocNode } from '../content/doc.js';
import { COMMENT_MARK, type SuggestionKind } from '../content/review-marks.js';
import type { CommentThread } from '../model/review.js';

/**
 * Builders of review data as the interface saves it (tests, benchmarks, fixtures; and the
 * Word import, which turns a reviewer's comments and tracked changes into the same data).
 */

/** Text anchored on a comment thread (or several, for overlapping comments). */
export function commentedText(text: string, ...threads: string[]): DocNode {
  return { type: 'text', text, marks: threads.map((thread) => ({ type: COMMENT_MARK, attrs: { thread } })) };
}

/** Text a reviewer proposed to insert or to delete. */
export function suggestedText(
  kind: SuggestionKind,
  text: string,
  suggestion: { id: string; author: string; date?: string | null },
): DocNode {
  return {
    type: 'text',
    text,
    marks: [
      { type: kind, attrs: { id: suggestion.id, author: suggestion.author, date: suggestion.date ?? null } },
    ],
  };
}

/** A paragraph of inline nodes: plain strings, or nodes built above. */
export function richParagraph(...inline: (string | DocNode)[]): DocNode {
  return {
    type: 'paragraph',
    content: inline.map((item) => (typeof item === 'string' ? { type: 'text', text: item } : item)),
  };
}

/** An open thread without replies; `overrides` sets anything else. */
export function commentThread(
  fields: Pick<CommentThread, 'id' | 'part' | 'quote'> & Partial<CommentThread>,
): CommentThread {
  return {
    author: 'Anne Martin',
    at: '2025-03-12T09:00:00.000Z',
    text: 'À préciser.',
    replies: [],
    ...fields,
  };
}

/** `doc` with `words` anchored on thread `thread`, as the editor saves a new comment. */
export function commentOn(doc: DocNode, words: string, thread: string): DocNode {
  const visit = (node: DocNode): DocNode => {
    if (!node.content) return node;
    const content = node.content.flatMap((child): DocNode[] => {
      const at = child.text?.indexOf(words) ?? -1;
      if (child.text === undefined || at < 0) return [visit(child)];
      return [
        { ...child, text: child.text.slice(0, at) },
        { ...child, text: words, marks: [...(child.marks ?? []), { type: COMMENT_MARK, attrs: { thread } }] },
        { ...child, text: child.text.slice(at + words.length) },
      ].filter((piece) => piece.text !== '');
    });
    return { ...node, content };
  };
  return visit(doc);
}
