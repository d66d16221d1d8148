import type {
  EstimatedPageNumbers,
  IContext,
  IXmlableObject,
  PageNumberEstimator,
  PageNumberGuess,
} from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';

/**
 * The page numbers of the table of contents and of the list of figures, estimated by
 * docx/layout piece by piece instead of over the whole document at once.
 *
 * Each piece of a volume (the cover, the opening, the contents, a divider, a sheet, the list
 * of figures) starts on a new page with its own running header and footer, and page numbers
 * run through the volume: the pages of one piece do not depend on those before it, so
 * laying each out on its own and adding up their pages gives the same numbers as laying
 * out the whole volume. It is also what keeps the cost linear: docx/layout's estimate of
 * one document grows faster than its length (a 100-sheet volume took four times as long as
 * a 29-sheet one), while its estimate of one piece costs what the piece holds.
 *
 * A piece that starts on a right-hand page (sections.ts) is laid out from page 1, a
 * right-hand one; when it would start on a left-hand page of the volume, Word leaves that
 * page blank, and so do the numbers here.
 */

type Element = Record<string, unknown>;

const isElement = (value: unknown): value is Element =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const nameOf = (element: Element): string | undefined => Object.keys(element).find((key) => key !== '_attr');

const childrenOf = (element: Element | undefined): Element[] => {
  const name = element && nameOf(element);
  const content = name ? element[name] : undefined;
  return Array.isArray(content) ? content.filter(isElement) : [];
};

const childNamed = (children: readonly Element[], name: string): Element | undefined =>
  children.find((child) => nameOf(child) === name);

const attribute = (element: Element | undefined, name: string): unknown => {
  const content = element && element[nameOf(element) ?? ''];
  const holder = Array.isArray(content)
    ? content.find((child) => isElement(child) && '_attr' in child)
    : content;
  return isElement(holder) && isElement(holder._attr) ? holder._attr[name] : undefined;
};

/** The section properties an element of the body ends its section with: a paragraph's, or the body's own. */
function sectionPropertiesOf(element: Element): Element[] | undefined {
  const name = nameOf(element);
  if (name === 'w:sectPr') return childrenOf(element);
  if (name !== 'w:p') return undefined;
  const properties = childNamed(childrenOf(childNamed(childrenOf(element), 'w:pPr')), 'w:sectPr');
  return properties && childrenOf(properties);
}

/** The ids of the headers and footers a section names (`rId7`), by their kind. */
function referencesOf(properties: readonly Element[], kind: 'header' | 'footer'): Map<string, string> {
  return new Map(
    properties
      .filter((child) => nameOf(child) === `w:${kind}Reference`)
      .map((child) => [String(attribute(child, 'w:type')), String(attribute(child, 'r:id'))]),
  );
}

interface Piece {
  elements: Element[];
  /** Starts on a right-hand page. */
  rightHand: boolean;
  headers: Set<string>;
  footers: Set<string>;
}

/**
 * The body cut where a section starts a new page with a running header and footer of its
 * own, as each piece's first section does; the sections after it in the piece inherit them.
 */
function piecesOf(body: readonly Element[]): Piece[] {
  const pieces: Piece[] = [];
  let pending: Element[] = [];
  for (const element of body) {
    pending.push(element);
    const properties = sectionPropertiesOf(element);
    if (!properties) continue;
    const type = String(attribute(childNamed(properties, 'w:type'), 'w:val') ?? 'nextPage');
    const headers = referencesOf(properties, 'header');
    const footers = referencesOf(properties, 'footer');
    const last = pieces.at(-1);
    const startsPiece =
      !last ||
      (type !== 'continuous' && type !== 'nextColumn' && headers.has('default') && footers.has('default'));
    if (startsPiece)
      pieces.push({
        elements: pending,
        rightHand: type === 'oddPage',
        headers: new Set(),
        footers: new Set(),
      });
    else last.elements.push(...pending);
    const piece = pieces.at(-1) as Piece;
    for (const id of headers.values()) piece.headers.add(id);
    for (const id of footers.values()) piece.footers.add(id);
    pending = [];
  }
  // Nothing follows the body's own section properties; were there, it would go with the last piece.
  pieces.at(-1)?.elements.push(...pending);
  return pieces;
}

/**
 * The document as the estimator reads it for one piece: the same styles, lists, settings
 * and fonts, and only the headers and footers the piece shows (the estimator reads every
 * header and footer the document has, which would cost each piece the whole volume's).
 */
function fileOfPiece(file: IContext['file'], piece: Piece): IContext['file'] {
  const headers = file.Headers.filter((header) => piece.headers.has(`rId${header.View.ReferenceId}`));
  const footers = file.Footers.filter((footer) => piece.footers.has(`rId${footer.View.ReferenceId}`));
  return Object.create(file, {
    Headers: { value: headers },
    Footers: { value: footers },
  }) as IContext['file'];
}

/**
 * An estimator for documents whose pieces start on new pages, each with its own running
 * header and footer, and whose page numbers run through: docx/layout's own, with its best
 * guess past what it cannot lay out as Word does (balanced columns, hyphenation), rather
 * than numbers left blank. Its `listNumbers` is left out: no heading the contents list is
 * in a numbered list, and it would read the whole document once more.
 */
export function piecewisePageNumbers(): PageNumberEstimator {
  const estimate = estimatePageNumbersWith({ guess: true });
  return (body: IXmlableObject, context: IContext): EstimatedPageNumbers => {
    const bookmarks = new Map<string, string>();
    const bookmarkPageNumbers = new Map<string, number>();
    const sectionPageCounts: (number | undefined)[] = [];
    const guesses: PageNumberGuess[] = [];
    let pages = 0;
    for (const piece of piecesOf(childrenOf(body as Element))) {
      if (piece.rightHand && pages % 2 === 1) {
        // The blank left-hand page ends the section before.
        pages += 1;
        const before = sectionPageCounts.at(-1);
        if (before !== undefined) sectionPageCounts[sectionPageCounts.length - 1] = before + 1;
      }
      const laidOut = estimate(
        { 'w:body': piece.elements },
        { ...context, file: fileOfPiece(context.file, piece) },
      );
      for (const [name, page] of laidOut.bookmarkPageNumbers ?? []) {
        bookmarkPageNumbers.set(name, pages + page);
        bookmarks.set(name, String(pages + page));
      }
      sectionPageCounts.push(...(laidOut.sectionPageCounts ?? []));
      guesses.push(...(laidOut.guesses ?? []).map((guess) => ({ ...guess, page: pages + guess.page })));
      // Where the layout stopped, the pages after it are not known: their numbers stay blank.
      if (laidOut.pageCount === undefined) return { bookmarks, bookmarkPageNumbers, guesses };
      pages += laidOut.pageCount;
    }
    return { bookmarks, bookmarkPageNumbers, sectionPageCounts, guesses, pageCount: pages };
  };
}
