import type { MediaRead } from './package.js';

/**
 * A Word document as the reader hands it on: neutral (nothing here knows about sheets),
 * faithful (comments and tracked changes are kept where they are, with their authors and
 * dates, even though the sheet import only takes the accepted text), and plain data.
 */

/** Word's built-in styles, whatever the language of the Word that wrote the file. */
export type BuiltInStyle =
  | 'normal'
  | 'title'
  | 'subtitle'
  | 'heading'
  | 'caption'
  | 'quote'
  | 'intense-quote'
  | 'list-paragraph'
  | 'list-bullet'
  | 'list-number'
  | 'body-text'
  | 'footnote-text'
  | 'toc'
  | 'table-heading'
  | 'table-contents'
  | 'hyperlink';

export interface DocxStyle {
  id: string;
  /** As written in styles.xml (« heading 1 », « Fiche – Source »), or the id when the style is not described. */
  name: string;
  /** The first built-in style met along the style and its ancestors. */
  builtIn?: BuiltInStyle;
  /** 1 to 9 for headings (built-in heading styles, or an outline level set on the style). */
  headingLevel?: number;
  /** The run marks the style gives its text (a bold title style), along its ancestors. */
  marks: Marks;
}

export interface Marks {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  superscript?: boolean;
  subscript?: boolean;
}

/** A tracked change: what Word shows in colour until it is accepted or rejected. */
export interface Revision {
  id: string;
  kind: 'insertion' | 'deletion' | 'move-from' | 'move-to' | 'formatting' | 'paragraph-mark';
  author?: string;
  date?: string;
  /** The text concerned (inserted, deleted or moved). */
  text: string;
}

/** The change an inline is part of; deleted and moved-away content is not in the accepted text. */
export interface ChangeRef {
  id: string;
  kind: 'insertion' | 'deletion' | 'move-from' | 'move-to';
}

interface InlineBase {
  change?: ChangeRef;
}

export interface DocxImage {
  /** The image's part in the package, when embedded (`r:embed`); for an SVG, its PNG stand-in. */
  part?: string;
  /** The SVG itself, when the document carries one beside its PNG stand-in (Word 2016 and later). */
  svgPart?: string;
  /** Where a linked image (`r:link`, or an external target) was, as written. */
  link?: string;
  /** Alternative text, or the picture's title. */
  description?: string;
  /** Drawn size, in EMU (914 400 a inch). */
  widthEmu?: number;
  heightEmu?: number;
}

export type Inline =
  | (InlineBase & { kind: 'text'; text: string; marks: Marks })
  | (InlineBase & { kind: 'break' })
  | (InlineBase & { kind: 'tab' })
  | (InlineBase & { kind: 'link'; href?: string; anchor?: string; content: Inline[] })
  | (InlineBase & { kind: 'image'; image: DocxImage })
  | (InlineBase & { kind: 'text-box'; blocks: Block[] })
  | (InlineBase & { kind: 'note'; note: 'footnote' | 'endnote'; id: string })
  | (InlineBase & { kind: 'field'; instruction: string; content: Inline[] })
  | (InlineBase & { kind: 'comment'; edge: 'start' | 'end' | 'reference'; id: string })
  /** Something Word draws that has no text form here: a chart, an equation, an embedded object… */
  | (InlineBase & { kind: 'unsupported'; what: string });

export interface Paragraph {
  kind: 'paragraph';
  style?: DocxStyle;
  /** 1 to 9: the style's heading level, or the paragraph's own outline level. */
  headingLevel?: number;
  /** A list item: its list (Word's numbering instance), its level (0 = outermost), numbers or bullets. */
  list?: { id: string; level: number; ordered: boolean };
  /** Left indentation in twips, when the paragraph sets one. */
  indentTwips?: number;
  content: Inline[];
  /** Columns of the Word section the paragraph lies in. */
  columns: number;
  /** Word's paragraph id (`w14:paraId`), which comments' threads refer to. */
  paraId?: string;
  /** The paragraph mark was inserted or deleted as a tracked change. */
  markChange?: ChangeRef;
}

export interface Cell {
  blocks: Block[];
  /** Grid columns the cell spans (`w:gridSpan`). */
  colSpan: number;
  /** Vertically merged cells: the first one `restart`s, those under it `continue`. */
  verticalMerge?: 'restart' | 'continue';
}

export interface Row {
  /** Repeated at the top of each page (`w:tblHeader`): Word's header row. */
  header: boolean;
  cells: Cell[];
  /** The row itself was inserted or deleted as a tracked change. */
  change?: ChangeRef;
}

export interface Table {
  kind: 'table';
  style?: DocxStyle;
  rows: Row[];
  columns: number;
}

export type Block = Paragraph | Table;

export interface Comment {
  id: string;
  author?: string;
  initials?: string;
  date?: string;
  blocks: Block[];
  /** The comment's text, paragraphs separated by line breaks. */
  text: string;
  /** The comment this one answers (Word 2013's threads, commentsExtended.xml). */
  parentId?: string;
  /** Marked as resolved. */
  done?: boolean;
  /** Word's durable id (commentsIds.xml), stable across saves. */
  durableId?: string;
}

export interface DocxProperties {
  title?: string;
  subject?: string;
  creator?: string;
  keywords?: string;
  description?: string;
  lastModifiedBy?: string;
  created?: string;
  modified?: string;
  /** Custom properties (docProps/custom.xml), by name. */
  custom: Record<string, string>;
}

export interface DocxDocument {
  fileName: string;
  /** Written in « Strict Open XML ». */
  strict: boolean;
  properties: DocxProperties;
  body: Block[];
  footnotes: Map<string, Block[]>;
  endnotes: Map<string, Block[]>;
  comments: Comment[];
  revisions: Revision[];
  /** An image's bytes, read on demand within the limits. */
  media(part: string): MediaRead;
}
