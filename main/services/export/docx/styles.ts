import {
  AlignmentType,
  LineRuleType,
  ShadingType,
  type IBaseParagraphStyleOptions,
  type IParagraphStyleOptions,
  type IRunStylePropertiesOptions,
  type IStylesOptions,
} from 'docx';
import {
  resolveColour,
  textRoles,
  type FamilyColours,
  type Layout,
  type TextRole,
  type TextStyle,
} from '../../../../shared/model/layout.js';
import { halfPoints, lineFromMultiple, twipsFromPt, wordColour } from './units.js';

/**
 * Every block of a sheet is a named Word style, so the agency restyles the document in
 * Word; headings are Word's own Heading styles so the navigation pane and a table of
 * contents work, and captions are Word's Caption so a table of figures does too.
 */
type BuiltIn = 'title' | 'heading1' | 'heading2' | 'heading3' | 'heading4' | 'caption';

interface StyleName {
  id: string;
  /** As Word lists it (built-ins keep Word's own name, which Word translates). */
  name: string;
  builtIn?: BuiltIn;
  /** Shown in the navigation pane at this level (0 = Heading 1). */
  outlineLevel?: number;
  /** Never left alone at the bottom of a page or column. */
  keepNext?: boolean;
}

export const STYLES: Record<TextRole, StyleName> = {
  family: { id: 'FicheFamille', name: 'Fiche – Famille', keepNext: true },
  title: { id: 'Title', name: 'Title', builtIn: 'title', keepNext: true },
  opening: { id: 'FicheOuverture', name: 'Fiche – Texte d’ouverture' },
  displayTitle: { id: 'Heading1', name: 'Heading 1', builtIn: 'heading1', keepNext: true },
  band: { id: 'FicheBandeau', name: 'Fiche – Bandeau des phases', keepNext: true },
  question: { id: 'Heading2', name: 'Heading 2', builtIn: 'heading2', keepNext: true },
  heading3: { id: 'Heading3', name: 'Heading 3', builtIn: 'heading3', keepNext: true },
  heading4: { id: 'Heading4', name: 'Heading 4', builtIn: 'heading4', keepNext: true },
  body: { id: 'FicheCorps', name: 'Fiche – Corps de texte' },
  listItem: { id: 'FicheListe', name: 'Fiche – Liste' },
  quote: { id: 'FicheCitation', name: 'Fiche – Citation' },
  source: { id: 'FicheSource', name: 'Fiche – Source' },
  caption: { id: 'Caption', name: 'Caption', builtIn: 'caption', keepNext: true },
  encadreTitle: { id: 'FicheEncadreTitre', name: 'Fiche – Titre d’encadré', keepNext: true },
  encadreText: { id: 'FicheEncadreTexte', name: 'Fiche – Texte d’encadré' },
  tableHeader: { id: 'FicheTableauEntete', name: 'Fiche – En-tête de tableau' },
  tableCell: { id: 'FicheTableauCellule', name: 'Fiche – Cellule de tableau' },
  diagramFamily: { id: 'FicheSystemeFamille', name: 'Fiche – Système : famille', keepNext: true },
  diagramVariable: { id: 'FicheSystemeVariable', name: 'Fiche – Système : variable' },
  diagramCurrent: { id: 'FicheSystemeVariableFiche', name: 'Fiche – Système : variable de la fiche' },
  methodNote: { id: 'FicheNoteMethode', name: 'Fiche – Note de méthode' },
  familyNote: { id: 'FicheNoteFamille', name: 'Fiche – Note de la famille' },
  hypothesisLabel: {
    id: 'FicheHypothese',
    name: 'Fiche – Hypothèse',
    outlineLevel: 1,
    keepNext: true,
  },
  scenarioTitle: { id: 'FicheScenarioTitre', name: 'Fiche – Titre de scénario', keepNext: true },
  angleLabel: { id: 'FicheAngle', name: 'Fiche – Angle', keepNext: true },
  angleText: { id: 'FicheAngleTexte', name: 'Fiche – Texte d’angle' },
  continuation: { id: 'FicheSuite', name: 'Fiche – Titre de page suivante' },
  header: { id: 'FicheEnTete', name: 'Fiche – En-tête' },
  footer: { id: 'FichePiedDePage', name: 'Fiche – Pied de page' },
  coverTitle: { id: 'FicheCouvertureTitre', name: 'Fiche – Titre de couverture', keepNext: true },
  coverText: { id: 'FicheCouverture', name: 'Fiche – Couverture' },
  tocTitle: { id: 'FicheSommaireTitre', name: 'Fiche – Titre du sommaire', keepNext: true },
  // Word's own names, so Word's update of the table of contents keeps the look.
  tocEntry: { id: 'TOC1', name: 'toc 1' },
  dividerNumber: { id: 'FicheIntercalaireNumero', name: 'Fiche – Numéro de famille', keepNext: true },
  dividerTitle: { id: 'FicheIntercalaire', name: 'Fiche – Intercalaire', keepNext: true },
};

