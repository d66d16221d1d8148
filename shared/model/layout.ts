import { z } from 'zod';
import { numberStyles } from '../content/lists.js';
import { idSchema } from './ids.js';

/**
 * The print layout as data (templates/layout.json, or a repository's own layout.json):
 * page, columns, fonts, colours, text styles, captions, header and footer, page breaks.
 * The Word and the PDF exports both read it, so the agency restyles both without a release.
 * Lengths on the page are in millimetres (…Mm), type sizes and spacing in points (…Pt).
 */
export const LAYOUT_SCHEMA_VERSION = 1;

const HEX = /^#[0-9a-fA-F]{6}$/;
export const hexColourSchema = z.string().regex(HEX, { message: 'couleur attendue au format #RRGGBB' });

/**
 * A colour used by a text style or a block: a palette name, the sheet's family colour
 * (`family`) or its tint (`familyTint`), or a literal #RRGGBB.
 */
const PALETTE_NAMES = ['text', 'muted', 'white', 'rule', 'bandTint', 'boxTint'] as const;
export const colourRefSchema = z.union([z.enum([...PALETTE_NAMES, 'family', 'familyTint']), hexColourSchema]);
export type ColourRef = z.infer<typeof colourRefSchema>;

const mm = z.number().nonnegative().max(500);
const pt = z.number().nonnegative().max(200);

const familyColoursSchema = z.object({ main: hexColourSchema, tint: hexColourSchema });
export type FamilyColours = z.infer<typeof familyColoursSchema>;

/** One text style: every role below is exported as a named Word style and a CSS class. */
export const textStyleSchema = z.object({
  sizePt: z.number().positive().max(200),
  bold: z.boolean().default(false),
  italic: z.boolean().default(false),
  colour: colourRefSchema.default('text'),
  /** Printed in capitals (the text itself keeps its case, so it stays editable). */
  uppercase: z.boolean().default(false),
  /** Extra space between letters, for display titles. */
  letterSpacingPt: z.number().min(-5).max(50).default(0),
  /** Line height as a multiple of the font size. */
  lineHeight: z.number().min(0.8).max(3).default(1.15),
  spaceBeforePt: pt.default(0),
  spaceAfterPt: pt.default(0),
  align: z.enum(['left', 'center', 'right', 'justify']).default('left'),
  /** Background of the paragraph (bands, highlighted entries). */
  background: colourRefSchema.optional(),
});
export type TextStyle = z.infer<typeof textStyleSchema>;

/** The named styles of a sheet, in reading order. */
export const textRoles = [
  'family',
  'title',
  'opening',
  'displayTitle',
  'band',
  'question',
  'heading3',
  'heading4',
  'body',
  'listItem',
  'quote',
  'source',
  'caption',
  'encadreTitle',
  'encadreText',
  'tableHeader',
  'tableCell',
  'diagramFamily',
  'diagramVariable',
  'diagramCurrent',
  'methodNote',
  'familyNote',
  'hypothesisLabel',
  'scenarioTitle',
  'angleLabel',
  'angleText',
  /** « Micro-scénarios (suite) » at the top of the micro-scenarios' pages after their first. */
  'continuation',
  'header',
  'footer',
  /** The volume's own pages (cover, table of contents, family dividers, list of figures). */
  'coverTitle',
  'coverText',
  'tocTitle',
  'tocEntry',
  'dividerNumber',
  'dividerTitle',
] as const;
export type TextRole = (typeof textRoles)[number];

/**
 * The styles of the volume's own pages, for a layout written before volumes existed: a
 * layout file may leave them out.
 */
const VOLUME_ROLE_DEFAULTS: Partial<Record<TextRole, z.input<typeof textStyleSchema>>> = {
  coverTitle: {
    sizePt: 30,
    bold: true,
    colour: 'family',
    lineHeight: 1.05,
    spaceBeforePt: 120,
    spaceAfterPt: 18,
  },
  coverText: { sizePt: 13, spaceAfterPt: 6 },
  tocTitle: { sizePt: 20, bold: true, colour: 'family', spaceAfterPt: 14 },
  tocEntry: { sizePt: 10, spaceAfterPt: 3 },
  dividerNumber: { sizePt: 60, bold: true, colour: 'family', spaceBeforePt: 150 },
  dividerTitle: { sizePt: 26, bold: true, colour: 'family', spaceAfterPt: 18 },
};

const textStylesSchema = z.object(
  Object.fromEntries(
    textRoles.map((role) => {
      const fallback = VOLUME_ROLE_DEFAULTS[role];
      return [role, fallback ? textStyleSchema.default(textStyleSchema.parse(fallback)) : textStyleSchema];
    }),
  ) as Record<TextRole, typeof textStyleSchema>,
);

