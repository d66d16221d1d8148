import type { Document, Element } from '@xmldom/xmldom';
import type { BuiltInStyle, DocxStyle, Marks } from './model.js';
import { attr, child, children, NS, toggle, wVal } from './xml.js';

/**
 * Styles count by name, not by id: French Word writes the heading style's id as `Titre1`
 * and the caption's as `Lgende` (its letters outside ASCII dropped), English Word
 * `Heading1` and `Caption`; both keep Word's English name (« heading 1 ») in styles.xml.
 * Names are compared without case, accents, spaces or punctuation; a style the file does
 * not describe is known by its id when that is one of Word's own ids in English or French.
 */

/** Letters and digits only, lower case, no accents: « Légende » → « legende ». */
export function styleKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const HEADING = /^(?:heading|titre|berschrift|uberschrift|titolo|ttulo|titulo|kop)([1-9])$/;
const TOC = /^(?:toc|tm|verzeichnis|inhaltsverzeichnis|sommario)[1-9]$/;

const BUILT_IN_KEYS: Record<string, BuiltInStyle> = {
  normal: 'normal',
  standard: 'normal',
  title: 'title',
  titre: 'title',
  titel: 'title',
  subtitle: 'subtitle',
  soustitre: 'subtitle',
  caption: 'caption',
  legende: 'caption',
  lgende: 'caption',
  beschriftung: 'caption',
  imagecaption: 'caption',
  tablecaption: 'caption',
  quote: 'quote',
  citation: 'quote',
  quotations: 'quote',
  blocktext: 'quote',
  zitat: 'quote',
  intensequote: 'intense-quote',
  citationintense: 'intense-quote',
  listparagraph: 'list-paragraph',
  paragraphedeliste: 'list-paragraph',
  listbullet: 'list-bullet',
  listeapuces: 'list-bullet',
  listepuces: 'list-bullet',
  listnumber: 'list-number',
  listeanumeros: 'list-number',
  listenumros: 'list-number',
  bodytext: 'body-text',
  textbody: 'body-text',
  corpsdetexte: 'body-text',
  firstparagraph: 'body-text',
  compact: 'body-text',
  footnotetext: 'footnote-text',
  notedebasdepage: 'footnote-text',
  tocheading: 'toc',
  entetedetabledesmatieres: 'toc',
  tableheading: 'table-heading',
  tablecontents: 'table-contents',
  hyperlink: 'hyperlink',
  lienhypertexte: 'hyperlink',
};

/** A built-in style from a name or an id; headings carry their level. */
export function builtInOf(nameOrId: string): { builtIn: BuiltInStyle; level?: number } | undefined {
  const key = styleKey(nameOrId);
  const heading = HEADING.exec(key);
  if (heading) return { builtIn: 'heading', level: Number(heading[1]) };
  if (TOC.test(key)) return { builtIn: 'toc' };
  const builtIn = BUILT_IN_KEYS[key];
  return builtIn ? { builtIn } : undefined;
}

interface StyleEntry {
  id: string;
  name: string;
  type: string;
  basedOn?: string;
  /** 0 to 8 (Word's outline levels), from the style's paragraph properties. */
  outlineLevel?: number;
  numbering?: { numId: string; level?: number };
  marks: Marks;
  isDefault: boolean;
}

/** The marks a run's properties (or a style's) set, true or false; absent when not set. */
export function runMarksOf(rPr: Element | undefined): Marks {
  const marks: Marks = {};
  const set = (key: keyof Marks, value: boolean | undefined) => {
    if (value !== undefined) marks[key] = value;
  };
  set('bold', toggle(rPr, 'b'));
  set('italic', toggle(rPr, 'i'));
  const underline = wVal(rPr, 'u');
  if (child(rPr, NS.w, 'u')) set('underline', underline !== 'none');
  set('strike', toggle(rPr, 'strike') || toggle(rPr, 'dstrike'));
  const vertical = wVal(rPr, 'vertAlign');
  if (vertical === 'superscript') marks.superscript = true;
  if (vertical === 'subscript') marks.subscript = true;
  return marks;
}

