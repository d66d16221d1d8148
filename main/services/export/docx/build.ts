import { Document, Footer, Packer, Paragraph } from 'docx';
import { loadVerifiedAssets } from '../../assets/verified-read.js';
import type { LoadedLayout } from '../layout/load-layout.js';
import { planOfSheet } from '../plan/build.js';
import type { ExportPlan, PlanFamily, PlanMetadata, PlanPiece, PlanSheet } from '../plan/types.js';
import { withOwnedWarnings } from '../plan/warnings.js';
import type { RunningValues } from '../running-values.js';
import type { PrintSheet } from '../sheet-input.js';
import { listNumbering } from './blocks.js';
import type { RenderContext } from './context.js';
import { stylesPart } from './hyphenation.js';
import type { RasterCache } from './images.js';
import { renderOpening } from './opening.js';
import { coreXml, embeddedFonts, fontTableXml, type CoreProperties } from './package-parts.js';
import { piecewisePageNumbers } from './page-numbers.js';
import { renderMicroScenarios, renderSections, type Part } from './parts.js';
import { reviewProperties } from './review-properties.js';
import { WordReview } from './review.js';
import { continuationHeader, emptyHeader, runningFooter, runningHeader } from './running.js';
import { wordSections, type WordPiece } from './sections.js';
import { documentStyles, styleIds, type FamilyVariant } from './styles.js';
import { contentsPart, coverPart, dividerParts, figuresPart, frontPart } from './volume.js';
import { columnWidths, twipsFromMm } from './units.js';

/**
 * The Word serializer of an export plan (plan/types.ts): it translates the plan's pieces
 * into Word sections in the layout's look and decides nothing the plan says (texts,
 * numbers, order, page breaks).
 */

const w3cdtf = (iso: string): string => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

function coreProperties(metadata: PlanMetadata): CoreProperties {
  return {
    title: metadata.title,
    subject: metadata.subject,
    creator: metadata.author,
    keywords: metadata.keywords.join('; '),
    description: metadata.description,
    language: metadata.language,
    created: w3cdtf(metadata.created),
    modified: w3cdtf(metadata.modified),
  };
}

async function sheetPiece(sheet: PlanSheet, ctx: RenderContext): Promise<WordPiece> {
  onFamilyPages(sheet.family, ctx);
  const parts: Part[] = [
    // The diagram is a table: a paragraph after it keeps it off the next section break.
    { flows: [...renderOpening(sheet, ctx), { child: new Paragraph({}), span: 'full' }], newPage: false },
    ...(await renderSections(sheet.sections, ctx)),
    ...(sheet.microScenarios ? [await renderMicroScenarios(sheet.microScenarios, ctx)] : []),
  ];
  return {
    parts,
    rightHand: sheet.rightHand,
    running: {
      header: runningHeader(sheet.running, ctx),
      footer: runningFooter(sheet.running, ctx),
      ...(sheet.microScenarios
        ? { continuation: continuationHeader(sheet.microScenarios.continuationTitle, sheet.running, ctx) }
        : {}),
    },
  };
}

/** The volume's own pages: no running header; a footer (page numbers run through), but on the cover. */
function ownPages(parts: Part[], running: RunningValues | undefined, ctx: RenderContext): WordPiece {
  const footer = running ? runningFooter(running, ctx) : new Footer({ children: [new Paragraph({})] });
  return { parts, rightHand: false, running: { header: emptyHeader(), footer } };
}

/** Keyed by piece kind: a kind added to the plan without a Word form is a compile error. */
const pieceSerializers: {
  [K in PlanPiece['kind']]: (
    piece: Extract<PlanPiece, { kind: K }>,
    ctx: RenderContext,
  ) => Promise<WordPiece>;
} = {
  cover: async (piece, ctx) => ownPages([coverPart(piece.cover, ctx)], undefined, ctx),
  front: async (piece, ctx) => ownPages([frontPart(piece.front, ctx)], piece.running, ctx),
  contents: async (piece, ctx) => ownPages([contentsPart(piece.contents, ctx)], piece.running, ctx),
  divider: async ({ divider }, ctx) => {
    onFamilyPages(divider.family, ctx);
    const piece = ownPages(await dividerParts(divider, ctx), divider.running, ctx);
    const continuation = divider.microScenarios
      ? continuationHeader(divider.microScenarios.continuationTitle, divider.running, ctx)
      : undefined;
    return {
      ...piece,
      rightHand: divider.rightHand,
      running: { ...piece.running, ...(continuation ? { continuation } : {}) },
    };
  },
  sheet: (piece, ctx) => sheetPiece(piece.sheet, ctx),
  figures: async (piece, ctx) => ownPages([figuresPart(piece.figures, ctx)], piece.figures.running, ctx),
};

