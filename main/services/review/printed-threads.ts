import type { CommentThread, Review, ReviewOwner } from '../../../shared/model/review.js';
import type { Comment, DocxDocument } from '../docx-read/model.js';
import { commentText, conversations, isoOf, nameOf } from './word-threads.js';

/**
 * The threads a copy exported « avec les commentaires » printed, found again among the
 * reviewer's Word comments, so that they come back as the threads they are (with the
 * answers and the resolution the reviewer gave them) and never as new ones. Word and
 * LibreOffice number the comments anew when they save, so a printed comment is known by
 * what Fiches wrote in it and a reviewer does not retype: its author, its text and its
 * date (to the minute, as some tools round it), against the threads of the revision the
 * copy printed. A printed comment the reviewer edited no longer matches: it comes back as
 * a new thread, so their words are kept.
 */

export interface PrintedThread {
  owner: ReviewOwner;
  /** The thread as the copy printed it. */
  thread: CommentThread;
}

export interface Printed {
  /** By the Word id of the comment that starts its conversation. */
  threads: Map<string, PrintedThread>;
  /** Word ids of the comments that print a reply the thread already had. */
  replies: Set<string>;
  /** Every Word id above: their ranges are the threads' own anchors, already in the text. */
  ids: Set<string>;
}

const minuteOf = (iso: string) => Math.floor(new Date(iso).getTime() / 60_000);

function prints(comment: Comment, entry: { author: string; at: string; text: string }): boolean {
  const at = isoOf(comment.date, '');
  return (
    nameOf(comment.author) === entry.author &&
    commentText(comment) === entry.text &&
    at !== '' &&
    minuteOf(at) === minuteOf(entry.at)
  );
}

/** The printed threads among `doc`'s comments; `exported` holds each side's review as the copy printed it. */
export function printedThreads(
  doc: DocxDocument,
  exported: readonly { owner: ReviewOwner; review: Review }[],
): Printed {
  const printed: Printed = { threads: new Map(), replies: new Set(), ids: new Set() };
  const candidates = exported.flatMap(({ owner, review }) =>
    Object.values(review.threads).map((thread) => ({ owner, thread })),
  );
  const taken = new Set<PrintedThread>();
  const { roots, replies } = conversations(doc);
  const unmatched: Comment[] = [];
  for (const root of roots) {
    const match = candidates.find((candidate) => !taken.has(candidate) && prints(root, candidate.thread));
    if (!match) {
      unmatched.push(root);
      continue;
    }
    taken.add(match);
    printed.threads.set(root.id, match);
    printed.ids.add(root.id);
    const answered = new Set<string>();
    for (const reply of replies.get(root.id) ?? []) {
      const known = match.thread.replies.find((entry) => !answered.has(entry.id) && prints(reply, entry));
      if (!known) continue;
      answered.add(known.id);
      printed.replies.add(reply.id);
      printed.ids.add(reply.id);
    }
  }
  // LibreOffice keeps no reply links: a printed reply comes back as a conversation of its own.
  const printedReplies = candidates.flatMap(({ thread }) => thread.replies);
  for (const root of unmatched) {
    if (root.parentId !== undefined || (replies.get(root.id) ?? []).length > 0) continue;
    if (!printedReplies.some((reply) => prints(root, reply))) continue;
    printed.replies.add(root.id);
    printed.ids.add(root.id);
  }
  return printed;
}

/**
 * A printed thread with what the reviewer did to it in Word (`fromWord`, threadsOf's view
 * of their conversation): the replies they added, each once (the same file imported
 * again adds none), and the resolution when they changed it against the copy (resolved,
 * or reopened, in Word); otherwise the state the thread has now, which a colleague may
 * have changed since the export. `base` is the thread now, or as printed when it was
 * deleted since: the reviewer's answers bring it back rather than being lost.
 */
export function answeredThread(
  base: CommentThread,
  fromWord: CommentThread,
  printed: PrintedThread,
  reviewer: { name: string; at: string },
): CommentThread {
  const had = new Set(base.replies.map((reply) => reply.id));
  const replies = [...base.replies, ...fromWord.replies.filter((reply) => !had.has(reply.id))];
  const doneInWord = fromWord.resolved !== undefined;
  const changedInWord = doneInWord !== (printed.thread.resolved !== undefined);
  const { resolved: _resolved, ...open } = base;
  if (!changedInWord) return { ...base, replies };
  if (!doneInWord) return { ...open, replies };
  const last = fromWord.replies[fromWord.replies.length - 1];
  return {
    ...open,
    replies,
    resolved: last ? { by: last.author, at: last.at } : { by: reviewer.name, at: reviewer.at },
  };
}