/** The entries of the table of contents below its first level: Word's « toc 2 », « toc 3 », indented. */
export const TOC_LEVELS = [
  { id: 'TOC2', name: 'toc 2', indentPt: 12 },
  { id: 'TOC3', name: 'toc 3', indentPt: 24 },
] as const;

/** Paragraph styles that are not text roles: where an image sits, and its stand-in when it is missing. */
export const FIGURE_STYLE = { id: 'FicheFigure', name: 'Fiche – Figure' };
export const MISSING_IMAGE_STYLE = { id: 'FicheImageManquante', name: 'Fiche – Image manquante' };

const alignments = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

export interface StyleContext {
  layout: Layout;
  /** The colours of the document's first family: its styles take them. */
  family: FamilyColours;
  /** The other families of a volume: each gets variants of the styles its colour changes. */
  variants?: readonly FamilyVariant[];
}

/** A family of a volume other than the first: its styles' ids end with `suffix`. */
export interface FamilyVariant {
  suffix: string;
  colours: FamilyColours;
}

const FAMILY_REFS: readonly string[] = ['family', 'familyTint'];

/** The roles whose look follows the family's colour (and so have a variant per family in a volume). */
export function familyRoles(layout: Layout): TextRole[] {
  return textRoles.filter((role) => {
    const style = layout.styles[role];
    return (
      FAMILY_REFS.includes(style.colour) ||
      (style.background !== undefined && FAMILY_REFS.includes(style.background))
    );
  });
}

/** The style id of each role on a family's pages: the variant's where the family changes the look. */
export function styleIds(layout: Layout, variant?: FamilyVariant): Record<TextRole, string> {
  const changed = new Set(variant ? familyRoles(layout) : []);
  return Object.fromEntries(
    textRoles.map((role) => [
      role,
      changed.has(role) ? `${STYLES[role].id}${variant?.suffix ?? ''}` : STYLES[role].id,
    ]),
  ) as Record<TextRole, string>;
}

/** The name Word shows for a family's variant of a role's style. */
export function variantName(role: TextRole, variant: FamilyVariant): string {
  return `${STYLES[role].builtIn ? STYLES[role].id : STYLES[role].name} ${variant.suffix}`;
}

/** Every name a role's style takes in a document: its own, and its families' variants where its colour follows the family. */
export function styleNames(layout: Layout, role: TextRole, variants: readonly FamilyVariant[]): string[] {
  const varies = familyRoles(layout).includes(role);
  return [STYLES[role].name, ...(varies ? variants.map((variant) => variantName(role, variant)) : [])];
}

function colour(ctx: StyleContext, ref: TextStyle['colour']): string {
  return wordColour(resolveColour(ctx.layout, ref, ctx.family));
}

export function runOf(ctx: StyleContext, style: TextStyle): IRunStylePropertiesOptions {
  return {
    font: ctx.layout.font.family,
    size: halfPoints(style.sizePt),
    bold: style.bold,
    italics: style.italic,
    color: colour(ctx, style.colour),
    allCaps: style.uppercase,
    ...(style.letterSpacingPt ? { characterSpacing: twipsFromPt(style.letterSpacingPt) } : {}),
    language: { value: ctx.layout.language },
  };
}

