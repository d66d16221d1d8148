import { numberSheet, type Counts } from '../../../../shared/content/numbering.js';
import { familyColours } from '../../../../shared/model/layout.js';
import { loadVerifiedAssets } from '../../assets/verified-read.js';
import type { LoadedLayout } from '../layout/load-layout.js';
import type { PrintSheet } from '../sheet-input.js';
import type { ContentContext } from './content.js';
import { escapeHtml } from './escape.js';
import { runningValues } from '../running-values.js';
import { fontFaceRules } from './fonts.js';
import { printImages } from './images.js';
import { microScenariosHtml, type MicroStarts } from './micro.js';
import { openingHtml } from './opening.js';
import { pageRules } from './running.js';
import { sectionsHtml } from './sections.js';
import { printCss } from './styles.js';

/**
 * The print document of one sheet: a self-contained HTML page (styles, font and images
 * inside it) in the parts and order of the Word export, for Chromium to print as is. It
 * carries no script, and its policy lets it load nothing.
 */

const POLICY = "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'";

/** What the PDF says about itself (pdf/metadata.ts writes it into the file). */
export interface PrintMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  language: string;
}

export interface PrintDocument {
  html: string;
  metadata: PrintMetadata;
  /** Problems met while building it (missing images); the document is complete anyway. */
  warnings: string[];
}

function numberingStarts(print: PrintSheet): { sections: Map<string, Counts>; micro: MicroStarts } {
  const sections = new Map<string, Counts>();
  const angles = new Map<string, Counts>();
  let familyNote: Counts = { figure: 0, table: 0 };
  const parts = numberSheet(print.template, {
    sections: print.sheet.sections,
    familyNote: print.familyNote,
    scenarios: print.scenarios,
  });
  for (const { part, start } of parts) {
    if (part.kind === 'section') sections.set(part.section, start);
    else if (part.kind === 'family-note') familyNote = start;
    else angles.set(`${part.hypothesis}/${part.angle}`, start);
  }
  return { sections, micro: { familyNote, angles } };
}

export function metadataOf(print: PrintSheet, loaded: LoadedLayout): PrintMetadata {
  const { family, variable, repository, sheet } = print;
  return {
    title: variable.name,
    author: sheet.authors.length ? sheet.authors.join(', ') : repository.exercise.organisation,
    subject: `Fiche variable — ${family.number}. ${family.name} — ${repository.exercise.name}`,
    keywords: [variable.name, family.name, repository.exercise.name, repository.exercise.region],
    language: loaded.layout.language,
  };
}

/** Runs in a worker process (pdf/render.ts sends it there): hyphenating and encoding images take seconds for a long sheet. */
export async function buildPrintDocument(print: PrintSheet, loaded: LoadedLayout): Promise<PrintDocument> {
  const { layout } = loaded;
  const warnings: string[] = [];
  const context: ContentContext = {
    layout,
    images: printImages(loadVerifiedAssets(print.assets)),
    warnings,
    hyphenate: layout.hyphenation.enabled,
    roles: { paragraph: 'body', listItem: 'listItem' },
  };
  const starts = numberingStarts(print);
  const css = printCss({
    layout,
    family: familyColours(layout, print.family.id, print.familyIndex),
    pageRules: pageRules(layout, runningValues(print, layout)),
    fontFaces: await fontFaceRules(layout, loaded.fontFiles),
  });
  const metadata = metadataOf(print, loaded);
  const body = [
    openingHtml(print, layout, context),
    sectionsHtml(print, starts.sections, context),
    microScenariosHtml(print, starts.micro, context),
  ].join('\n');
  const html = `<!doctype html>
<html lang="${escapeHtml(layout.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<title>${escapeHtml(metadata.title)}</title>
<meta name="author" content="${escapeHtml(metadata.author)}">
<meta name="description" content="${escapeHtml(metadata.subject)}">
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
