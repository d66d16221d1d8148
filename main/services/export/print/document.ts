import { loadVerifiedAssets } from '../../assets/verified-read.js';
import type { LoadedLayout } from '../layout/load-layout.js';
import { planOfSheet } from '../plan/build.js';
import { planOfVolume, type VolumeRequest } from '../plan/volume.js';
import type { ExportPlan, PlanMetadata, PlanPiece, PlanSheet } from '../plan/types.js';
import { withOwnedWarnings } from '../plan/warnings.js';
import type { PrintSheet } from '../sheet-input.js';
import type { ContentContext } from './content.js';
import { escapeHtml } from './escape.js';
import { fontFaceRules } from './fonts.js';
import { printImages } from './images.js';
import { microScenariosHtml } from './micro.js';
import { openingHtml } from './opening.js';
import { namedPageRules, pageRules } from './running.js';
import { sectionsHtml } from './sections.js';
import { printCss } from './styles.js';
import { contentsHtml, coverHtml, dividerHtml, figuresListHtml, frontHtml, volumeCss } from './volume.js';
import type { FamilyColours, Layout } from '../../../../shared/model/layout.js';

/**
 * The print-HTML serializer of an export plan (plan/types.ts): a self-contained HTML page
 * (styles, font and images inside it) in the plan's parts and order, for Chromium to print
 * as is. It decides nothing the plan says. It carries no script, and its policy lets it
 * load nothing.
 */

const POLICY = "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'";

/** What the PDF says about itself (pdf/metadata.ts writes it into the file): the plan's. */
export type PrintMetadata = PlanMetadata;

export interface PrintDocument {
  html: string;
  metadata: PrintMetadata;
  /** Problems met while building it (missing images); the document is complete anyway. */
  warnings: string[];
}

/** A piece's wrapper: its page name (its running lines), its family's colours, its anchor. */
function pieceHtml(
  inner: string,
  options: { page: string; colours?: FamilyColours; anchor?: string; rightHand?: boolean },
): string {
  // Colours are #RRGGBB checked by the layout schema: safe inside the attribute.
  const colours = options.colours
    ? `; --family: ${options.colours.main}; --family-tint: ${options.colours.tint}`
    : '';
  const id = options.anchor ? ` id="${escapeHtml(options.anchor)}"` : '';
  return `<article class="piece${options.rightHand ? ' right-hand' : ''}"${id} style="page: ${options.page}${colours}">
${inner}
</article>`;
}

function sheetHtml(sheet: PlanSheet, context: ContentContext): string {
  return pieceHtml(
    `${openingHtml(sheet, context)}
${sectionsHtml(sheet.sections, context)}
${sheet.microScenarios ? microScenariosHtml(sheet.microScenarios, context) : ''}`,
    {
      page: pageName(sheet.anchor),
      colours: sheet.family.colours,
      anchor: sheet.anchor,
      rightHand: sheet.rightHand,
    },
  );
}

/** A CSS page name for an anchor (an identifier: letters, digits, hyphens). */
const pageName = (anchor: string) => `p-${anchor.replace(/[^A-Za-z0-9-]/g, '-')}`;
/** The pages of a divider's micro-scenarios after its first: with the running header. */
const continuedPageName = (anchor: string) => `${pageName(anchor)}-suite`;

/** Keyed by piece kind: a kind added to the plan without a print form is a compile error. */
const pieceSerializers: {
  [K in PlanPiece['kind']]: (piece: Extract<PlanPiece, { kind: K }>, context: ContentContext) => string;
} = {
  cover: (piece) =>
    pieceHtml(`<section class="cover">${coverHtml(piece.cover)}</section>`, { page: 'volume-cover' }),
  front: (piece, context) => pieceHtml(frontHtml(piece.front, context), { page: 'volume' }),
  contents: (piece) => pieceHtml(contentsHtml(piece.contents), { page: 'volume' }),
  divider: ({ divider }, context) =>
    pieceHtml(dividerHtml(divider, context, continuedPageName(divider.anchor)), {
      page: pageName(divider.anchor),
      colours: divider.family.colours,
      anchor: divider.anchor,
      rightHand: divider.rightHand,
    }),
  sheet: (piece, context) => sheetHtml(piece.sheet, context),
  figures: (piece) => pieceHtml(figuresListHtml(piece.figures), { page: 'volume' }),
};

