import { LineRuleType, Paragraph, SectionType, type Footer, type Header, type ISectionOptions } from 'docx';
import type { Layout } from '../../../../shared/model/layout.js';
import type { PageFlow } from './context.js';
import type { Part } from './parts.js';
import { twipsFromMm } from './units.js';

/**
 * The Word sections of a document. The body runs in columns; whatever spans the page
 * (opening, bands, encadrés, full-width figures) sits in a one-column section between
 * continuous section breaks, so Word and LibreOffice keep the columns balanced around it.
 * Each piece of the document (a sheet, a divider, the cover) brings its running header and
 * footer, which its first section sets and the following ones inherit.
 */

/** The running lines of a piece's pages; `continuation` heads the micro-scenarios' pages after their first. */
export interface Running {
  header: Header;
  footer: Footer;
  continuation?: Header;
}

/** A piece of the document as Word sees it: its parts, its running lines, where it starts. */
export interface WordPiece {
  parts: Part[];
  running: Running;
  /** Starts on a right-hand (odd) page. */
  rightHand: boolean;
}

interface WordSection {
  columns: number;
  children: PageFlow['child'][];
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
 * the piece or a part before a new page gets one after it, holding a hairline paragraph.
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

function pageProperties(layout: Layout) {
  const { page } = layout;
  return {
    size: { width: twipsFromMm(page.widthMm), height: twipsFromMm(page.heightMm) },
    margin: {
      top: twipsFromMm(page.margins.topMm),
      right: twipsFromMm(page.margins.rightMm),
      bottom: twipsFromMm(page.margins.bottomMm),
      left: twipsFromMm(page.margins.leftMm),
      header: twipsFromMm(page.headerMm),
      footer: twipsFromMm(page.footerMm),
    },
  };
}

function pieceSections(piece: WordPiece, first: boolean, layout: Layout): ISectionOptions[] {
  const { running } = piece;
  const page = pageProperties(layout);
  let scenariosStarted = false;
  return balanced(toWordSections(piece.parts, layout.columns.count)).map((section, index) => {
    const firstOfScenarios = section.scenarios && !scenariosStarted && running.continuation !== undefined;
    scenariosStarted ||= section.scenarios;
    const starts = index === 0;
    const type = starts
      ? piece.rightHand
        ? SectionType.ODD_PAGE
        : SectionType.NEXT_PAGE
      : section.newPage
        ? SectionType.NEXT_PAGE
        : SectionType.CONTINUOUS;
    return {
      properties: {
        page,
        type: first && starts ? SectionType.NEXT_PAGE : type,
        column: { count: section.columns, space: twipsFromMm(layout.columns.gapMm), equalWidth: true },
        ...(firstOfScenarios ? { titlePage: true } : {}),
      },
      ...(starts ? { headers: { default: running.header }, footers: { default: running.footer } } : {}),
      // The micro-scenarios' first page keeps the running header; the pages after it say « (suite) ».
      ...(firstOfScenarios && running.continuation
        ? {
            headers: { first: running.header, default: running.continuation },
            footers: { first: running.footer, default: running.footer },
          }
        : {}),
      children: section.children,
    };
  });
}

/** The document's sections, piece after piece; page numbers run through them all. */
export function wordSections(pieces: readonly WordPiece[], layout: Layout): ISectionOptions[] {
  return pieces.flatMap((piece, index) => pieceSections(piece, index === 0, layout));
}
