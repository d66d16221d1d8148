import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/**
 * A reviewer's work in Word, done on an exported .docx for the tests: what Word writes
 * when comments are added (comments.xml, with commentsExtended.xml for replies and the
 * resolved state, commentsIds.xml, linked by w14:paraId), when « Suivi des modifications »
 * is on (w:ins and w:del with w:author and w:date), and when the text is typed over
 * without tracking. Word also cuts runs in the middle of words (each editing session
 * leaves its rsid): `splitRuns` does the same to every run.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';
const W15 = 'http://schemas.microsoft.com/office/word/2012/wordml';
const W16CID = 'http://schemas.microsoft.com/office/word/2016/wordml/cid';

export interface WordComment {
  author: string;
  date: string;
  text: string;
  done?: boolean;
}

interface StoredComment extends WordComment {
  id: number;
  paraId: string;
  parent?: string;
}

const elements = (root: Document | Element, local: string): Element[] =>
  Array.from(root.getElementsByTagNameNS(W, local)) as unknown as Element[];

export class WordEdit {
  private readonly files: Record<string, Uint8Array>;
  private readonly doc: Document;
  private readonly comments: StoredComment[] = [];
  private nextId = 100;

  constructor(bytes: Buffer) {
    this.files = unzipSync(bytes);
    this.doc = new DOMParser().parseFromString(
      strFromU8(this.files['word/document.xml'] as Uint8Array),
      'text/xml',
    );
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

  private storeComment(comment: WordComment, parent?: StoredComment): StoredComment {
    const id = this.nextId++;
    const stored: StoredComment = {
      ...comment,
      id,
      paraId: (0x10000000 + id).toString(16).toUpperCase(),
      ...(parent ? { parent: parent.paraId } : {}),
    };
    this.comments.push(stored);
    return stored;
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
    const first = runs[0] as Element;
    const last = runs[runs.length - 1] as Element;
    const all = [comment, ...replies];
    const stored: StoredComment[] = [];
    for (const entry of all) stored.push(this.storeComment(entry, stored[0]));
    for (const entry of stored) {
      first.parentNode?.insertBefore(this.el('commentRangeStart', { id: String(entry.id) }), first);
    }
    let after: Element = last;
    for (const entry of stored) {
      const end = this.el('commentRangeEnd', { id: String(entry.id) });
      after.parentNode?.insertBefore(end, after.nextSibling);
      const reference = this.el('r');
      reference.appendChild(this.el('commentReference', { id: String(entry.id) }));
      end.parentNode?.insertBefore(reference, end.nextSibling);
      after = reference;
    }
    return this;
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

  private commentsXml(): string {
    const body = this.comments
      .map(
        (comment) =>
          `<w:comment w:id="${comment.id}" w:author="${comment.author}" w:date="${comment.date}" w:initials="${comment.author.slice(0, 1)}">` +
          `<w:p w14:paraId="${comment.paraId}" w14:textId="77777777"><w:r><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">${comment.text}</w:t></w:r></w:p></w:comment>`,
      )
      .join('');
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W}" xmlns:w14="${W14}">${body}</w:comments>`;
  }

  private extendedXml(): string {
    const body = this.comments
      .map(
        (comment) =>
          `<w15:commentEx w15:paraId="${comment.paraId}"${comment.parent ? ` w15:paraIdParent="${comment.parent}"` : ''} w15:done="${comment.done ? 1 : 0}"/>`,
      )
      .join('');
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx xmlns:w15="${W15}">${body}</w15:commentsEx>`;
  }

  private idsXml(): string {
    const body = this.comments
      .map(
        (comment) =>
          `<w16cid:commentId w16cid:paraId="${comment.paraId}" w16cid:durableId="${(0x20000000 + comment.id).toString(16).toUpperCase()}"/>`,
      )
      .join('');
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w16cid:commentsIds xmlns:w16cid="${W16CID}">${body}</w16cid:commentsIds>`;
  }

  /** The edited file, saved as Word would. */
  save(): Buffer {
    const files = { ...this.files };
    files['word/document.xml'] = strToU8(new XMLSerializer().serializeToString(this.doc));
    if (this.comments.length > 0) {
      files['word/comments.xml'] = strToU8(this.commentsXml());
      files['word/commentsExtended.xml'] = strToU8(this.extendedXml());
      files['word/commentsIds.xml'] = strToU8(this.idsXml());
      const relsPath = 'word/_rels/document.xml.rels';
      const rels = strFromU8(files[relsPath] as Uint8Array).replace(
        '</Relationships>',
        `<Relationship Id="rIdC1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>` +
          `<Relationship Id="rIdC2" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/>` +
          `<Relationship Id="rIdC3" Type="http://schemas.microsoft.com/office/2016/09/relationships/commentsIds" Target="commentsIds.xml"/></Relationships>`,
      );
      files[relsPath] = strToU8(rels);
      const types = strFromU8(files['[Content_Types].xml'] as Uint8Array).replace(
        '</Types>',
        `<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>` +
          `<Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/>` +
          `<Override PartName="/word/commentsIds.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsIds+xml"/></Types>`,
      );
      files['[Content_Types].xml'] = strToU8(types);
    }
    return Buffer.from(zipSync(files));
  }
}