function serializePiece(piece: PlanPiece, context: ContentContext): string {
  const serialize = pieceSerializers[piece.kind] as (piece: PlanPiece, context: ContentContext) => string;
  return serialize(piece, context);
}

/** The running lines of each piece's pages (a sheet alone: the sheet's). */
function runningRules(plan: ExportPlan, layout: Layout): string {
  if (plan.pieces.length === 1) return pageRules(layout, firstSheet(plan).running);
  return plan.pieces
    .map((piece) => {
      switch (piece.kind) {
        case 'sheet':
          return namedPageRules(layout, pageName(piece.sheet.anchor), piece.sheet.running, true);
        case 'divider':
          return [
            namedPageRules(layout, pageName(piece.divider.anchor), piece.divider.running, false),
            namedPageRules(layout, continuedPageName(piece.divider.anchor), piece.divider.running, true),
          ].join('\n');
        case 'cover':
          return '@page volume-cover { }';
        case 'figures':
          return namedPageRules(layout, 'volume', piece.figures.running, false);
        case 'front':
        case 'contents':
          return namedPageRules(layout, 'volume', piece.running, false);
      }
    })
    .join('\n');
}

function firstSheet(plan: ExportPlan): PlanSheet {
  const first = plan.pieces.find((piece) => piece.kind === 'sheet');
  if (!first) throw new Error('an export plan holds at least one sheet');
  return first.sheet;
}

/** Runs in a worker process (pdf/render.ts sends it there): hyphenating and encoding images take seconds for a long sheet. */
export async function printDocumentFromPlan(plan: ExportPlan, loaded: LoadedLayout): Promise<PrintDocument> {
  const { layout } = loaded;
  const warnings: string[] = [...plan.warnings];
  const context: ContentContext = {
    layout,
    images: printImages(loadVerifiedAssets(plan.assets)),
    warnings,
    hyphenate: layout.hyphenation.enabled,
    roles: { paragraph: 'body', listItem: 'listItem' },
  };
  const first = firstSheet(plan);
  const css = printCss({
    layout,
    family: first.family.colours,
    pageRules: `${runningRules(plan, layout)}${plan.pieces.length > 1 ? volumeCss : ''}`,
    fontFaces: await fontFaceRules(layout, loaded.fontFiles),
  });
  const { metadata } = plan;
  const pieces: string[] = [];
  for (const piece of plan.pieces)
    pieces.push(await withOwnedWarnings(plan, piece, warnings, () => serializePiece(piece, context)));
  const body = pieces.join('\n');
  const html = `<!doctype html>
<html lang="${escapeHtml(metadata.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<title>${escapeHtml(metadata.title)}</title>
<meta name="author" content="${escapeHtml(metadata.author)}">
<meta name="description" content="${escapeHtml(metadata.subject)}">
<meta name="keywords" content="${escapeHtml(metadata.keywords.join(', '))}">
<style>
${css}
</style>
</head>
<body>
${body}
</body>
</html>
`;
  return { html, metadata, warnings };
}

/** The collection's print document (plan/volume.ts). */
export function volumePrintDocument(volume: VolumeRequest, loaded: LoadedLayout): Promise<PrintDocument> {
  return printDocumentFromPlan(planOfVolume(volume, loaded), loaded);
}

/** One sheet's print document: the plan of a one-sheet volume without cover, serialized. */
export function buildPrintDocument(print: PrintSheet, loaded: LoadedLayout): Promise<PrintDocument> {
  return printDocumentFromPlan(planOfSheet(print, loaded), loaded);
}
