import type { ReviewCommentFound } from '../../../shared/api/review-contract.js';
import type { PartKey } from '../../../shared/model/history.js';
import { NAME_MAX_LENGTH } from '../../../shared/model/names.js';
import { REVIEW_LIMITS, type CommentReply, type CommentThread } from '../../../shared/model/review.js';
import type { Comment, DocxDocument } from '../docx-read/model.js';
import type { ReviewMarker } from '../import/review-marker.js';
import type { Printed, PrintedThread } from './printed-threads.js';

/**
 * A reviewer's Word comments as the sheet's comment threads (word-review.ts): a comment
 * answering another (commentsExtended.xml) is a reply of the thread it belongs to, a
 * thread marked done is resolved, the reviewer is the author, Word's dates are kept.
 */

export const REVIEWER = 'Relecteur Word';

/** A name as the sheet keeps names: trimmed, not empty, not too long. */
export function nameOf(value: string | undefined): string {
  const name = (value ?? '').normalize('NFC').trim().slice(0, NAME_MAX_LENGTH);
  return name || REVIEWER;
}

export function isoOf(value: string | undefined, fallback: string): string {
  if (!value) return fallback;
  const date = new Date(/(?:Z|[+-]\d\d:\d\d)$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(date.getTime()) ? fallback : date.toISOString();
}

export function commentText(comment: Comment): string {
  // eslint-disable-next-line no-control-regex -- control characters break files and editors
  const text = comment.text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();
  return (text || '(commentaire sans texte)').slice(0, REVIEW_LIMITS.text);
}

const quoteOf = (text: string) =>
  text.length > REVIEW_LIMITS.quote ? `${text.slice(0, REVIEW_LIMITS.quote)}…` : text;

/** Word's conversations: the comments that start one, and the answers of each (in file order). */
export function conversations(doc: DocxDocument): { roots: Comment[]; replies: Map<string, Comment[]> } {
  const byId = new Map(doc.comments.map((comment) => [comment.id, comment]));
  const rootOf = (comment: Comment): Comment => {
    let root = comment;
    const seen = new Set<string>();
    while (root.parentId && byId.has(root.parentId) && !seen.has(root.id)) {
      seen.add(root.id);
      root = byId.get(root.parentId) as Comment;
    }
    return root;
  };
  const roots: Comment[] = [];
  const replies = new Map<string, Comment[]>();
  for (const comment of doc.comments) {
    const root = rootOf(comment);
    if (root === comment) roots.push(comment);
    else replies.set(root.id, [...(replies.get(root.id) ?? []), comment]);
  }
  return { roots, replies };
}

export interface WordThread {
  /** The thread as Word shows it; a printed thread's replies are only those the reviewer added. */
  thread: CommentThread;
  found: Omit<ReviewCommentFound, 'owner' | 'partTitle' | 'known' | 'newReplies'>;
  /** The thread the copy printed, when this conversation is one (printed-threads.ts). */
  printed?: PrintedThread;
}

/**
 * Word's comments as threads: a comment answering another is a reply of the thread it
 * belongs to; a conversation the copy printed keeps its thread's id, and brings only the
 * replies the reviewer added.
 */
export function threadsOf(
  doc: DocxDocument,
  marker: ReviewMarker,
  printed: Printed,
  place: (id: string) => { part: PartKey | null; quote: string; anchored: boolean },
  fallbackPart: PartKey,
  now: string,
): WordThread[] {
  const { roots, replies } = conversations(doc);
  // A printed reply that lost its link to its thread (LibreOffice) is no conversation.
  const conversing = roots.filter((root) => !printed.replies.has(root.id));
  return conversing.slice(0, REVIEW_LIMITS.threads).map((comment) => {
    const known = printed.threads.get(comment.id);
    const id = known?.thread.id ?? marker.threadId(comment.id);
    const at = isoOf(comment.date, now);
    const all = replies.get(comment.id) ?? [];
    const answers = all
      .filter((reply) => !printed.replies.has(reply.id))
      .slice(0, REVIEW_LIMITS.replies)
      .map((reply): CommentReply => ({
        id: marker.threadId(reply.id).replace(/-c(?=[^-]*$)/, '-r'),
        author: nameOf(reply.author),
        at: isoOf(reply.date, at),
        text: commentText(reply),
      }));
    // Word marks a thread resolved on its first comment (or on all of them).
    const done = comment.done === true || all.some((reply) => reply.done);
    const last = answers[answers.length - 1];
    const { part, quote, anchored } = place(id);
    const thread: CommentThread = {
      id,
      author: nameOf(comment.author),
      at,
      text: commentText(comment),
      part: part ?? fallbackPart,
      quote: quoteOf(quote),
      replies: answers,
      ...(done ? { resolved: { by: last?.author ?? nameOf(comment.author), at: last?.at ?? at } } : {}),
    };
    const printedReplies = all.filter((reply) => printed.replies.has(reply.id)).length;
    const found = {
      id,
      part,
      author: thread.author,
      at,
      text: thread.text,
      quote: thread.quote,
      replies: printedReplies + answers.length,
      resolved: done,
      anchored,
    };
    return { thread, found, ...(known ? { printed: known } : {}) };
  });
}
