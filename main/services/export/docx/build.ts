import {
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  SectionType,
  type Footer,
  type Header,
  type ISectionOptions,
} from 'docx';
import { formatFrenchDate } from '../../../../shared/dates.js';
import { noCounts } from '../../../../shared/content/numbering.js';
import { loadVerifiedAssets } from '../../assets/verified-read.js';
import { familyColours } from '../../../../shared/model/layout.js';
import type { LoadedLayout } from '../layout/load-layout.js';
import type { PrintSheet } from '../sheet-input.js';
import { listNumbering } from './blocks.js';
import type { Flow, RenderContext } from './context.js';
import type { RasterCache } from './images.js';
import { renderOpening } from './opening.js';
import { coreXml, embeddedFonts, fontTableXml, type CoreProperties } from './package-parts.js';
import { renderMicroScenarios, renderSections, type Part } from './parts.js';
import { reviewProperties } from './review-properties.js';
import { continuationHeader, runningFooter, runningHeader } from './running.js';
import { documentStyles } from './styles.js';
import { columnWidths, twipsFromMm } from './units.js';

/**
 * One sheet as a .docx in the layout's look. The body runs in columns; whatever spans the
 * page (opening, bands, encadrés, full-width figures) sits in a one-column section between
 * continuous section breaks, so Word and LibreOffice keep the columns balanced around it.
 */

interface WordSection {
  columns: number;
  children: Flow['child'][];
  newPage: boolean;
  scenarios: boolean;
}

function toWordSections(parts: Part[], columns: number): WordSection[] {
  const sections: WordSection[] = [];
  for (const part of parts) {
    part.flows.forEach((flow, index) => {
      const count = flow.span === 'full' ? 1 : columns;
      const startsPage = index === 0 && part.newPage;
      const last = sections[sections.length - 1];
      const sameRun = last && last.columns === count && last.scenarios === Boolean(part.scenarios);
      if (sameRun && !startsPage) last.children.push(flow.child);
      else {
        sections.push({
          columns: count,
          children: [flow.child],
          newPage: startsPage,
          scenarios: Boolean(part.scenarios),
        });
      }
    });
  }
  return sections;
}

/**
 * Word balances columns only at a continuous section break: a body in columns that ends
 * the document or a part before a new page gets one after it, holding a hairline paragraph.
 */
function balanced(sections: WordSection[]): WordSection[] {
  return sections.flatMap((section, index) => {
    const next = sections[index + 1];
    if (section.columns === 1 || (next && !next.newPage)) return [section];
    const hairline = new Paragraph({
      spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT },
    });
    return [section, { columns: 1, children: [hairline], newPage: false, scenarios: section.scenarios }];
  });
}

function sectionOptions(
  sections: WordSection[],
  ctx: RenderContext,
  running: { header: Header; footer: Footer; continuation: Header },
): ISectionOptions[] {
  const { page, columns } = ctx.layout;
  const properties = {
    page: {
      size: { width: twipsFromMm(page.widthMm), height: twipsFromMm(page.heightMm) },
      margin: {
        top: twipsFromMm(page.margins.topMm),
        right: twipsFromMm(page.margins.rightMm),
        bottom: twipsFromMm(page.margins.bottomMm),
        left: twipsFromMm(page.margins.leftMm),
        header: twipsFromMm(page.headerMm),
        footer: twipsFromMm(page.footerMm),
      },
    },
  };
  let scenariosStarted = false;
  return sections.map((section, index) => {
    const firstOfScenarios = section.scenarios && !scenariosStarted;
    scenariosStarted ||= section.scenarios;
    return {
      properties: {
        ...properties,
        type: index === 0 || section.newPage ? SectionType.NEXT_PAGE : SectionType.CONTINUOUS,
        column: { count: section.columns, space: twipsFromMm(columns.gapMm), equalWidth: true },
        ...(firstOfScenarios ? { titlePage: true } : {}),
      },
      ...(index === 0 ? { headers: { default: running.header }, footers: { default: running.footer } } : {}),
      // The micro-scenarios' first page keeps the running header; the pages after it say « (suite) ».
      ...(firstOfScenarios
        ? {
            headers: { first: running.header, default: running.continuation },
            footers: { first: running.footer, default: running.footer },
          }
        : {}),
      children: section.children,
    };
  });
}

const w3cdtf = (iso: string): string => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

function coreProperties(print: PrintSheet, language: string): CoreProperties {
  const { exercise } = print.repository;
  const title = print.variable.name;
  const family = `${print.family.number}. ${print.family.name}`;
  return {
    title,
    subject: `${family} — ${exercise.name}`,
    creator: print.sheet.authors.join(', ') || exercise.organisation,
    keywords: ['fiche variable', print.family.name, title, exercise.name].join('; '),
    description: print.revision
      ? `Fiche variable, version n°\u00a0${print.revision.seq} du ${formatFrenchDate(print.revision.at, { timeZone: 'Europe/Paris' })}`
      : 'Fiche variable',
    language,
    created: w3cdtf(print.sheet.createdAt),
    modified: w3cdtf(print.revision?.at ?? print.sheet.updatedAt),
  };
}

/**
 * Runs in a worker process (docx/render.ts sends it there): building the XML, hashing the
 * images and zipping the package take seconds for a sheet with large images. `rasters`
 * holds the PNG fallbacks of its SVGs, rendered beforehand, each in a job of its own.
 */
export async function buildDocx(
  print: PrintSheet,
  loaded: LoadedLayout,
  rasters: RasterCache = new Map(),
): Promise<{ bytes: Buffer; warnings: string[] }> {
  const { layout } = loaded;
  const widths = columnWidths(layout);
  const ctx: RenderContext = {
    print,
    loaded,
    layout,
    family: familyColours(layout, print.family.id, print.familyIndex),
    warnings: [],
    counts: noCounts(),
    nextListInstance: 1,
    assets: loadVerifiedAssets(print.assets),
    rasters,
    columnWidthMm: widths.column,
    fullWidthMm: widths.full,
  };
  const parts: Part[] = [
    // The diagram is a table: a paragraph after it keeps it off the next section break.
    { flows: [...renderOpening(ctx), { child: new Paragraph({}), span: 'full' }], newPage: false },
    ...(await renderSections(ctx)),
    await renderMicroScenarios(ctx),
  ];
  const running = {
    header: runningHeader(ctx),
    footer: runningFooter(ctx),
    continuation: continuationHeader(ctx),
  };
  const properties = coreProperties(print, layout.language);
  const document = new Document({
    title: properties.title,
    subject: properties.subject,
    creator: properties.creator,
    keywords: properties.keywords,
    description: properties.description,
    customProperties: reviewProperties(print),
    styles: documentStyles(ctx),
    numbering: listNumbering(layout),
    fonts: await embeddedFonts(loaded),
    theme: { fonts: { headings: layout.font.family, body: layout.font.family } },
    hyphenation: {
      autoHyphenation: layout.hyphenation.enabled,
      hyphenationZone: twipsFromMm(layout.hyphenation.zoneMm),
      consecutiveHyphenLimit: layout.hyphenation.maxConsecutive,
      doNotHyphenateCaps: true,
    },
    sections: sectionOptions(balanced(toWordSections(parts, layout.columns.count)), ctx, running),
  });
  const bytes = await Packer.toBuffer(document, false, [
    { path: 'word/fontTable.xml', data: fontTableXml(document, loaded) },
    { path: 'docProps/core.xml', data: coreXml(properties) },
  ]);
  return { bytes, warnings: ctx.warnings };
}