export class StyleSheet {
  private readonly entries = new Map<string, StyleEntry>();
  private readonly resolved = new Map<string, DocxStyle>();
  private readonly defaults = new Map<string, string>();

  constructor(document: Document | undefined) {
    const root = document?.documentElement;
    for (const element of root ? children(root, NS.w, 'style') : []) {
      const id = attr(element, NS.w, 'styleId');
      if (!id) continue;
      const type = attr(element, NS.w, 'type') ?? 'paragraph';
      const pPr = child(element, NS.w, 'pPr');
      const outline = wVal(pPr, 'outlineLvl');
      const numPr = child(pPr, NS.w, 'numPr');
      const numId = wVal(numPr, 'numId');
      const level = wVal(numPr, 'ilvl');
      const isDefault = ['1', 'true', 'on'].includes(attr(element, NS.w, 'default') ?? '');
      const entry: StyleEntry = {
        id,
        type,
        name: wVal(element, 'name') ?? id,
        marks: runMarksOf(child(element, NS.w, 'rPr')),
        isDefault,
        ...(wVal(element, 'basedOn') ? { basedOn: wVal(element, 'basedOn') } : {}),
        ...(outline !== undefined && Number(outline) <= 8 ? { outlineLevel: Number(outline) } : {}),
        ...(numId !== undefined ? { numbering: { numId, ...(level ? { level: Number(level) } : {}) } } : {}),
      };
      this.entries.set(id, entry);
      if (isDefault && !this.defaults.has(type)) this.defaults.set(type, id);
    }
  }

  /** The paragraph style of a paragraph that names none (Word's « Normal »). */
  defaultParagraphStyle(): DocxStyle | undefined {
    const id = this.defaults.get('paragraph');
    return id ? this.style(id) : undefined;
  }

  /** The style with this id, its built-in nature and heading level resolved along its ancestors. */
  style(id: string): DocxStyle {
    const cached = this.resolved.get(id);
    if (cached) return cached;
    const chain = this.chain(id);
    const own = this.entries.get(id);
    let builtIn: ReturnType<typeof builtInOf>;
    for (const entry of chain) {
      // A described style is known by its name only: « Heading1 » named « Corps spécial » is body text.
      builtIn = builtInOf(entry.name);
      if (builtIn) break;
    }
    builtIn ??= own ? undefined : builtInOf(id);
    const outline = chain.find((entry) => entry.outlineLevel !== undefined)?.outlineLevel;
    const headingLevel = builtIn?.level ?? (outline !== undefined ? outline + 1 : undefined);
    const style: DocxStyle = {
      id,
      name: own?.name ?? id,
      marks: this.runMarks(id),
      ...(builtIn ? { builtIn: builtIn.builtIn } : {}),
      ...(headingLevel !== undefined ? { headingLevel } : {}),
    };
    this.resolved.set(id, style);
    return style;
  }

  /**
   * The run marks a character style (and its ancestors) gives, the nearest winning. Word's
   * Hyperlink style gives none: its colour and underline say « this is a link », which the
   * link itself says; they are no emphasis of the text.
   */
  runMarks(id: string): Marks {
    const chain = this.chain(id);
    const names = chain.length > 0 ? chain.map((entry) => entry.name) : [id];
    if (names.some((name) => builtInOf(name)?.builtIn === 'hyperlink')) return {};
    return chain.reverse().reduce<Marks>((marks, entry) => ({ ...marks, ...entry.marks }), {});
  }

  /** The list a paragraph style puts its paragraphs in, if any. */
  numbering(id: string): { numId: string; level?: number } | undefined {
    return this.chain(id).find((entry) => entry.numbering)?.numbering;
  }

  /** The style and its ancestors (`basedOn`), nearest first; a loop is cut. */
  private chain(id: string): StyleEntry[] {
    const chain: StyleEntry[] = [];
    const seen = new Set<string>();
    for (let entry = this.entries.get(id); entry && !seen.has(entry.id);) {
      seen.add(entry.id);
      chain.push(entry);
      entry = entry.basedOn ? this.entries.get(entry.basedOn) : undefined;
    }
    return chain;
  }
}
