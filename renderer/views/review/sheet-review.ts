import type { DocNode } from '../../../shared/content/doc.js';
import { angleKey, sectionKey, titleKey, type PartKey } from '../../../shared/model/history.js';
import {
  openThreadCount,
  REVIEW_LIMITS,
  type CommentReply,
  type CommentThread,
  type Review,
  type TitleMark,
} from '../../../shared/model/review.js';
import type { SheetTemplate } from '../../../shared/model/template.js';
import { anchorsOfDoc, anchorsOfTitle, type PartAnchors } from '../../../shared/review/anchors.js';
import { clippedQuote } from '../../../shared/review/labels.js';
import { anchoredTitleMarks } from '../../../shared/review/title-marks.js';
import { createStore, type Store } from '../../ui/store.js';
import type { Owner, Part, PartValue } from '../sheet/parts.js';

/**
 * The review of the open sheet's own parts, or of its family's shared micro-scenarios (one
 * instance each, the same code): its threads (saved one by one through the sheet's
 * autosave, each its own part), and what each part's content says of them (which text
 * each thread is anchored on, which suggestions wait), read whenever the autosave reads
 * the part, so a keystroke costs nothing here. A thread whose text is gone stays, shown
 * as « texte supprimé » with the quote it kept.
 */
export interface ReviewHost {
  readonly readOnly: boolean;
  changed<P extends Part>(part: P, value: PartValue<P>): void;
  valueOf<P extends Part>(part: P): PartValue<P>;
}

/**
 * Where a Part takes comments: whose review and which part, as the review (and the
 * history) names it; none for what takes no comment (the family's note, the fields).
 */
export function reviewPlaceOf(part: Part): { owner: Owner; part: PartKey } | undefined {
  switch (part.kind) {
    case 'section':
      return { owner: 'sheet', part: sectionKey(part.section) };
    case 'scenario-title':
    case 'title-marks':
      return { owner: part.owner, part: titleKey(part.hypothesis) };
    case 'scenario-angle':
      return { owner: part.owner, part: angleKey(part.hypothesis, part.angle) };
    default:
      return undefined;
  }
}

let counter = 0;

/** A new id for a thread (c-…) or a reply (r-…): random, so two machines never pick the same. */
export function newReviewId(prefix: 'c' | 'r'): string {
  const random = crypto.getRandomValues(new Uint32Array(2));
  counter += 1;
  return `${prefix}-${Array.from(random, (value) => value.toString(36)).join('')}${counter.toString(36)}`;
}

const now = () => new Date().toISOString();

export class SheetReview {
  readonly threads: Store<Readonly<Record<string, CommentThread>>>;
  /** Bumped whenever the anchors of a part changed. */
  readonly anchorsVersion = createStore(0);
  private readonly anchors = new Map<PartKey, PartAnchors>();

  constructor(
    private readonly host: ReviewHost,
    template: SheetTemplate,
    review: Review,
    /** The sheet's own parts, or the family's shared micro-scenarios. */
    readonly owner: Owner,
  ) {
    this.threads = createStore<Readonly<Record<string, CommentThread>>>(review.threads);
    // As loaded: quotes follow edits, and opening a sheet edits nothing.
    const loaded = (part: Part) => this.read(part, false);
    if (owner === 'sheet') {
      for (const section of template.sections) loaded({ kind: 'section', section: section.id });
    }
    for (const hypothesis of template.microScenarios.hypotheses) {
      loaded({ kind: 'scenario-title', owner, hypothesis: hypothesis.id });
      for (const angle of template.microScenarios.angles) {
        loaded({ kind: 'scenario-angle', owner, hypothesis: hypothesis.id, angle: angle.id });
      }
    }
  }

  /** The marks of a title that fit it (the title may have changed without them). */
  titleMarksOf(hypothesis: string): TitleMark[] {
    const title = this.host.valueOf({ kind: 'scenario-title', owner: this.owner, hypothesis });
    const marks = this.host.valueOf({ kind: 'title-marks', owner: this.owner, hypothesis });
    return anchoredTitleMarks(title, marks, this.threads.get());
  }