function paragraphStyle(ctx: StyleContext, role: TextRole): IBaseParagraphStyleOptions {
  const style = ctx.layout.styles[role];
  const name = STYLES[role];
  return {
    name: name.name,
    basedOn: 'Normal',
    next: role === 'body' || name.builtIn ? 'FicheCorps' : name.id,
    quickFormat: true,
    run: runOf(ctx, style),
    paragraph: {
      alignment: alignments[style.align],
      spacing: {
        before: twipsFromPt(style.spaceBeforePt),
        after: twipsFromPt(style.spaceAfterPt),
        line: lineFromMultiple(style.lineHeight),
        lineRule: LineRuleType.AUTO,
      },
      ...(style.background
        ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: colour(ctx, style.background) } }
        : {}),
      ...(name.keepNext ? { keepNext: true, keepLines: true } : {}),
      ...(name.outlineLevel !== undefined ? { outlineLevel: name.outlineLevel } : {}),
    },
  };
}

export function documentStyles(ctx: StyleContext): IStylesOptions {
  const builtIns: Partial<Record<BuiltIn, IBaseParagraphStyleOptions>> = {};
  const paragraphStyles: IParagraphStyleOptions[] = [];
  for (const role of textRoles) {
    const options = paragraphStyle(ctx, role);
    const builtIn = STYLES[role].builtIn;
    if (builtIn) {
      // Word's own names, so a French Word shows « Titre 1 », « Légende »…
      const { name: _name, ...rest } = options;
      builtIns[builtIn] = rest;
    } else paragraphStyles.push({ id: STYLES[role].id, ...options });
  }
  for (const variant of ctx.variants ?? []) {
    for (const role of familyRoles(ctx.layout)) {
      const style = ctx.layout.styles[role];
      const local: StyleContext = { layout: ctx.layout, family: variant.colours };
      paragraphStyles.push({
        id: `${STYLES[role].id}${variant.suffix}`,
        name: variantName(role, variant),
        basedOn: STYLES[role].id,
        next: 'FicheCorps',
        run: { color: colour(local, style.colour) },
        ...(style.background
          ? {
              paragraph: {
                shading: { type: ShadingType.CLEAR, color: 'auto', fill: colour(local, style.background) },
              },
            }
          : {}),
      });
    }
  }
  const body = ctx.layout.styles.body;
  paragraphStyles.push(
    ...TOC_LEVELS.map((level) => ({
      id: level.id,
      name: level.name,
      basedOn: STYLES.tocEntry.id,
      next: 'FicheCorps',
      paragraph: { indent: { left: twipsFromPt(level.indentPt) } },
    })),
    {
      ...FIGURE_STYLE,
      basedOn: 'Normal',
      next: 'FicheCorps',
      paragraph: { alignment: AlignmentType.CENTER, keepNext: true, keepLines: true, spacing: { after: 0 } },
    },
    {
      ...MISSING_IMAGE_STYLE,
      basedOn: 'FicheCorps',
      run: { ...runOf(ctx, { ...body, italic: true, colour: 'muted' }) },
      paragraph: {
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { before: 120, after: 120 },
        border: {
          top: { style: 'dashed', size: 8, color: colour(ctx, 'muted'), space: 8 },
          bottom: { style: 'dashed', size: 8, color: colour(ctx, 'muted'), space: 8 },
          left: { style: 'dashed', size: 8, color: colour(ctx, 'muted'), space: 8 },
          right: { style: 'dashed', size: 8, color: colour(ctx, 'muted'), space: 8 },
        },
      },
    },
  );
  return {
    default: {
      document: {
        run: runOf(ctx, { ...body, bold: false, italic: false, uppercase: false, letterSpacingPt: 0 }),
        paragraph: { spacing: { before: 0, after: 0 } },
      },
      ...builtIns,
      hyperlink: { run: { color: colour(ctx, 'family'), underline: { type: 'single' } } },
    },
    paragraphStyles,
  };
}
