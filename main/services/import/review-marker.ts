import type { DocMark } from '../../../shared/content/doc.js';
import { COMMENT_MARK, DELETION_MARK, INSERTION_MARK } from '../../../shared/content/review-marks.js';
import type { ChangeRef, DocxDocument, Inline } from '../docx-read/model.js';

/**
 * A reviewer's marks on the text, for the import of a Word review (review/word-review.ts):
 * the words each comment spans become a `comment` mark of its thread, tracked insertions
 * and deletions become `insertion` and `deletion` marks (suggestions), deleted text kept.
 * A comment may span paragraphs, so which comments are open is carried from one paragraph
 * to the next, in the order the import reads them. Ids are made from the file's
 * fingerprint, so importing the same file twice names the same threads and suggestions.
 */
export class ReviewMarker {
  private readonly open = new Set<string>();
  private readonly revisions: Map<string, { author?: string; date?: string }>;
  /** Comment ids whose anchor was met in the text. */
  readonly anchored = new Set<string>();
  /** Suggestion ids met in the text, with the Word change they come from. */
  readonly suggestions = new Map<string, ChangeRef>();

  /** Comments whose ranges mark nothing (see the constructor). */
  private readonly unmarked: Set<string>;

  /**
   * Only a conversation's first comment anchors its thread: Word gives each reply the same
   * range, which marks nothing. Nor do the comments in `printed` (review/printed-threads.ts):
   * they print a thread the sheet holds, already anchored in its text.
   */
  constructor(
    doc: DocxDocument,
    private readonly prefix: string,
    printed: ReadonlySet<string> = new Set(),
  ) {
    this.revisions = new Map(doc.revisions.map((revision) => [revision.id, revision]));
    const replies = doc.comments.filter((comment) => comment.parentId !== undefined);
    this.unmarked = new Set([...printed, ...replies.map((comment) => comment.id)]);
  }

  threadId(commentId: string): string {
    return `${this.prefix}-c${commentId.replace(/[^a-z0-9]/gi, '').toLowerCase() || '0'}`;
  }

  suggestionId(change: ChangeRef): string {
    return `${this.prefix}-s${change.id.replace(/[^a-z0-9]/gi, '').toLowerCase() || '0'}`;
  }

  /**
   * A new part begins: a comment still open ended in text the import does not read (a
   * standard text Fiches writes, a heading): it spans no further.
   */
  startPart(): void {
    this.open.clear();
  }

  /** A comment's start or end met in the text. */
  edge(inline: Extract<Inline, { kind: 'comment' }>): void {
    if (this.unmarked.has(inline.id)) return;
    if (inline.edge === 'start') {
      this.open.add(inline.id);
      this.anchored.add(inline.id);
    } else if (inline.edge === 'end') this.open.delete(inline.id);
  }

  /** The review marks of a stretch of text: its open comments, its tracked change. */
  marksOf(inline: Inline): DocMark[] {
    const marks: DocMark[] = [...this.open].map((id) => ({
      type: COMMENT_MARK,
      attrs: { thread: this.threadId(id) },
    }));
    const change = inline.change;
    if (change && change.kind !== 'move-from' && change.kind !== 'move-to') {
      const id = this.suggestionId(change);
      this.suggestions.set(id, change);
      const revision = this.revisions.get(change.id);
      marks.push({
        type: change.kind === 'insertion' ? INSERTION_MARK : DELETION_MARK,
        attrs: { id, author: (revision?.author ?? '').slice(0, 200), date: isoDate(revision?.date) },
      });
    }
    return marks;
  }
}

/** Word writes « 2025-03-12T09:00:00Z » (sometimes without the zone): the suggestion's date, or none. */
function isoDate(value: string | undefined): string | null {
  if (!value) return null;
  const withZone = /(?:Z|[+-]\d\d:\d\d)$/.test(value) ? value : `${value}Z`;
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/.test(withZone) ? withZone : null;
}