function serializePiece(piece: PlanPiece, ctx: RenderContext): Promise<WordPiece> {
  const serialize = pieceSerializers[piece.kind] as (
    piece: PlanPiece,
    ctx: RenderContext,
  ) => Promise<WordPiece>;
  return serialize(piece, ctx);
}

/** The families of the document in order; each after the first has its variant of the coloured styles. */
function familiesOf(plan: ExportPlan): PlanFamily[] {
  const families = new Map<string, PlanFamily>();
  for (const piece of plan.pieces) {
    const family =
      piece.kind === 'sheet'
        ? piece.sheet.family
        : piece.kind === 'divider'
          ? piece.divider.family
          : undefined;
    if (family && !families.has(family.id)) families.set(family.id, family);
  }
  const list = [...families.values()];
  if (list.length === 0) throw new Error('an export plan holds at least one sheet');
  return list;
}

function variantOf(families: readonly PlanFamily[], family: PlanFamily): FamilyVariant | undefined {
  const index = families.findIndex((candidate) => candidate.id === family.id);
  return index > 0 ? { suffix: `F${index}`, colours: family.colours } : undefined;
}

/** The pages of `family` follow: its colours, its styles. */
function onFamilyPages(family: PlanFamily, ctx: RenderContext): void {
  ctx.family = family.colours;
  ctx.styles = styleIds(ctx.layout, variantOf(ctx.families, family));
}

/**
 * Runs in a worker process (docx/render.ts sends it there): building the XML, hashing the
 * images and zipping the package take seconds for a sheet with large images. `rasters`
 * holds the PNG fallbacks of its SVGs, rendered beforehand, each in a job of its own.
 */
export async function docxFromPlan(
  plan: ExportPlan,
  loaded: LoadedLayout,
  rasters: RasterCache = new Map(),
): Promise<{ bytes: Buffer; warnings: string[] }> {
  const { layout } = loaded;
  const widths = columnWidths(layout);
  const families = familiesOf(plan);
  const [first] = families as [PlanFamily, ...PlanFamily[]];
  const ctx: RenderContext = {
    plan,
    loaded,
    layout,
    families,
    variants: families.flatMap((family) => variantOf(families, family) ?? []),
    family: first.colours,
    styles: styleIds(layout),
    warnings: [...plan.warnings],
    nextListInstance: 1,
    assets: loadVerifiedAssets(plan.assets),
    rasters,
    review: new WordReview(plan),
    columnWidthMm: widths.column,
    fullWidthMm: widths.full,
  };
  const pieces: WordPiece[] = [];
  for (const piece of plan.pieces)
    pieces.push(await withOwnedWarnings(plan, piece, ctx.warnings, () => serializePiece(piece, ctx)));
  const closing = ctx.review.closeAll();
  if (closing) pieces.at(-1)?.parts.at(-1)?.flows.push({ child: closing, span: 'column' });
  const properties = coreProperties(plan.metadata);
  const styles = documentStyles({ layout, family: first.colours, variants: ctx.variants });
  const hasContents = plan.pieces.some((piece) => piece.kind === 'contents');
  const document = new Document({
    title: properties.title,
    subject: properties.subject,
    creator: properties.creator,
    keywords: properties.keywords,
    description: properties.description,
    customProperties: reviewProperties(plan.metadata.identity),
    ...(plan.comments.length ? { comments: { children: ctx.review.comments() } } : {}),
    styles,
    numbering: listNumbering(layout),
    fonts: await embeddedFonts(loaded),
    theme: { fonts: { headings: layout.font.family, body: layout.font.family } },
    hyphenation: {
      autoHyphenation: layout.hyphenation.enabled,
      hyphenationZone: twipsFromMm(layout.hyphenation.zoneMm),
      consecutiveHyphenLimit: layout.hyphenation.maxConsecutive,
      doNotHyphenateCaps: true,
    },
    sections: wordSections(pieces, layout),
    // The table of contents and the list of figures are written with their page numbers, laid
    // out as Word would (docx/layout), piece by piece (page-numbers.ts). Written clean: Word
    // does not ask to update.
    ...(hasContents ? { pageNumbers: piecewisePageNumbers() } : {}),
  });
  const bytes = await Packer.toBuffer(document, false, [
    { path: 'word/styles.xml', data: await stylesPart(styles) },
    { path: 'word/fontTable.xml', data: fontTableXml(document, loaded) },
    { path: 'docProps/core.xml', data: coreXml(properties) },
  ]);
  return { bytes, warnings: ctx.warnings };
}

/** One sheet as a .docx: the plan of a one-sheet volume without cover, serialized. */
export function buildDocx(
  print: PrintSheet,
  loaded: LoadedLayout,
  rasters: RasterCache = new Map(),
): Promise<{ bytes: Buffer; warnings: string[] }> {
  return docxFromPlan(planOfSheet(print, loaded), loaded, rasters);
}
