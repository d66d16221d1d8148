import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type ParagraphChild,
} from 'docx';
import { COMMENT_MARK, DELETION_MARK, INSERTION_MARK } from '../../../../shared/content/review-marks.js';
import type { ExportPlan, PlanMark, PlanMicroScenarios, PlanNode } from '../plan/types.js';

/**
 * The review's marks of a plan in Word: comments (w:commentRangeStart/End around their
 * words, a w:commentReference after them, the threads in comments.xml and their replies
 * and resolved state in commentsExtended.xml) and tracked changes (w:ins, w:del, and a
 * paragraph's own mark inserted or deleted when the whole block was).
 *
 * A comment's words may span several paragraphs and overlap another's: a range starts at
 * the first text node carrying its thread and ends after the last one, counted over the
 * whole plan beforehand.
 */

export interface Revision {
  id: number;
  author: string;
  date: string;
}

export type TrackedKind = 'insertion' | 'deletion';

/** Every node of the plan's content, titles included, in document order. */
function* contentNodes(plan: ExportPlan): Generator<PlanNode> {
  function* walk(nodes: readonly PlanNode[]): Generator<PlanNode> {
    for (const node of nodes) {
      yield node;
      yield* walk(node.content);
    }
  }
  function* micro(scenarios: PlanMicroScenarios | undefined): Generator<PlanNode> {
    if (!scenarios) return;
    yield* walk(scenarios.familyNote);
    for (const hypothesis of scenarios.hypotheses) {
      yield* walk(hypothesis.titleContent);
      for (const angle of hypothesis.angles) yield* walk(angle.body);
    }
  }
  for (const piece of plan.pieces) {
    if (piece.kind === 'divider') {
      yield* walk(piece.divider.note);
      yield* micro(piece.divider.microScenarios);
    } else if (piece.kind === 'sheet') {
      for (const section of piece.sheet.sections) yield* walk(section.body);
      yield* micro(piece.sheet.microScenarios);
    }
  }
}

const threadsOf = (node: PlanNode): string[] =>
  node.marks.filter((mark) => mark.type === COMMENT_MARK).map((mark) => String(mark.attrs.thread));

const initials = (name: string) =>
  name
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('')
    .slice(0, 4);

/** A comment id no comment has (ids count from 0). */
const NO_PARENT = -1;

export class WordReview {
  /** By thread: the Word ids of its comment and of its replies (Word anchors each reply where its thread is). */
  private readonly ids = new Map<string, number[]>();
  private readonly remaining = new Map<string, number>();
  private readonly open = new Set<string>();
  private nextRevision = 1;

  constructor(private readonly plan: ExportPlan) {
    let reply = plan.comments.length;
    plan.comments.forEach((comment, index) => {
      this.ids.set(comment.id, [index, ...comment.replies.map(() => reply++)]);
    });
    for (const node of contentNodes(plan)) {
      if (node.type !== 'text') continue;
      for (const thread of threadsOf(node)) this.remaining.set(thread, (this.remaining.get(thread) ?? 0) + 1);
    }
  }

  /** The ranges a text node opens, written before its runs. */
  opening(node: PlanNode): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const thread of threadsOf(node)) {
      const ids = this.ids.get(thread);
      if (ids === undefined || this.open.has(thread)) continue;
      this.open.add(thread);
      out.push(...ids.map((id) => new CommentRangeStart(id)));
    }
    return out;
  }

  /** The ranges a text node closes (its thread's last words), written after its runs, each with its reference. */
  closing(node: PlanNode): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const thread of threadsOf(node)) {
      const left = (this.remaining.get(thread) ?? 1) - 1;
      this.remaining.set(thread, left);
      if (left === 0) out.push(...this.end(thread));
    }
    return out;
  }

  private end(thread: string): ParagraphChild[] {
    const ids = this.ids.get(thread) ?? [];
    this.open.delete(thread);
    return ids.flatMap((id) => [
      new CommentRangeEnd(id),
      new TextRun({ children: [new CommentReference(id)] }),
    ]);
  }

  /**
   * Ranges still open once the document is written (words the serializer did not write as
   * text, such as an image's alternative): closed in a paragraph of their own, so every
   * start has its end.
   */
  closeAll(): Paragraph | undefined {
    const ends = [...this.open].flatMap((thread) => this.end(thread));
    return ends.length ? new Paragraph({ children: ends }) : undefined;
  }

  /** The change a node's marks say (a text's or a whole block's), numbered for Word. */
  tracked(marks: readonly PlanMark[]): { kind: TrackedKind; revision: Revision } | undefined {
    const mark = marks.find(
      (candidate) => candidate.type === INSERTION_MARK || candidate.type === DELETION_MARK,
    );
    if (!mark) return undefined;
    return {
      kind: mark.type === INSERTION_MARK ? 'insertion' : 'deletion',
      revision: {
        id: this.nextRevision++,
        author: String(mark.attrs.author ?? ''),
        date: new Date(String(mark.attrs.date ?? 0)).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      },
    };
  }

  /** A paragraph's own mark inserted or deleted: Paragraph options for a block added or removed whole. */
  paragraphMark(node: PlanNode | undefined): { run?: { insertion?: Revision; deletion?: Revision } } {
    const change = node ? this.tracked(node.marks) : undefined;
    return change ? { run: { [change.kind]: change.revision } } : {};
  }

  /** A table row added or removed with its block (an encadré's box, a table's rows): Word's row-level w:ins or w:del. */
  rowMark(node: PlanNode): { insertion?: Revision; deletion?: Revision } {
    const change = this.tracked(node.marks);
    return change ? { [change.kind]: change.revision } : {};
  }

  /**
   * The threads and their replies as Word comments; replies point at their thread, and
   * every comment says whether its thread is resolved. docx writes commentsExtended.xml
   * (where the resolution lives) only when some comment has a parent: each thread's own
   * comment names NO_PARENT, which is no comment, so the part is always written and the
   * thread's entry has no paraIdParent.
   */
  comments(): ICommentOptions[] {
    const first = this.plan.comments.length;
    let next = first;
    return this.plan.comments.flatMap((comment, index) => {
      const entry = (author: string, date: string, text: string) => ({
        author,
        initials: initials(author),
        date: new Date(date),
        resolved: comment.resolved,
        children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })),
      });
      return [
        { id: index, parentId: NO_PARENT, ...entry(comment.author, comment.date, comment.text) },
        ...comment.replies.map((reply) => ({
          id: next++,
          parentId: index,
          ...entry(reply.author, reply.date, reply.text),
        })),
      ];
    });
  }
}
