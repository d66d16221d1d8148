import { fr } from '../french.js';
import type { ChangeRef, Revision } from './model.js';
import type { Numbering } from './numbering.js';
import type { DocxPackage, Relationship } from './package.js';
import { docxRefusal } from './refusal.js';
import type { StyleSheet } from './styles.js';

/** What reading one part (the body, the footnotes, the comments) needs and gathers. */
export class ReadContext {
  constructor(
    readonly pkg: DocxPackage,
    /** The part being read: relationships (links, images) are that part's. */
    readonly part: string,
    readonly styles: StyleSheet,
    readonly numbering: Numbering,
    /** Tracked changes of the whole document, by id, in the order met. */
    readonly revisions: Map<string, Revision>,
    private readonly depth = 0,
  ) {}

  /** The same reading one level deeper (a table in a cell, a text box): refused past the limit. */
  nested(): ReadContext {
    if (this.depth + 1 > this.pkg.limits.maxDepth) {
      throw docxRefusal(
        'too-deep',
        fr`Le document « ${this.pkg.fileName} » est refusé : il imbrique plus de ${this.pkg.limits.maxDepth} tableaux ou zones de texte les uns dans les autres.`,
        this.pkg.fileName,
      );
    }
    return new ReadContext(this.pkg, this.part, this.styles, this.numbering, this.revisions, this.depth + 1);
  }

  /** Reading another part of the same document (footnotes.xml, comments.xml). */
  forPart(part: string): ReadContext {
    return new ReadContext(this.pkg, part, this.styles, this.numbering, this.revisions, this.depth);
  }

  relationship(id: string | undefined): Relationship | undefined {
    if (!id) return undefined;
    return this.pkg.relationships(this.part).find((rel) => rel.id === id);
  }

  /** Registers a tracked change (once per id) and answers the reference inlines carry. */
  change(
    id: string | undefined,
    kind: Revision['kind'],
    author: string | undefined,
    date: string | undefined,
  ): string {
    const key = id ?? `sans-id-${this.revisions.size + 1}`;
    if (!this.revisions.has(key)) {
      this.revisions.set(key, {
        id: key,
        kind,
        ...(author ? { author } : {}),
        ...(date ? { date } : {}),
        text: '',
      });
    }
    return key;
  }

  /** Adds the text an inline of a change carries to that change's record. */
  noteChangedText(change: ChangeRef | undefined, text: string): void {
    const revision = change ? this.revisions.get(change.id) : undefined;
    if (revision) revision.text += text;
  }
}