  /**
   * A part's content was read for saving: what does it anchor now? Quotes follow the
   * anchored words. Parts of the other review (or none) are not this one's business.
   */
  read(part: Part, followQuotes = true): void {
    const place = reviewPlaceOf(part);
    if (!place || place.owner !== this.owner) return;
    const key = place.part;
    const anchors =
      part.kind === 'scenario-title' || part.kind === 'title-marks'
        ? anchorsOfTitle(
            this.host.valueOf({ kind: 'scenario-title', owner: this.owner, hypothesis: part.hypothesis }),
            this.titleMarksOf(part.hypothesis),
          )
        : anchorsOfDoc(this.host.valueOf(part) as DocNode);
    this.anchors.set(key, anchors);
    this.anchorsVersion.set(this.anchorsVersion.get() + 1);
    // Saved with the next batch: this read may be part of the batch being taken now.
    if (followQuotes && !this.host.readOnly) queueMicrotask(() => this.followQuotes(key, anchors));
  }

  anchorsOf(part: PartKey): PartAnchors | undefined {
    return this.anchors.get(part);
  }

  /** Whether the thread's text is still in its part. */
  isAnchored(thread: CommentThread): boolean {
    return this.anchors.get(thread.part)?.comments.has(thread.id) ?? false;
  }

  openCount(): number {
    return openThreadCount({ threads: this.threads.get(), titleMarks: {} });
  }

  /** A new thread on text just anchored with its id (comment-draft.ts). */
  create(fields: { id: string; part: PartKey; quote: string; text: string; author: string }): CommentThread {
    const thread: CommentThread = {
      id: fields.id,
      author: fields.author,
      at: now(),
      text: fields.text,
      part: fields.part,
      quote: clippedQuote(fields.quote, REVIEW_LIMITS.quote),
      replies: [],
    };
    const anchors = this.anchors.get(fields.part);
    anchors?.comments.set(thread.id, thread.quote);
    this.save(thread);
    return thread;
  }

  reply(id: string, author: string, text: string): void {
    this.update(id, (thread) => ({
      ...thread,
      replies: [...thread.replies, { id: newReviewId('r'), author, at: now(), text }],
    }));
  }

  editText(id: string, text: string): void {
    this.update(id, (thread) => ({ ...thread, text, editedAt: now() }));
  }

  editReply(id: string, replyId: string, text: string): void {
    this.updateReplies(id, (replies) =>
      replies.map((reply) => (reply.id === replyId ? { ...reply, text, editedAt: now() } : reply)),
    );
  }

  deleteReply(id: string, replyId: string): void {
    this.updateReplies(id, (replies) => replies.filter((reply) => reply.id !== replyId));
  }

  resolve(id: string, by: string): void {
    this.update(id, (thread) => ({ ...thread, resolved: { by, at: now() } }));
  }

  reopen(id: string): void {
    this.update(id, (thread) => {
      const { resolved: _resolved, ...open } = thread;
      return open;
    });
  }

  /** A sync changed a thread on the host (null: deleted there): shown as it is, nothing saved. */
  receive(id: string, thread: CommentThread | null): void {
    const threads = { ...this.threads.get() };
    if (thread) threads[id] = thread;
    else delete threads[id];
    this.threads.set(threads);
  }

  /** Deletes the thread and its replies (the caller takes its anchor out of the text). */
  remove(id: string): void {
    const threads = { ...this.threads.get() };
    delete threads[id];
    this.threads.set(threads);
    this.host.changed({ kind: 'thread', owner: this.owner, id }, null);
  }

  private updateReplies(id: string, change: (replies: CommentReply[]) => CommentReply[]): void {
    this.update(id, (thread) => ({ ...thread, replies: change(thread.replies) }));
  }

  private update(id: string, change: (thread: CommentThread) => CommentThread): void {
    const thread = this.threads.get()[id];
    if (thread) this.save(change(thread));
  }

  private save(thread: CommentThread): void {
    if (this.host.readOnly) return;
    this.threads.set({ ...this.threads.get(), [thread.id]: thread });
    this.host.changed({ kind: 'thread', owner: this.owner, id: thread.id }, thread);
  }

  /** A thread's text edited: its quote follows, so a thread whose text is deleted later quotes the latest words. */
  private followQuotes(part: PartKey, anchors: PartAnchors): void {
    for (const [id, text] of anchors.comments) {
      const thread = this.threads.get()[id];
      const quote = clippedQuote(text, REVIEW_LIMITS.quote);
      if (thread && thread.part === part && quote !== '' && quote !== thread.quote) {
        this.save({ ...thread, quote });
      }
    }
  }
}
