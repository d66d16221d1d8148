import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { strFromU8, strToU8 } from 'fflate';

/**
 * The comment parts of a .docx as Word keeps them, for WordEdit: comments.xml (each
 * comment's text, its last paragraph named by w14:paraId), commentsExtended.xml (a reply's
 * w15:paraIdParent, a thread's w15:done) and commentsIds.xml. The comments a copy already
 * holds (exported « avec les commentaires ») are kept; a reviewer adds comments, answers
 * or resolves them; and Word renumbers them all when it saves.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';
const W15 = 'http://schemas.microsoft.com/office/word/2012/wordml';
const W16CID = 'http://schemas.microsoft.com/office/word/2016/wordml/cid';

const PARTS = {
  comments: 'word/comments.xml',
  extended: 'word/commentsExtended.xml',
  ids: 'word/commentsIds.xml',
} as const;

export interface WordComment {
  author: string;
  date: string;
  text: string;
  done?: boolean;
}

/** A comment as the document's ranges and the other parts name it. */
export interface CommentRef {
  id: string;
  paraId: string;
}

const byTag = (root: Document | Element, namespace: string, local: string): Element[] =>
  Array.from(root.getElementsByTagNameNS(namespace, local)) as unknown as Element[];

const textOf = (comment: Element) =>
  byTag(comment, W, 'p')
    .map((paragraph) =>
      byTag(paragraph, W, 't')
        .map((t) => t.textContent ?? '')
        .join(''),
    )
    .join('\n');

export class WordCommentParts {
  private readonly comments: Document;
  private readonly extended: Document;
  private readonly ids: Document;
  /** Whether the package already declares the parts (a copy exported with its comments). */
  private readonly declared: boolean;
  private nextId: number;

  constructor(files: Record<string, Uint8Array>) {
    const parse = (path: string, root: string, namespaces: string) =>
      new DOMParser().parseFromString(
        files[path]
          ? strFromU8(files[path])
          : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${root} ${namespaces}/>`,
        'text/xml',
      );
    this.declared = files[PARTS.comments] !== undefined;
    this.comments = parse(PARTS.comments, 'w:comments', `xmlns:w="${W}" xmlns:w14="${W14}"`);
    this.extended = parse(PARTS.extended, 'w15:commentsEx', `xmlns:w15="${W15}"`);
    this.ids = parse(PARTS.ids, 'w16cid:commentsIds', `xmlns:w16cid="${W16CID}"`);
    this.nextId = Math.max(99, ...this.all().map((comment) => Number(comment.id))) + 1;
  }

  get count(): number {
    return this.all().length;
  }

  private elements(): Element[] {
    return byTag(this.comments, W, 'comment');
  }

  private all(): CommentRef[] {
    return this.elements().map((comment) => {
      const paragraphs = byTag(comment, W, 'p');
      return {
        id: comment.getAttributeNS(W, 'id') ?? comment.getAttribute('w:id') ?? '',
        paraId: paragraphs[paragraphs.length - 1]?.getAttribute('w14:paraId') ?? '',
      };
    });
  }

  /** The comment (already in the copy, or added) whose text holds `text`. */
  find(text: string): CommentRef {
    const index = this.elements().findIndex((comment) => textOf(comment).includes(text));
    const found = this.all()[index];
    if (!found) throw new Error(`commentaire « ${text} » introuvable`);
    return found;
  }

  add(comment: WordComment, parent?: CommentRef): CommentRef {
    const id = String(this.nextId++);
    const paraId = (0x10000000 + Number(id)).toString(16).toUpperCase();
    const element = this.comments.createElementNS(W, 'w:comment');
    element.setAttributeNS(W, 'w:id', id);
    element.setAttributeNS(W, 'w:author', comment.author);
    element.setAttributeNS(W, 'w:date', comment.date);
    element.setAttributeNS(W, 'w:initials', comment.author.slice(0, 1));
    const paragraph = this.comments.createElementNS(W, 'w:p');
    paragraph.setAttributeNS(W14, 'w14:paraId', paraId);
    paragraph.setAttributeNS(W14, 'w14:textId', '77777777');
    const reference = this.comments.createElementNS(W, 'w:r');
    reference.appendChild(this.comments.createElementNS(W, 'w:annotationRef'));
    const run = this.comments.createElementNS(W, 'w:r');
    const t = this.comments.createElementNS(W, 'w:t');
    t.setAttribute('xml:space', 'preserve');
    t.textContent = comment.text;
    run.appendChild(t);
    paragraph.appendChild(reference);
    paragraph.appendChild(run);
    element.appendChild(paragraph);
    this.comments.documentElement?.appendChild(element);

    const entry = this.extended.createElementNS(W15, 'w15:commentEx');
    entry.setAttributeNS(W15, 'w15:paraId', paraId);
    if (parent) entry.setAttributeNS(W15, 'w15:paraIdParent', parent.paraId);
    entry.setAttributeNS(W15, 'w15:done', comment.done ? '1' : '0');
    this.extended.documentElement?.appendChild(entry);

    const durable = this.ids.createElementNS(W16CID, 'w16cid:commentId');
    durable.setAttributeNS(W16CID, 'w16cid:paraId', paraId);
    durable.setAttributeNS(W16CID, 'w16cid:durableId', (0x20000000 + Number(id)).toString(16).toUpperCase());
    this.ids.documentElement?.appendChild(durable);
    return { id, paraId };
  }

  /** « Résoudre la conversation » (done: true) or « Rouvrir » (false) on a thread's comment. */
  setDone(comment: CommentRef, done: boolean): void {
    const entry = byTag(this.extended, W15, 'commentEx').find(
      (candidate) => candidate.getAttribute('w15:paraId') === comment.paraId,
    );
    if (!entry) throw new Error(`commentaire ${comment.id} absent de commentsExtended.xml`);
    entry.setAttribute('w15:done', done ? '1' : '0');
  }

  /** Numbers every comment anew, as Word does on saving (here from the last to the first); answers old id → new id. */
  renumber(): Map<string, string> {
    const elements = this.elements();
    const renamed = new Map<string, string>();
    elements.forEach((comment, index) => {
      const id = comment.getAttributeNS(W, 'id') ?? comment.getAttribute('w:id') ?? '';
      const next = String(elements.length - 1 - index);
      renamed.set(id, next);
      comment.setAttributeNS(W, 'w:id', next);
    });
    return renamed;
  }

  /** Writes the parts into `files`, declared once in the package. */
  write(files: Record<string, Uint8Array>): void {
    if (this.count === 0) return;
    const serialise = (doc: Document) => strToU8(new XMLSerializer().serializeToString(doc));
    files[PARTS.comments] = serialise(this.comments);
    files[PARTS.extended] = serialise(this.extended);
    files[PARTS.ids] = serialise(this.ids);
    if (this.declared) return;
    const relsPath = 'word/_rels/document.xml.rels';
    files[relsPath] = strToU8(
      strFromU8(files[relsPath] as Uint8Array).replace(
        '</Relationships>',
        `<Relationship Id="rIdC1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>` +
          `<Relationship Id="rIdC2" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/>` +
          `<Relationship Id="rIdC3" Type="http://schemas.microsoft.com/office/2016/09/relationships/commentsIds" Target="commentsIds.xml"/></Relationships>`,
      ),
    );
    files['[Content_Types].xml'] = strToU8(
      strFromU8(files['[Content_Types].xml'] as Uint8Array).replace(
        '</Types>',
        `<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>` +
          `<Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/>` +
          `<Override PartName="/word/commentsIds.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsIds+xml"/></Types>`,
      ),
    );
  }
}
