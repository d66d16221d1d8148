import type { NumberedKind } from '../../../../shared/content/numbering.js';
import type { MarkName, NodeName } from '../../../../shared/content/node-names.js';
import type { FamilyColours } from '../../../../shared/model/layout.js';
import type { RunningValues } from '../running-values.js';

/**
 * The export plan: one document (a sheet, or a volume of sheets) as format-neutral data,
 * in reading order, with every decision taken once: the texts (French spacing applied),
 * the labels and prefixes from the layout template, the figures' and tables' numbers, the
 * phase bands, the page breaks, the running values, the metadata. The Word serializer
 * (docx/) and the print-HTML serializer (print/) only translate it; neither decides what
 * a text says or what a figure is numbered. A single sheet is a volume of one piece.
 *
 * It is data only (no class, no function), so it crosses to the worker processes that
 * build the documents.
 *
 * Extension points:
 * - a node of the content schema is a `PlanNode` of its `type`: each serializer keys its
 *   node entries by `NodeName`, so a new node is a compile error until both print it;
 * - a mark is `{ type, attrs }` on a text node: each serializer keys its mark entries by
 *   `MarkName`. A mark either styles a run (bold) or wraps the neighbouring runs that share
 *   it (a link, and the same way a comment's range or a suggestion's insertion);
 * - a piece of the volume (cover, table of contents, divider, sheet…) is a `PlanPiece` of
 *   its `kind`, keyed the same way (`Record<PlanPiece['kind'], …>`).
 */

/**
 * A mark of the content schema, its attributes as saved. The review's marks reach the plan
 * only for an export for review (`PlanReview`): `comment` (attrs.thread: the id of one of
 * the plan's `comments`) and the tracked changes `insertion` and `deletion` (attrs.author,
 * attrs.date: who made the change, when). On a block, only `insertion` or `deletion`: the
 * whole block was added or removed (its content then carries the same mark).
 */
export interface PlanMark {
  type: MarkName;
  attrs: Readonly<Record<string, unknown>>;
}

/** A figure's or a table's number: « Figure » 3 « : ». */
export interface PlanNumber {
  kind: NumberedKind;
  /** The layout's label (« Figure », « Tableau »). */
  name: string;
  number: number;
  /** Between the number and the caption (« : »). */
  separator: string;
}

/**
 * A node of a section's content, as the exports print it: the content schema's node, its
 * text with French spacing, its unknown marks and children left out (and reported).
 */
export interface PlanNode {
  type: NodeName;
  attrs: Readonly<Record<string, unknown>>;
  content: PlanNode[];
  /** Text nodes only. */
  text?: string;
  marks: PlanMark[];
  /** Figures and table figures: their number, from shared/content/numbering.ts. */
  number?: PlanNumber;
  /** Numbered blocks: where the list of figures points (a Word bookmark, an HTML id). */
  anchor?: string;
  /** Printed before the node's content: the layout's « Source : » on a source line. */
  lead?: string;
}

/** The phase breadcrumb: PASSÉ > PRÉSENT > FUTURS POSSIBLES, the current phase marked. */
export interface PlanBand {
  separator: string;
  phases: { label: string; current: boolean }[];
}

/** The system-of-variables diagram: one block a family, the sheet's variable highlighted (none in a volume's front matter). */
export interface PlanDiagram {
  title: string;
  columns: number;
  families: {
    label: string;
    colours: FamilyColours;
    variables: { name: string; current: boolean }[];
  }[];
}

/**
 * Where a title stands in the document's outline (PDF bookmarks, Word's table of contents
 * and navigation pane): 1 for the top. A sheet alone starts at 1, a sheet in a volume
 * under its family's divider.
 */
export type OutlineLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** A part of a sheet: the trajectory, or a phase's section. */
export interface PlanSection {
  id: string;
  /** Where the table of contents points when it lists the parts. */
  anchor: string;
  /** Starts on a new page (layout's newPage choices). */
  newPage: boolean;
  /** The first section of its phase: the band stands above its question. */
  phaseStart: boolean;
  heading:
    | { kind: 'display'; text: string; level: OutlineLevel }
    | { kind: 'question'; text: string; level: OutlineLevel; band?: PlanBand };
  /** Level of the sub-headings of its body (heading3 in the outline). */
  bodyLevel: OutlineLevel;
  body: PlanNode[];
}

export interface PlanHypothesis {
  id: string;
  label: string;
  title: string;
  /** The title as inline text nodes, with its marks (its comments and changes in an export for review). */
  titleContent: PlanNode[];
  /** Starts its own continuation page (layout: microScenarios.hypothesisOnNewPage). */
  ownPage: boolean;
  angles: { id: string; label: string; body: PlanNode[] }[];
}

