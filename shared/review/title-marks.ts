import type { DocMark, DocNode } from '../content/doc.js';
import { COMMENT_MARK, INSERTION_MARK } from '../content/review-marks.js';
import { canonicalJson } from '../history/canonical.js';
import type { CommentThread, TitleMark } from '../model/review.js';

/**
 * A scenario title is plain text in the sheet (every export and the history read it as a
 * string), yet it takes comments and suggestions like any text. Its marks are kept beside
 * it as offsets (review.titleMarks); the title's editor is a one-line ProseMirror editor,
 * so the marks follow every edit there, and these functions convert between the two forms.
 */

type MarkOf = Pick<TitleMark, 'type' | 'attrs'>;

const markKey = (mark: MarkOf) => canonicalJson({ type: mark.type, attrs: mark.attrs });

/** The title as a one-paragraph document, its marks as ProseMirror marks (the title editor's content). */
export function titleDocOf(title: string, marks: readonly TitleMark[]): DocNode {
  const cuts = new Set<number>([0, title.length]);
  for (const mark of marks) {
    cuts.add(mark.from);
    cuts.add(mark.to);
  }
  const points = [...cuts].filter((at) => at >= 0 && at <= title.length).sort((a, b) => a - b);
  const content: DocNode[] = [];
  for (let index = 0; index + 1 < points.length; index += 1) {
    const from = points[index] as number;
    const to = points[index + 1] as number;
    if (from === to) continue;
    const on = marks
      .filter((mark) => mark.from <= from && mark.to >= to)
      .map((mark): DocMark => ({ type: mark.type, attrs: { ...mark.attrs } }));
    content.push({ type: 'text', text: title.slice(from, to), ...(on.length > 0 ? { marks: on } : {}) });
  }
  return { type: 'doc', content: [{ type: 'paragraph', ...(content.length > 0 ? { content } : {}) }] };
}

/** Back from the title editor's document: its text, and each mark once over its whole extent. */
export function titleOfDoc(doc: DocNode): { text: string; marks: TitleMark[] } {
  const paragraph = doc.content?.[0];
  let text = '';
  const open = new Map<string, TitleMark>();
  const marks: TitleMark[] = [];
  for (const node of paragraph?.content ?? []) {
    const value = node.text ?? '';
    const from = text.length;
    text += value;
    const here = new Set<string>();
    for (const mark of node.marks ?? []) {
      const key = markKey(mark as MarkOf);
      here.add(key);
      const running = open.get(key);
      if (running && running.to === from) running.to = text.length;
      else {
        const started = { type: mark.type, attrs: { ...mark.attrs }, from, to: text.length } as TitleMark;
        open.set(key, started);
        marks.push(started);
      }
    }
    for (const key of [...open.keys()]) if (!here.has(key)) open.delete(key);
  }
  return { text, marks };
}

/**
 * The marks of `title` that still fit it, for a title changed outside its editor (a
 * restore, a merge of two copies): a mark past the end is dropped; a comment whose words
 * moved follows its quote when the title still holds it once, and is dropped when the
 * words are gone (its thread then shows « texte supprimé »).
 */
export function anchoredTitleMarks(
  title: string,
  marks: readonly TitleMark[],
  threads: Readonly<Record<string, CommentThread>>,
): TitleMark[] {
  const kept: TitleMark[] = [];
  for (const mark of marks) {
    const fits = mark.to <= title.length;
    if (mark.type !== COMMENT_MARK) {
      if (fits) kept.push(mark);
      continue;
    }
    const quote = threads[mark.attrs.thread]?.quote;
    if (quote === undefined || quote === '') {
      if (fits) kept.push(mark);
      continue;
    }
    if (fits && title.slice(mark.from, mark.to) === quote) {
      kept.push(mark);
      continue;
    }
    const at = title.indexOf(quote);
    if (at >= 0 && title.indexOf(quote, at + 1) < 0) kept.push({ ...mark, from: at, to: at + quote.length });
  }
  return kept;
}

/** The title as it stands while its suggestions wait: inserted text left out, deleted text kept. */
export function titleWithoutSuggestions(title: string, marks: readonly TitleMark[]): string {
  const inserted = marks.filter((mark) => mark.type === INSERTION_MARK && mark.to <= title.length);
  if (inserted.length === 0) return title;
  let result = '';
  for (let at = 0; at < title.length; at += 1) {
    if (!inserted.some((mark) => mark.from <= at && at < mark.to)) result += title[at];
  }
  return result.replace(/\s{2,}/g, ' ').trim();
}
