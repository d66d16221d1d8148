import { loadVerifiedAssets } from '../../assets/verified-read.js';
import type { LoadedLayout } from '../layout/load-layout.js';
import { planOfSheet } from '../plan/build.js';
import type { ExportPlan, PlanMetadata, PlanPiece, PlanSheet } from '../plan/types.js';
import type { PrintSheet } from '../sheet-input.js';
import type { ContentContext } from './content.js';
import { escapeHtml } from './escape.js';
import { fontFaceRules } from './fonts.js';
import { printImages } from './images.js';
import { microScenariosHtml } from './micro.js';
import { openingHtml } from './opening.js';
import { pageRules } from './running.js';
import { sectionsHtml } from './sections.js';
import { printCss } from './styles.js';

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

function sheetHtml(sheet: PlanSheet, context: ContentContext): string {
  const { colours } = sheet.family;
  // Colours are #RRGGBB checked by the layout schema: safe inside the attribute.
  return `<article class="sheet" id="${escapeHtml(sheet.anchor)}" style="--family: ${colours.main}; --family-tint: ${colours.tint}">
${openingHtml(sheet, context)}
${sectionsHtml(sheet.sections, context)}
${sheet.microScenarios ? microScenariosHtml(sheet.microScenarios, context) : ''}
</article>`;
}

/** Keyed by piece kind: a kind added to the plan without a print form is a compile error. */
const pieceSerializers: {
  [K in PlanPiece['kind']]: (piece: Extract<PlanPiece, { kind: K }>, context: ContentContext) => string;
} = {
  sheet: (piece, context) => sheetHtml(piece.sheet, context),
};

function pieceHtml(piece: PlanPiece, context: ContentContext): string {
  const serialize = pieceSerializers[piece.kind] as (piece: PlanPiece, context: ContentContext) => string;
  return serialize(piece, context);
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
    pageRules: pageRules(layout, first.running),
    fontFaces: await fontFaceRules(layout, loaded.fontFiles),
  });
  const { metadata } = plan;
  const body = plan.pieces.map((piece) => pieceHtml(piece, context)).join('\n');
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

/** One sheet's print document: the plan of a one-sheet volume without cover, serialized. */
export function buildPrintDocument(print: PrintSheet, loaded: LoadedLayout): Promise<PrintDocument> {
  return printDocumentFromPlan(planOfSheet(print, loaded), loaded);
}
