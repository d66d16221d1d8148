import type { Element } from '@xmldom/xmldom';
import type { ReadContext } from './context.js';
import { readDrawing, readVml } from './drawing.js';
import { inlineText } from './inline-text.js';
import type { ChangeRef, Inline, Marks, Revision } from './model.js';
import { runMarksOf } from './styles.js';
import { attr, child, childElements, inNamespace, is, NS, textContent, wVal } from './xml.js';

/**
 * The content of a paragraph: runs of text with their marks, breaks, links, images, text
 * boxes, note and comment references, fields, tracked changes. Word's complex fields
 * (`w:fldChar` begin … instruction … separate … result … end) run across runs, and even
 * across links and insertions, so they are followed on a stack of frames for the whole
 * paragraph: what a frame collects becomes one inline when it closes.
 */

type Frame =
  | { kind: 'root'; content: Inline[] }
  | { kind: 'wrapper'; content: Inline[] }
  | { kind: 'field'; content: Inline[]; instruction: string; phase: 'instruction' | 'result' };

const CHANGE_KINDS: Record<string, ChangeRef['kind']> = {
  ins: 'insertion',
  del: 'deletion',
  moveTo: 'move-to',
  moveFrom: 'move-from',
};

/** `mc:AlternateContent` branches we read: text boxes and groups of Word 2010, whatever Word 2010 added. */
const UNDERSTOOD = new Set<string>([
  NS.wps[0],
  NS.wpg[0],
  NS.w14[0],
  'http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing',
  'http://schemas.microsoft.com/office/drawing/2010/main',
]);

const HYPERLINK_FIELD = /^\s*HYPERLINK\s+(?:(\\l)\s+)?"([^"]*)"(?:\s+\\l\s+"([^"]*)")?/i;

function sameMarks(a: Marks, b: Marks): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Marks>;
  return [...keys].every((key) => Boolean(a[key]) === Boolean(b[key]));
}

export class InlineReader {
  private readonly frames: Frame[] = [{ kind: 'root', content: [] }];
  private readonly changes: ChangeRef[] = [];

  constructor(private readonly ctx: ReadContext) {}

  /** Reads the children of a paragraph and answers its content, every frame closed. */
  read(paragraph: Element): Inline[] {
    this.readChildren(paragraph);
    while (this.frames.length > 1) this.closeTop();
    return this.frames[0]?.content ?? [];
  }

  private top(): Frame {
    return this.frames[this.frames.length - 1] as Frame;
  }

  private emit(inline: Inline): void {
    const frame = this.top();
    // Between a field's start and its separator lies its instruction: nothing of it is shown.
    if (frame.kind === 'field' && frame.phase === 'instruction') return;
    const change = this.changes[this.changes.length - 1];
    const item: Inline = change ? { ...inline, change } : inline;
    if (item.kind === 'text') this.ctx.noteChangedText(change, item.text);
    const last = frame.content[frame.content.length - 1];
    if (
      item.kind === 'text' &&
      last?.kind === 'text' &&
      last.change?.id === item.change?.id &&
      sameMarks(last.marks, item.marks)
    ) {
      last.text += item.text;
      return;
    }
    frame.content.push(item);
  }

  private readChildren(parent: Element): void {
    for (const element of childElements(parent)) this.readElement(element);
  }

  private readElement(element: Element): void {
    if (inNamespace(element, NS.m)) {
      if (element.localName === 'oMath' || element.localName === 'oMathPara') {
        this.emit({ kind: 'unsupported', what: 'équation' });
      }
      return;
    }
    if (is(element, NS.mc, 'AlternateContent')) {
      this.readChildren(this.alternative(element));
      return;
    }
    if (!inNamespace(element, NS.w)) return;
    const local = element.localName ?? '';
    switch (local) {
      case 'r':
        this.readRun(element);
        return;
      case 'hyperlink':
        this.readHyperlink(element);
        return;
      case 'fldSimple':
        this.readSimpleField(element);
        return;
      case 'ins':
      case 'del':
      case 'moveTo':
      case 'moveFrom':
        this.readChange(element, CHANGE_KINDS[local] as ChangeRef['kind']);
        return;
      case 'smartTag':
      case 'customXml':
      case 'dir':
      case 'bdo':
        this.readChildren(element);
        return;
      case 'sdt':
        this.readChildren(child(element, NS.w, 'sdtContent') ?? element);
        return;
      case 'commentRangeStart':
      case 'commentRangeEnd': {
        const id = attr(element, NS.w, 'id');
        if (id !== undefined)
          this.emit({ kind: 'comment', edge: local === 'commentRangeStart' ? 'start' : 'end', id });
        return;
      }
      default:
      // Bookmarks, proofing marks, permissions, the paragraph's properties: no content.
    }
  }

  /** The branch of an `mc:AlternateContent` to read: the first choice we understand, else the fallback. */
  private alternative(element: Element): Element {
    for (const choice of childElements(element)) {
      if (!is(choice, NS.mc, 'Choice')) continue;
      const required = (choice.getAttribute('Requires') ?? '').split(/\s+/).filter(Boolean);
      if (required.every((prefix) => UNDERSTOOD.has(choice.lookupNamespaceURI(prefix) ?? ''))) return choice;
    }
    return child(element, NS.mc, 'Fallback') ?? element;
  }

  private withWrapper(build: (content: Inline[]) => Inline | Inline[], read: () => void): void {
    const frame: Frame = { kind: 'wrapper', content: [] };
    this.frames.push(frame);
    const depth = this.frames.length;
    read();
    // A field opened inside and not closed there ends with the wrapper.
    while (this.frames.length > depth) this.closeTop();
    this.frames.pop();
    const built = build(frame.content);
    for (const inline of Array.isArray(built) ? built : [built]) this.emit(inline);
  }

