import { Document, Packer, type IStylesOptions } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import type { TextRole } from '../../../../shared/model/layout.js';
import { STYLES } from './styles.js';

/**
 * Word hyphenates every paragraph of a document that asks for hyphenation, titles and
 * labels included, unless their style says `w:suppressAutoHyphens`; docx 9.15 has no option
 * for it. The styles part is therefore written here: docx writes it for a document that
 * holds only the styles (milliseconds), the element goes into the styles of titles and
 * labels, and the export puts that part in place of its own. The roles are those the print
 * document never hyphenates (print/text.ts: titles, labels, table headers, captions).
 * Addresses in the text are runs Word does not proof, which it does not hyphenate (inline.ts).
 */

export const UNHYPHENATED_ROLES: readonly TextRole[] = [
  'family',
  'title',
  'displayTitle',
  'band',
  'question',
  'heading3',
  'heading4',
  'caption',
  'encadreTitle',
  'tableHeader',
  'diagramFamily',
  'diagramVariable',
  'diagramCurrent',
  'hypothesisLabel',
  'scenarioTitle',
  'angleLabel',
  'continuation',
  'header',
  'footer',
];

/** What follows w:suppressAutoHyphens in a w:pPr (ECMA-376, CT_PPrBase's sequence). */
const AFTER =
  'kinsoku|wordWrap|overflowPunct|topLinePunct|autoSpaceDE|autoSpaceDN|bidi|adjustRightInd|snapToGrid|spacing|ind|contextualSpacing|mirrorIndents|suppressOverlap|jc|textDirection|textAlignment|textboxTightWrap|outlineLvl|divId|cnfStyle|rPr|sectPr|pPrChange';
const FIRST_AFTER = new RegExp(`<w:(?:${AFTER})\\b`);

function suppressIn(style: string): string {
  const start = style.indexOf('<w:pPr');
  if (start < 0) return style.replace(/(<w:rPr\b|<\/w:style>)/, '<w:pPr><w:suppressAutoHyphens/></w:pPr>$1');
  if (style.startsWith('<w:pPr/>', start)) {
    return `${style.slice(0, start)}<w:pPr><w:suppressAutoHyphens/></w:pPr>${style.slice(start + 8)}`;
  }
  const open = style.indexOf('>', start) + 1;
  const end = style.indexOf('</w:pPr>', open);
  const inner = style.slice(open, end);
  const match = FIRST_AFTER.exec(inner);
  const at = open + (match ? match.index : inner.length);
  return `${style.slice(0, at)}<w:suppressAutoHyphens/>${style.slice(at)}`;
}

/** A styles part with w:suppressAutoHyphens in the paragraph styles named. */
export function withoutHyphenation(stylesXml: string, styleIds: ReadonlySet<string>): string {
  return stylesXml.replace(
    /<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>[\s\S]*?<\/w:style>/g,
    (style, id: string) => (styleIds.has(id) ? suppressIn(style) : style),
  );
}

/** word/styles.xml for `styles`, titles and labels unhyphenated (their family variants inherit it). */
export async function stylesPart(styles: IStylesOptions): Promise<string> {
  const bytes = await Packer.toBuffer(new Document({ styles, sections: [{ children: [] }] }));
  const part = unzipSync(bytes, { filter: (file) => file.name === 'word/styles.xml' })['word/styles.xml'];
  if (!part) throw new Error('docx wrote no word/styles.xml');
  return withoutHyphenation(strFromU8(part), new Set(UNHYPHENATED_ROLES.map((role) => STYLES[role].id)));
}
