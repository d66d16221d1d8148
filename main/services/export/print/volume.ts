import type {
  PlanContents,
  PlanCover,
  PlanDivider,
  PlanEntry,
  PlanFiguresList,
  PlanFront,
} from '../plan/types.js';
import { documentHtml, type ContentContext } from './content.js';
import { escapeHtml } from './escape.js';
import { microScenariosHtml } from './micro.js';
import { diagramHtml, standardTextHtml } from './opening.js';
import { plainText } from './text.js';

/**
 * The volume's own pages in print: the cover, the opening text and diagram, the table of
 * contents and the list of figures (each entry a link to its page, with its page number
 * written in once the volume has been printed: pdf/volume.ts), the families' dividers.
 */

/** Where each anchor stands in the printed volume (page numbers from 1). */
export type PageNumbers = ReadonlyMap<string, number>;

/** The attribute naming the anchor whose page number an element shows. */
const PAGE_OF = 'data-page-of';
/** On the root element, for the draft printing: nothing painted but the link targets. */
const DRAFT = 'draft';

/**
 * Makes the loaded document a draft: everything hidden (not painted, and so not encoded
 * into the PDF) but the elements that links point to, so the PDF still names where each
 * stands. Hiding moves nothing: `visibility` takes no part in layout.
 */
export const draftScript = `document.documentElement.classList.add(${JSON.stringify(DRAFT)})`;

/** Writes the page numbers into the loaded document, and ends its draft. */
export function pageNumbersScript(pages: PageNumbers): string {
  // JSON of slugs and numbers: a JavaScript literal as it is.
  const numbers = JSON.stringify(Object.fromEntries(pages));
  return `(() => {
  const pages = ${numbers};
  document.documentElement.classList.remove(${JSON.stringify(DRAFT)});
  for (const element of document.querySelectorAll('[${PAGE_OF}]')) {
    const page = pages[element.getAttribute('${PAGE_OF}')];
    element.textContent = page === undefined ? '' : String(page);
  }
})()`;
}

export function coverHtml(cover: PlanCover): string {
  const line = (text: string) => `<p class="r-coverText">${plainText(text)}</p>`;
  return `${line(cover.exercise)}<p class="r-coverTitle">${plainText(cover.title)}</p>${line(cover.date)}${line(cover.organisation)}${line(cover.region)}`;
}

export function frontHtml(front: PlanFront, context: ContentContext): string {
  return `${standardTextHtml(front.paragraphs, context)}${diagramHtml(front.diagram)}`;
}

/**
 * An entry: its text and, in a column of fixed width, its page number (written in once
 * known: pageNumbersScript), so the entries take the same lines whether the number is
 * there yet or not and no page moves when it is.
 */
function entryHtml(entry: PlanEntry): string {
  const anchor = escapeHtml(entry.anchor);
  return `<p class="toc-entry toc-level-${entry.level} r-tocEntry"><a href="#${anchor}"><span class="toc-text">${plainText(entry.text)}</span><span class="toc-page" ${PAGE_OF}="${anchor}"></span></a></p>`;
}

export function contentsHtml(contents: PlanContents): string {
  return `<p class="r-tocTitle">${plainText(contents.title)}</p><nav class="toc">${contents.entries.map(entryHtml).join('')}</nav>`;
}

export function figuresListHtml(list: PlanFiguresList): string {
  return `<p class="r-tocTitle" id="${escapeHtml(list.anchor)}">${plainText(list.title)}</p><nav class="toc">${list.entries.map(entryHtml).join('')}</nav>`;
}

/**
 * `continuedPage`: the CSS page its micro-scenarios' continuation pages print on. The
 * divider's own page has no running header; those pages have one, as in Word.
 */
export function dividerHtml(divider: PlanDivider, context: ContentContext, continuedPage: string): string {
  const noteContext: ContentContext = {
    ...context,
    roles: { paragraph: 'familyNote', listItem: 'familyNote' },
  };
  const note = documentHtml(divider.note, noteContext);
  return `<p class="r-dividerNumber">${plainText(divider.numberLabel)}</p><h1 class="r-dividerTitle">${plainText(divider.family.name)}</h1>${note ? `<div class="family-note">${note}</div>` : ''}${divider.microScenarios ? microScenariosHtml(divider.microScenarios, context, continuedPage) : ''}`;
}

export const volumeCss = `
html.${DRAFT} body * { visibility: hidden !important; }
html.${DRAFT} [id] { visibility: visible !important; }
.piece + .piece { break-before: page; }
.piece.right-hand + .piece.right-hand, .piece + .piece.right-hand { break-before: right; }
.toc-entry { margin: 0; }
.toc-entry a { display: flex; align-items: baseline; color: inherit; text-decoration: none; }
.toc-text { flex: 1 1 auto; }
.toc-page { flex: 0 0 12mm; text-align: right; font-variant-numeric: tabular-nums; }
.toc-level-1 { font-weight: 700; margin-top: 4pt; }
.toc-level-2 { padding-left: 6mm; }
.toc-level-3 { padding-left: 12mm; font-size: 0.9em; }
`;
