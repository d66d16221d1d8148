import {
  resolveColour,
  textRoles,
  type ColourRef,
  type FamilyColours,
  type Layout,
  type TextStyle,
} from '../../../../shared/model/layout.js';
import { cssString } from './escape.js';

/**
 * The print document's style sheet, every value from the layout template. Colours that
 * follow the family are CSS variables, so a block of the system-of-variables diagram takes
 * its own family's colour by setting them.
 */

const FAMILY_VARIABLES: FamilyColours = { main: 'var(--family)', tint: 'var(--family-tint)' };

export function colourOf(layout: Layout, ref: ColourRef): string {
  return resolveColour(layout, ref, FAMILY_VARIABLES);
}

/** The declarations of one text style. */
export function styleDeclarations(layout: Layout, style: TextStyle): string {
  const declarations = [
    `font-size: ${style.sizePt}pt`,
    `font-weight: ${style.bold ? 700 : 400}`,
    `font-style: ${style.italic ? 'italic' : 'normal'}`,
    `color: ${colourOf(layout, style.colour)}`,
    `text-transform: ${style.uppercase ? 'uppercase' : 'none'}`,
    `letter-spacing: ${style.letterSpacingPt}pt`,
    `line-height: ${style.lineHeight}`,
    `margin: ${style.spaceBeforePt}pt 0 ${style.spaceAfterPt}pt`,
    `text-align: ${style.align}`,
  ];
  if (style.background) {
    declarations.push(`background-color: ${colourOf(layout, style.background)}`, 'padding: 1.5pt 4pt');
  }
  return declarations.join('; ');
}

/** Generic families are keywords: quoted, they would name a font called « sans-serif ». */
const GENERIC_FAMILIES = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui']);

function fontStack(layout: Layout): string {
  return [layout.font.family, ...layout.font.cssFallback]
    .map((family) => (GENERIC_FAMILIES.has(family) ? family : cssString(family)))
    .join(', ');
}

function roleRules(layout: Layout): string {
  return textRoles
    .map((role) => `.r-${role} { ${styleDeclarations(layout, layout.styles[role])}; }`)
    .join('\n');
}

/** Page, columns, blocks and breaks: what the text styles do not say. */
function blockRules(layout: Layout): string {
  const { page, columns, colours } = layout;
  const rule = colours.rule;
  return `
html { font-family: ${fontStack(layout)}; color: ${colours.text}; font-size: ${layout.styles.body.sizePt}pt;
  hyphens: manual; font-kerning: normal; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
/* The document is only ever printed, and printing lays it out anew for its pages: on screen it
   lays out nothing, so loading a long volume costs no layout for nothing. */
@media screen { body { display: none; } }
/* A word wider than its column breaks rather than overflow it; unlike « anywhere », « break-word »
   leaves a table column at least as wide as its longest word (« Anné/e » otherwise). */
p, li, td, th, figcaption, h1, h2, h3, h4, a { overflow-wrap: break-word; }
p, h1, h2, h3, h4, ul, ol, blockquote, figure { margin-left: 0; margin-right: 0; }
.columns { column-count: ${columns.count}; column-gap: ${columns.gapMm}mm; }
.columns p, .columns li { text-align-last: start; }
.figure-full, .table-figure.full, .encadre, .band, .question-block { column-span: all; }
ul, ol { padding-left: 12pt; margin-top: 0; }
ul { list-style: none; }
ul > li { position: relative; }
ul > li::before { content: var(--bullet); position: absolute; left: -10pt; color: var(--family); }
blockquote { margin: 0 0 0 0; padding-left: 8pt; border-left: 1.5pt solid var(--family-tint); }
a { color: var(--family); text-decoration: underline; }
h1, h2, h3, h4, .band, .display-title, .question, .caption, .hypothesis-label, .scenario-title,
.angle-label, .family-line, .encadre-title { break-after: avoid; break-inside: avoid; }
figure { break-inside: avoid; margin: 4pt 0 8pt; }
.figure-image img { display: block; max-width: 100%; max-height: ${layout.figures.maxHeightMm}mm; margin: 0 auto; }
.figure-missing { display: flex; align-items: center; justify-content: center; height: 28mm;
  border: 1pt dashed ${colours.muted}; color: ${colours.muted}; font-style: italic; }
.caption-label { white-space: nowrap; }
.table-figure table { width: 100%; border-collapse: collapse; }
.table-figure th, .table-figure td { border-bottom: 0.5pt solid ${rule}; padding: 2pt 3pt; vertical-align: top; text-align: left; }
.table-figure th { border-bottom: 1pt solid var(--family); color: var(--family); }
.table-figure td p, .table-figure th p { margin: 0; text-align: left; }
.encadre { break-inside: avoid; background-color: ${colourOf(layout, layout.encadre.background)};
  border-left: 2.5pt solid ${colourOf(layout, layout.encadre.border)}; padding: ${layout.encadre.paddingPt}pt;
  margin: 6pt 0 10pt; }
.encadre > :last-child { margin-bottom: 0; }
.band .phase-current { color: ${colourOf(layout, layout.band.currentColour)}; }
.band .phase-other { color: ${colourOf(layout, layout.band.otherColour)}; font-weight: 400; }
.band .phase-separator { font-weight: 400; }
.band { padding: 3pt 6pt; }
.question-block { break-inside: avoid; break-after: avoid; }
/* The plan decides which parts start a page (layout's newPage choices). */
.new-page, .micro-continued { break-before: page; }
.hypothesis { border-top: 0.75pt solid ${rule}; padding-top: 2pt; margin-top: 10pt; }
.hypothesis:first-of-type { border-top: none; }
.hypothesis-label { display: inline-block; }
.diagram { display: grid; grid-template-columns: repeat(${layout.diagram.columns}, 1fr);
  gap: ${layout.diagram.gapMm}mm; break-inside: avoid; margin: 4pt 0 10pt; }
.diagram-block { border: 0.75pt solid var(--family); break-inside: avoid; }
.diagram-block .r-diagramFamily { display: block; margin: 0; padding: 3pt 4pt; background-color: var(--family); }
.diagram-block ul { list-style: none; padding: 3pt 4pt 4pt; margin: 0; }
.diagram-block li::before { content: none; }
.diagram-block li { padding: 0.5pt 2pt; }
.opening { margin-bottom: 6pt; }
@page { size: ${page.widthMm}mm ${page.heightMm}mm;
  margin: ${page.margins.topMm}mm ${page.margins.rightMm}mm ${page.margins.bottomMm}mm ${page.margins.leftMm}mm; }
`;
}

export interface PrintStyleInput {
  layout: Layout;
  family: FamilyColours;
  /** The running header and footer, as margin-box rules (running.ts). */
  pageRules: string;
  /** The @font-face rules of the shipped font (fonts.ts). */
  fontFaces: string;
}

export function printCss({ layout, family, pageRules, fontFaces }: PrintStyleInput): string {
  return [
    fontFaces,
    `:root { --family: ${family.main}; --family-tint: ${family.tint}; }`,
    blockRules(layout),
    roleRules(layout),
    pageRules,
  ].join('\n');
}