/**
 * A font shipped with the application, so the PDF looks the same everywhere. A file is a
 * package path resolved from the application's node_modules ("source-sans/TTF/….ttf"), or a
 * path relative to the layout file's folder when it starts with "./".
 */
export const fontSchema = z.object({
  /** The family name, as the font files declare it (CSS font-family, Word w:rFonts). */
  family: z.string().min(1).max(100),
  files: z.object({
    regular: z.string().min(1),
    bold: z.string().min(1),
    italic: z.string().min(1),
    boldItalic: z.string().min(1),
  }),
  /** CSS fallbacks after the shipped font, in order. */
  cssFallback: z.array(z.string().min(1)).min(1),
  word: z.object({
    /** The font Word shows when the named one is neither installed nor embedded. */
    fallback: z.string().min(1).max(100),
    /** Embed the shipped files in the .docx, so Word shows the same font without installing it. */
    embed: z.boolean(),
  }),
});
export type LayoutFont = z.infer<typeof fontSchema>;

/**
 * Text placed in the running header and footer. Placeholders: {family} {familyNumber}
 * {variable} {exercise} {organisation} {region} {date} {version} {status} {page} {pages}.
 */
const runningSchema = z.object({
  left: z.string().max(300),
  center: z.string().max(300),
  right: z.string().max(300),
});
export type RunningText = z.infer<typeof runningSchema>;

