import type { Paragraph, Table, TableOfContents } from 'docx';
import type { FamilyColours, Layout, TextRole } from '../../../../shared/model/layout.js';
import type { AssetContent } from '../../assets/verified-read.js';
import type { LoadedLayout } from '../layout/load-layout.js';
import type { ExportPlan, PlanFamily } from '../plan/types.js';
import type { RasterCache } from './images.js';
import type { WordReview } from './review.js';
import type { FamilyVariant } from './styles.js';

/** What every part of the Word serializer shares while it translates one plan. */
export interface RenderContext {
  plan: ExportPlan;
  loaded: LoadedLayout;
  layout: Layout;
  /** The document's families, in order (each after the first has its own variant of the coloured styles). */
  families: readonly PlanFamily[];
  /** Their variants of the coloured styles (styles.ts), the first family's excepted. */
  variants: readonly FamilyVariant[];
  /** The colours of the family whose pages are being written. */
  family: FamilyColours;
  /** The style id of each role on those pages (a volume's families have variants: styles.ts). */
  styles: Record<TextRole, string>;
  /** Reported in the export summary; the document is still produced. */
  warnings: string[];
  /** Each ordered list restarts at 1: one numbering instance a list. */
  nextListInstance: number;
  /** The images, read and checked against their hash. */
  assets: ReadonlyMap<string, AssetContent>;
  rasters: RasterCache;
  /** The plan's comments and tracked changes as Word writes them. */
  review: WordReview;
  /** Width of a column and of the page's text, in millimetres. */
  columnWidthMm: number;
  fullWidthMm: number;
}

/** A block of the document: in the body's columns, or across the page (its own one-column section). */
export interface Flow {
  child: Paragraph | Table;
  span: 'column' | 'full';
}

/** A block of a page: a flow, or the table of contents (which only stands on its own page, across it). */
export type PageFlow = Flow | { child: TableOfContents; span: 'full' };

/** Where a block sits decides its paragraph style and the width its images may take. */
export interface BlockScope {
  /** The style of plain paragraphs here (body, encadré text, angle text…). */
  paragraph: TextRole;
  /** Inside a list: its depth (0 for the outer list). */
  listLevel?: number;
  /** Width available to an image or a table, in millimetres. */
  widthMm: number;
  /** In an encadré or a table cell: everything flows in the box, nothing spans the page. */
  boxed: boolean;
}
