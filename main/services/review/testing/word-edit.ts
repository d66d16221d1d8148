import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { WordCommentParts, type CommentRef, type WordComment } from './word-comments.js';

export type { WordComment } from './word-comments.js';

/**
 * A reviewer's work in Word, done on an exported .docx for the tests: what Word writes
 * when comments are added (comments.xml, with commentsExtended.xml for replies and the
 * resolved state, commentsIds.xml, linked by w14:paraId), when « Suivi des modifications »
 * is on (w:ins and w:del with w:author and w:date), and when the text is typed over
 * without tracking. Word also cuts runs in the middle of words (each editing session
 * leaves its rsid): `splitRuns` does the same to every run.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const elements = (root: Document | Element, local: string): Element[] =>
  Array.from(root.getElementsByTagNameNS(W, local)) as unknown as Element[];

export class WordEdit {
  private readonly files: Record<string, Uint8Array>;
  private readonly doc: Document;
  private readonly comments: WordCommentParts;
  private nextId = 100;

  constructor(bytes: Buffer) {
    this.files = unzipSync(bytes);
    this.doc = new DOMParser().parseFromString(
      strFromU8(this.files['word/document.xml'] as Uint8Array),
      'text/xml',
    );
    this.comments = new WordCommentParts(this.files);
  }

  private el(local: string, attrs: Record<string, string> = {}): Element {
    const element = this.doc.createElementNS(W, `w:${local}`);
    for (const [name, value] of Object.entries(attrs)) element.setAttributeNS(W, `w:${name}`, value);
    return element;
  }

  /** Cuts every run of text in two, in the middle of its text (often in a word), as Word's sessions do. */
  splitRuns(): this {
    for (const t of elements(this.doc, 't')) {
      const run = t.parentNode as Element;
      const text = t.textContent ?? '';
      if (text.length < 4 || run.localName !== 'r') continue;
      this.splitRun(run, Math.floor(text.length / 2));
    }
    return this;
  }

  /** Splits a run of one w:t at `offset` of its text; answers the second run. */
  private splitRun(run: Element, offset: number): Element {
    const t = elements(run, 't')[0] as Element;
    const text = t.textContent ?? '';
    const second = run.cloneNode(true) as Element;
    t.textContent = text.slice(0, offset);
    t.setAttribute('xml:space', 'preserve');
    const t2 = elements(second, 't')[0] as Element;
    t2.textContent = text.slice(offset);
    t2.setAttribute('xml:space', 'preserve');
    run.parentNode?.insertBefore(second, run.nextSibling);
    return second;
  }

  /** The runs of a paragraph that hold its text (one w:t each; deleted ones are not its text). */
  private textRuns(paragraph: Element): Element[] {
    return elements(paragraph, 'r').filter(
      (run) => elements(run, 't').length === 1 && (run.parentNode as Element).localName !== 'del',
    );
  }

  /** The runs holding exactly `quote` (the first place it is found), split as needed. */
  private runsOf(quote: string, within?: Element): Element[] {
    for (const paragraph of within ? [within] : elements(this.doc, 'p')) {
      const runs = this.textRuns(paragraph);
      const text = runs.map((run) => elements(run, 't')[0]?.textContent ?? '').join('');
      const start = text.indexOf(quote);
      if (start < 0) continue;
      const end = start + quote.length;
      let offset = 0;
      const covered: Element[] = [];
      for (let run of runs) {
        const length = (elements(run, 't')[0]?.textContent ?? '').length;
        const from = offset;
        const to = offset + length;
        offset = to;
        if (to <= start || from >= end) continue;
        if (from < start) {
          run = this.splitRun(run, start - from);
        }
        const runFrom = Math.max(from, start);
        if (to > end) this.splitRun(run, end - runFrom);
        covered.push(run);
      }
      return covered;
    }
    throw new Error(`« ${quote} » introuvable dans le document`);
  }

  /** The body's paragraphs whose text is at least `length` characters long, with their text. */
  textParagraphs(length: number): { paragraph: Element; text: string }[] {
    return elements(this.doc, 'p')
      .map((paragraph) => ({
        paragraph,
        text: this.textRuns(paragraph)
          .map((run) => elements(run, 't')[0]?.textContent ?? '')
          .join(''),
      }))
      .filter(({ text }) => text.length >= length);
  }

  /** A comment on `quote` (in `within`, a paragraph, when given), with its replies, as Word 2016 and later write it. */
  comment(quote: string, comment: WordComment, replies: WordComment[] = [], within?: Element): this {
    const runs = this.runsOf(quote, within);
    const first = this.comments.add(comment);
    const stored = [first, ...replies.map((reply) => this.comments.add(reply, first))];
    this.anchor(stored, runs[0] as Element, runs[runs.length - 1] as Element);
    return this;
  }

  /**
   * A reply to the comment whose text holds `to` (one the copy came with, or one added):
   * Word gives it the same range as its thread, and points it at the thread's comment.
   */
  reply(to: string, reply: WordComment): this {
    const parent = this.comments.find(to);
    const start = elements(this.doc, 'commentRangeStart').find((el) => this.idOf(el) === parent.id);
    const end = elements(this.doc, 'commentRangeEnd').find((el) => this.idOf(el) === parent.id);
    if (!start || !end) throw new Error(`commentaire ${parent.id} sans étendue dans le document`);
    this.anchor([this.comments.add(reply, parent)], start, end);
    return this;
  }

  /** « Résoudre » (or « Rouvrir », done false) the thread whose comment holds `text`. */
  resolve(text: string, done = true): this {
    this.comments.setDone(this.comments.find(text), done);
    return this;
  }

  /** Word numbers the comments anew when it saves: nothing may rely on the ids Fiches wrote. */
  renumberComments(): this {
    const renamed = this.comments.renumber();
    for (const local of ['commentRangeStart', 'commentRangeEnd', 'commentReference']) {
      for (const element of elements(this.doc, local)) {
        const next = renamed.get(this.idOf(element));
        if (next !== undefined) element.setAttributeNS(W, 'w:id', next);
      }
    }
    return this;
  }

  private idOf(element: Element): string {
    return element.getAttributeNS(W, 'id') ?? element.getAttribute('w:id') ?? '';
  }

  /** Ranges around `first`…`last` for each comment, each closed by its reference. */
  private anchor(comments: readonly CommentRef[], first: Element, last: Element): void {
    for (const entry of comments) {
      first.parentNode?.insertBefore(this.el('commentRangeStart', { id: entry.id }), first);
    }
    let after: Element = last;
    for (const entry of comments) {
      const end = this.el('commentRangeEnd', { id: entry.id });
      after.parentNode?.insertBefore(end, after.nextSibling);
      const reference = this.el('r');
      reference.appendChild(this.el('commentReference', { id: entry.id }));
      end.parentNode?.insertBefore(reference, end.nextSibling);
      after = reference;
    }
  }

  /** Text inserted after `anchor` (in `within`, a paragraph, when given) with change tracking on. */
  insertAfter(anchor: string, text: string, author: string, date: string, within?: Element): this {
    const runs = this.runsOf(anchor, within);
    const last = runs[runs.length - 1] as Element;
    const ins = this.el('ins', { id: String(this.nextId++), author, date });
    const run = this.el('r');
    const t = this.el('t');
    t.setAttribute('xml:space', 'preserve');
    t.textContent = text;
    run.appendChild(t);
    ins.appendChild(run);
    last.parentNode?.insertBefore(ins, last.nextSibling);
    return this;
  }

  /** `quote` deleted with change tracking on (in `within`, a paragraph, when given). */
  delete(quote: string, author: string, date: string, within?: Element): this {
    const runs = this.runsOf(quote, within);
    const del = this.el('del', { id: String(this.nextId++), author, date });
    (runs[0] as Element).parentNode?.insertBefore(del, runs[0] as Element);
    for (const run of runs) {
      const t = elements(run, 't')[0] as Element;
      const delText = this.el('delText');
      delText.setAttribute('xml:space', 'preserve');
      delText.textContent = t.textContent;
      run.replaceChild(delText, t);
      del.appendChild(run);
    }
    return this;
  }

  /**
   * A deletion from `end` (the end of a paragraph) to `start` (the beginning of the next), as
   * Word writes one: the text of each paragraph in a w:del, and the paragraph mark between
   * them deleted too (w:pPr/w:rPr/w:del).
   */
  deleteAcross(end: string, start: string, author: string, date: string): this {
    this.delete(end, author, date);
    const runs = elements(this.doc, 'delText');
    const paragraph = this.paragraphOf(runs[runs.length - 1] as Element);
    let pPr = elements(paragraph, 'pPr')[0];
    if (!pPr) {
      pPr = this.el('pPr');
      paragraph.insertBefore(pPr, paragraph.firstChild);
    }
    const rPr = this.el('rPr');
    rPr.appendChild(this.el('del', { id: String(this.nextId++), author, date }));
    pPr.appendChild(rPr);
    const paragraphs = elements(this.doc, 'p');
    const next = paragraphs[paragraphs.indexOf(paragraph) + 1] as Element;
    return this.delete(start, author, date, next);
  }

  private paragraphOf(node: Element): Element {
    let at: Element = node;
    while (at.localName !== 'p') at = at.parentNode as Element;
    return at;
  }

  /** `quote` typed over without change tracking. */
  retype(quote: string, replacement: string): this {
    const runs = this.runsOf(quote);
    const first = runs[0] as Element;
    (elements(first, 't')[0] as Element).textContent = replacement;
    for (const run of runs.slice(1)) run.parentNode?.removeChild(run);
    return this;
  }

  /** Sets a custom property as Word's « Propriétés avancées » does (tests of foreign copies). */
  customProperty(name: string, value: string): this {
    const path = 'docProps/custom.xml';
    const xml = strFromU8(this.files[path] as Uint8Array);
    const pattern = new RegExp(`(<property[^>]*name="${name}"[^>]*>\\s*<vt:lpwstr>)[^<]*(</vt:lpwstr>)`);
    this.files[path] = strToU8(xml.replace(pattern, `$1${value}$2`));
    return this;
  }

  /** Removes a custom property, as in a copy exported before Fiches wrote it. */
  withoutCustomProperty(name: string): this {
    const path = 'docProps/custom.xml';
    const xml = strFromU8(this.files[path] as Uint8Array);
    const pattern = new RegExp(`<property[^>]*name="${name}"[^>]*>[\\s\\S]*?</property>`);
    this.files[path] = strToU8(xml.replace(pattern, ''));
    return this;
  }

  /** The edited file, saved as Word would. */
  save(): Buffer {
    const files = { ...this.files };
    files['word/document.xml'] = strToU8(new XMLSerializer().serializeToString(this.doc));
    this.comments.write(files);
    return Buffer.from(zipSync(files));
  }
}