export const RUNNING_PLACEHOLDERS = [
  'family',
  'familyNumber',
  'variable',
  'exercise',
  'organisation',
  'region',
  'date',
  'version',
  'status',
  'page',
  'pages',
] as const;
export type RunningPlaceholder = (typeof RUNNING_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/**
 * List markers level by level (content/lists.ts). A layout written before they could be
 * set gets those of the layout shipped with Fiches (templates/layout.json).
 */
const listsSchema = z
  .object({
    /** Numbered lists without a style of their own: 1. then a. then i. */
    numbers: z.array(z.enum(numberStyles)).min(1).max(9),
    bullets: z.array(z.string().min(1).max(3)).min(1).max(9),
  })
  .default({ numbers: ['decimal', 'lower-alpha', 'lower-roman'], bullets: ['–', '◦', '▪'] });

/** The choices of the volume's layout (LAYOUT.md, « Le recueil »). */
export const volumeSchema = z
  .object({
    tocTitle: z.string().min(1).max(200).default('Sommaire'),
    /** The table of contents lists the parts of each sheet under it. */
    tocParts: z.boolean().default(false),
    /** « Famille {number} » on a family's divider page. */
    dividerLabel: z.string().min(1).max(200).default('Famille {number}'),
    /** Shared micro-scenarios: once on the family's divider pages, or on each of its sheets. */
    sharedMicroScenarios: z.enum(['family', 'sheet']).default('family'),
    /** Each sheet starts on a new page, or on a new right-hand page. */
    sheetStart: z.enum(['page', 'rightHand']).default('page'),
    /** Figures and tables numbered per sheet, or through the volume. */
    numbering: z.enum(['sheet', 'volume']).default('sheet'),
    /** A list of the figures and tables, with their pages, at the end. */
    figuresList: z.boolean().default(true),
    figuresListTitle: z.string().min(1).max(200).default('Liste des figures et des tableaux'),
  })
  .default({
    tocTitle: 'Sommaire',
    tocParts: false,
    dividerLabel: 'Famille {number}',
    sharedMicroScenarios: 'family',
    sheetStart: 'page',
    numbering: 'sheet',
    figuresList: true,
    figuresListTitle: 'Liste des figures et des tableaux',
  });

export const layoutSchema = z
  .object({
    schemaVersion: z.literal(LAYOUT_SCHEMA_VERSION),
    id: idSchema,
    name: z.string().min(1).max(200),
    page: z.object({
      size: z.literal('A4'),
      orientation: z.literal('portrait'),
      widthMm: z.number().positive().max(1000),
      heightMm: z.number().positive().max(1000),
      margins: z.object({ topMm: mm, rightMm: mm, bottomMm: mm, leftMm: mm }),
      /** Distance from the page edge to the running header and footer. */
      headerMm: mm,
      footerMm: mm,
    }),
    /** The body's columns; the opening, bands, encadrés and full-width figures span the page. */
    columns: z.object({ count: z.number().int().min(1).max(4), gapMm: mm }),
    /** Body hyphenation and language (BCP 47), set on every style. */
    language: z.string().regex(/^[a-z]{2}(?:-[A-Z]{2})?$/),
    hyphenation: z.object({
      enabled: z.boolean(),
      /** Distance from the right margin within which a word is hyphenated. */
      zoneMm: mm,
      /** At most this many hyphenated line ends in a row (0: no limit). */
      maxConsecutive: z.number().int().min(0).max(20),
    }),
    font: fontSchema,
    colours: z.object({
      text: hexColourSchema,
      muted: hexColourSchema,
      white: hexColourSchema,
      rule: hexColourSchema,
      /** Background of the phase band. */
      bandTint: hexColourSchema,
      /** Background of the encadrés. */
      boxTint: hexColourSchema,
      /** Keyed by the family id of the repository's system of variables. */
      families: z.record(idSchema, familyColoursSchema),
      /** For families not named above (a repository's own families), by position, cycling. */
      fallbackFamilies: z.array(familyColoursSchema).min(1),
    }),
    styles: textStylesSchema,
    /** The phase breadcrumb: the current phase in `styles.band` with the family colour, the others muted. */
    band: z.object({
      separator: z.string().min(1).max(20),
      currentColour: colourRefSchema,
      otherColour: colourRefSchema,
    }),
    captions: z.object({
      position: z.enum(['above', 'below']),
      figureLabel: z.string().min(1).max(40),
      tableLabel: z.string().min(1).max(40),
      /** Between the number and the caption's text: « Figure 1 : … ». */
      separator: z.string().min(1).max(10),
      /** Printed before the text of every source line: « Source : ». */
      sourcePrefix: z.string().max(40),
    }),
    figures: z.object({
      /** A figure is scaled down to fit this height at most. */
      maxHeightMm: z.number().positive().max(500),
    }),
    lists: listsSchema,
    encadre: z.object({
      background: colourRefSchema,
      border: colourRefSchema,
      paddingPt: pt,
    }),
    /** The system-of-variables diagram of the opening: one block a family. */
    diagram: z.object({
      /** The display title above it. */
      title: z.string().min(1).max(200),
      columns: z.number().int().min(1).max(6),
      gapMm: mm,
    }),
    /** Which parts start on a new page. */
    newPage: z.object({
      trajectory: z.boolean(),
      eachPhase: z.boolean(),
      microScenarios: z.boolean(),
    }),
    microScenarios: z.object({
      /** Heading of the pages after the first: « {title} (suite) ». */
      continuationTitle: z.string().min(1).max(200),
      /** Each hypothesis on its own page. */
      hypothesisOnNewPage: z.boolean(),
    }),
    header: runningSchema,
    footer: runningSchema,
    /** Format of {date}: the sheet's last change (or the revision's date). */
    dateFormat: z.enum(['long', 'short']),
    /** The collection published as one volume (a layout may leave it out: these defaults). */
    volume: volumeSchema,
  })
  .superRefine((layout, ctx) => {
    for (const part of ['header', 'footer'] as const) {
      for (const slot of ['left', 'center', 'right'] as const) {
        for (const match of layout[part][slot].matchAll(PLACEHOLDER)) {
          if (!(RUNNING_PLACEHOLDERS as readonly string[]).includes(match[1] ?? '')) {
            ctx.addIssue({
              code: 'custom',
              path: [part, slot],
              message: `champ inconnu « {${match[1]}} » (champs possibles : ${RUNNING_PLACEHOLDERS.join(', ')})`,
            });
          }
        }
      }
    }
  });

export type Layout = z.infer<typeof layoutSchema>;
/** The layout as written in the file (style fields may be left out and take their defaults). */
export type LayoutInput = z.input<typeof layoutSchema>;

/** The family's colours: named in the layout, else by the family's position in the system. */
export function familyColours(layout: Layout, familyId: string, familyIndex: number): FamilyColours {
  const named = layout.colours.families[familyId];
  if (named) return named;
  const fallback = layout.colours.fallbackFamilies;
  return fallback[((familyIndex % fallback.length) + fallback.length) % fallback.length] as FamilyColours;
}

/** A colour reference made concrete for one family, as #RRGGBB. */
export function resolveColour(layout: Layout, ref: ColourRef, family: FamilyColours): string {
  if (ref === 'family') return family.main;
  if (ref === 'familyTint') return family.tint;
  const named = PALETTE_NAMES.find((name) => name === ref);
  return named ? layout.colours[named] : ref;
}

/** Cuts a header/footer text into literal text and placeholders, for each exporter to fill its way. */
export function splitPlaceholders(text: string): ({ text: string } | { field: RunningPlaceholder })[] {
  const parts: ({ text: string } | { field: RunningPlaceholder })[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ text: text.slice(last, index) });
    parts.push({ field: match[1] as RunningPlaceholder });
    last = index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
