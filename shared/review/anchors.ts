import type { DocMark, DocNode } from '../content/doc.js';
import { COMMENT_MARK, SUGGESTION_MARKS, type SuggestionKind } from '../content/review-marks.js';
import type { TitleMark } from '../model/review.js';

/**
 * What a part's content says of its review: the text each comment thread is anchored on,
 * and the suggestions waiting in it, in the order of the text. Read from the saved JSON
 * (the editor's getJSON()), so the same answer comes from an open editor, a loaded sheet
 * or a revision.
 */
export interface SuggestionInfo {
  id: string;
  kind: SuggestionKind;
  author: string;
  /** ISO 8601, or null when the reviewer's tool wrote none. */
  date: string | null;
  /** The text inserted or deleted, its blocks joined by a space. */
  text: string;
}

export interface PartAnchors {
  /** The anchored text of each thread found in the part. */
  comments: Map<string, string>;
  suggestions: SuggestionInfo[];
}

const isSuggestion = (type: string): type is SuggestionKind =>
  (SUGGESTION_MARKS as readonly string[]).includes(type);

class AnchorCollector {
  readonly comments = new Map<string, string>();
  private readonly suggestions = new Map<string, SuggestionInfo>();
  /** The block each id was last seen in: a new block puts a space before its text. */
  private readonly lastBlock = new Map<string, number>();

  add(text: string, marks: readonly DocMark[] | undefined, block: number): void {
    for (const mark of marks ?? []) {
      if (mark.type === COMMENT_MARK) {
        const id = String(mark.attrs?.thread ?? '');
        this.comments.set(id, this.joined(`c:${id}`, this.comments.get(id), text, block));
      } else if (isSuggestion(mark.type)) {
        const id = String(mark.attrs?.id ?? '');
        const known = this.suggestions.get(id);
        if (known) {
          known.text = this.joined(`s:${id}`, known.text, text, block);
          continue;
        }
        this.lastBlock.set(`s:${id}`, block);
        this.suggestions.set(id, {
          id,
          kind: mark.type,
          author: String(mark.attrs?.author ?? ''),
          date: typeof mark.attrs?.date === 'string' ? mark.attrs.date : null,
          text,
        });
      }
    }
  }

  result(): PartAnchors {
    return { comments: this.comments, suggestions: [...this.suggestions.values()] };
  }

  private joined(key: string, before: string | undefined, text: string, block: number): string {
    const last = this.lastBlock.get(key);
    this.lastBlock.set(key, block);
    if (before === undefined) return text;
    return last === block ? before + text : `${before} ${text}`;
  }
}

/** The review anchors of a ProseMirror JSON document (a section, an angle). */
export function anchorsOfDoc(doc: DocNode): PartAnchors {
  const collector = new AnchorCollector();
  let block = 0;
  const stack: DocNode[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop() as DocNode;
    if (node.text !== undefined) {
      collector.add(node.text, node.marks, block);
      continue;
    }
    if (node.type === 'hardBreak') continue;
    block += 1;
    const children = node.content ?? [];
    for (let index = children.length - 1; index >= 0; index -= 1) stack.push(children[index] as DocNode);
  }
  return collector.result();
}

/** The review anchors of a scenario title and its marks. */
export function anchorsOfTitle(title: string, marks: readonly TitleMark[]): PartAnchors {
  const collector = new AnchorCollector();
  for (const mark of [...marks].sort((a, b) => a.from - b.from)) {
    collector.add(title.slice(mark.from, mark.to), [mark], 0);
  }
  return collector.result();
}

/** Whether a document holds any suggestion: most hold none, and need no further work. */
export function hasSuggestions(doc: DocNode): boolean {
  const stack: DocNode[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop() as DocNode;
    if (node.marks?.some((mark) => isSuggestion(mark.type))) return true;
    if (node.content) stack.push(...node.content);
  }
  return false;
}