  private readHyperlink(element: Element): void {
    const rel = this.ctx.relationship(attr(element, NS.r, 'id'));
    const anchor = attr(element, NS.w, 'anchor');
    this.withWrapper(
      (content) => ({
        kind: 'link',
        ...(rel?.external ? { href: rel.target } : {}),
        ...(anchor ? { anchor } : {}),
        content,
      }),
      () => this.readChildren(element),
    );
  }

  private readSimpleField(element: Element): void {
    const instruction = attr(element, NS.w, 'instr') ?? '';
    this.withWrapper(
      (content) => fieldInline(instruction, content),
      () => this.readChildren(element),
    );
  }

  private readChange(element: Element, kind: ChangeRef['kind']): void {
    const id = this.ctx.change(
      attr(element, NS.w, 'id'),
      kind,
      attr(element, NS.w, 'author'),
      attr(element, NS.w, 'date'),
    );
    this.changes.push({ id, kind });
    this.readChildren(element);
    this.changes.pop();
  }

  private readRun(run: Element): void {
    const rPr = child(run, NS.w, 'rPr');
    const styleId = wVal(rPr, 'rStyle');
    const marks = { ...(styleId ? this.ctx.styles.runMarks(styleId) : {}), ...runMarksOf(rPr) };
    const formatting = child(rPr, NS.w, 'rPrChange');
    if (formatting) {
      const id = this.ctx.change(
        attr(formatting, NS.w, 'id'),
        'formatting' satisfies Revision['kind'],
        attr(formatting, NS.w, 'author'),
        attr(formatting, NS.w, 'date'),
      );
      const revision = this.ctx.revisions.get(id);
      if (revision) revision.text += textContent(child(run, NS.w, 't'));
    }
    for (const element of childElements(run)) this.readRunChild(element, marks);
  }

  private readRunChild(element: Element, marks: Marks): void {
    if (is(element, NS.mc, 'AlternateContent')) {
      for (const inner of childElements(this.alternative(element))) this.readRunChild(inner, marks);
      return;
    }
    if (!inNamespace(element, NS.w)) return;
    switch (element.localName) {
      case 't':
      case 'delText':
        this.emit({ kind: 'text', text: textContent(element), marks });
        return;
      case 'instrText':
      case 'delInstrText': {
        const frame = this.top();
        if (frame.kind === 'field' && frame.phase === 'instruction')
          frame.instruction += textContent(element);
        return;
      }
      case 'fldChar':
        this.fieldChar(attr(element, NS.w, 'fldCharType'));
        return;
      case 'tab':
      case 'ptab':
        this.emit({ kind: 'tab' });
        return;
      case 'br': {
        // Page and column breaks are layout; a line break is content.
        const type = attr(element, NS.w, 'type');
        if (type === undefined || type === 'textWrapping') this.emit({ kind: 'break' });
        return;
      }
      case 'cr':
        this.emit({ kind: 'break' });
        return;
      case 'noBreakHyphen':
        this.emit({ kind: 'text', text: '\u2011', marks });
        return;
      case 'sym': {
        // Symbol-font characters (U+F0xx) draw a glyph of that font, not a character of text.
        const code = Number.parseInt(attr(element, NS.w, 'char') ?? '', 16);
        if (code > 0 && code < 0xf000) this.emit({ kind: 'text', text: String.fromCodePoint(code), marks });
        return;
      }
      case 'drawing':
        for (const inline of readDrawing(element, this.ctx)) this.emit(inline);
        return;
      case 'pict':
        for (const inline of readVml(element, this.ctx)) this.emit(inline);
        return;
      case 'object':
        this.emit({ kind: 'unsupported', what: 'objet incorporé' });
        return;
      case 'footnoteReference':
      case 'endnoteReference': {
        const id = attr(element, NS.w, 'id');
        const note = element.localName === 'footnoteReference' ? 'footnote' : 'endnote';
        if (id !== undefined) this.emit({ kind: 'note', note, id });
        return;
      }
      case 'commentReference': {
        const id = attr(element, NS.w, 'id');
        if (id !== undefined) this.emit({ kind: 'comment', edge: 'reference', id });
        return;
      }
      default:
      // Soft hyphens (Fiches hyphenates by itself), rendered page breaks, note marks: nothing to keep.
    }
  }

  private fieldChar(type: string | undefined): void {
    const frame = this.top();
    if (type === 'begin') {
      this.frames.push({ kind: 'field', content: [], instruction: '', phase: 'instruction' });
    } else if (type === 'separate') {
      if (frame.kind === 'field') frame.phase = 'result';
    } else if (type === 'end') {
      if (frame.kind === 'field') this.closeTop();
    }
  }

  /** Closes the innermost frame: a field becomes its inline in the frame below. */
  private closeTop(): void {
    const frame = this.frames.pop();
    if (!frame) return;
    const below = this.top();
    if (frame.kind === 'field') {
      // A field inside another's instruction (IF, INCLUDETEXT…) is part of that instruction.
      if (below.kind === 'field' && below.phase === 'instruction')
        below.instruction += inlineText(frame.content);
      else below.content.push(fieldInline(frame.instruction, frame.content));
    } else {
      below.content.push(...frame.content);
    }
  }
}

/** A field as its shown result; a HYPERLINK field is a link. */
function fieldInline(instruction: string, content: Inline[]): Inline {
  const link = HYPERLINK_FIELD.exec(instruction);
  if (link) {
    const [, local, target = '', anchor] = link;
    if (local) return { kind: 'link', anchor: target, content };
    return { kind: 'link', href: target, ...(anchor ? { anchor } : {}), content };
  }
  return { kind: 'field', instruction: instruction.trim(), content };
}