export interface PlanMicroScenarios {
  title: string;
  level: OutlineLevel;
  /** Heading of the pages after the first: « Micro-scénarios (suite) ». */
  continuationTitle: string;
  newPage: boolean;
  method: string[];
  familyNote: PlanNode[];
  hypotheses: PlanHypothesis[];
}

/** What a family's pages share: its number, name and colours. */
export interface PlanFamily {
  id: string;
  number: number;
  name: string;
  /** « 5. Évolutions technologiques » */
  label: string;
  colours: FamilyColours;
}

/** One sheet of the document, with everything its pages print. */
export interface PlanSheet {
  id: string;
  /** Anchor of its first page: bookmarks, links and the table of contents point at it. */
  anchor: string;
  family: PlanFamily;
  variableName: string;
  running: RunningValues;
  /** The family line and the title, then (a sheet alone) the standard text and the diagram. */
  opening: {
    familyLine: string;
    title: string;
    level: OutlineLevel;
    paragraphs: string[];
    diagram?: PlanDiagram;
  };
  sections: PlanSection[];
  /** Absent when its family's divider shows the family's micro-scenarios once. */
  microScenarios?: PlanMicroScenarios;
  /** Starts on a right-hand page (volume, layout's choice). */
  rightHand: boolean;
}

/** The volume's cover: from the repository's exercise and the user's title and date. */
export interface PlanCover {
  exercise: string;
  title: string;
  date: string;
  organisation: string;
  region: string;
}

/** The collection's standard opening text and the system-of-variables diagram, once. */
export interface PlanFront {
  paragraphs: string[];
  diagram: PlanDiagram;
}

/** An entry of the table of contents or of the list of figures, pointing at its anchor. */
export interface PlanEntry {
  level: 1 | 2 | 3;
  text: string;
  anchor: string;
}

export interface PlanContents {
  title: string;
  entries: PlanEntry[];
  /** The deepest level it lists: 2 (families and sheets) or 3 (their parts too). */
  depth: 2 | 3;
}

/** A family's divider page: its number and colour, its note, its shared micro-scenarios once. */
export interface PlanDivider {
  family: PlanFamily;
  anchor: string;
  /** « Famille 5 » */
  numberLabel: string;
  note: PlanNode[];
  microScenarios?: PlanMicroScenarios;
  running: RunningValues;
  rightHand: boolean;
}

export interface PlanFiguresList {
  title: string;
  anchor: string;
  entries: PlanEntry[];
  running: RunningValues;
}

/** The pieces of a document, in reading order; a sheet alone is one `sheet` piece. */
export type PlanPiece =
  | { kind: 'cover'; cover: PlanCover }
  | { kind: 'front'; front: PlanFront; running: RunningValues }
  | { kind: 'contents'; contents: PlanContents; running: RunningValues }
  | { kind: 'divider'; divider: PlanDivider }
  | { kind: 'sheet'; sheet: PlanSheet }
  | { kind: 'figures'; figures: PlanFiguresList };

export type PlanPieceKind = PlanPiece['kind'];

/** What the file says about itself: Word's core properties, the PDF's Info dictionary. */
export interface PlanMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  description: string;
  language: string;
  /** ISO 8601. */
  created: string;
  modified: string;
  /**
   * What the file was made from (Word's custom properties): the sheet, and the id of the
   * revision its content is (or was last recorded as), so that a reviewer's file can be
   * recognised, whatever syncs renumbered since; and when it shows its family's
   * micro-scenarios, the family and the id of the revision of theirs.
   */
  identity?: { sheet: string; revision?: string; family?: { id: string; revision: string } };
}

/** What an export for review carries besides the text. */
export interface PlanReview {
  /** Comment marks and the threads they anchor (« avec les commentaires »). */
  comments: boolean;
  /** Insertion and deletion marks (« avec les modifications depuis une version »). */
  changes: boolean;
}

/** A comment thread anchored in the document: its first comment, its replies, whether it is resolved. */
export interface PlanComment {
  id: string;
  author: string;
  /** ISO 8601. */
  date: string;
  text: string;
  resolved: boolean;
  replies: { id: string; author: string; date: string; text: string }[];
}

export interface ExportPlan {
  metadata: PlanMetadata;
  pieces: PlanPiece[];
  /** Every image the figures name, by asset id: its file in the repository (which may be absent or damaged). */
  assets: ReadonlyMap<string, string>;
  review: PlanReview;
  /** The threads whose anchors the document holds, in the order their anchors first appear. */
  comments: PlanComment[];
  /** Problems met while planning (a node of a hand-edited file that the schema does not know). */
  warnings: string[];
}
