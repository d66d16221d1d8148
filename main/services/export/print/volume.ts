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
 * contents and the list of figures (each entry a link to its page, with the page number
 * the second printing fills in: pdf/volume.ts), the families' dividers.
 */

/** Where each anchor stands in the printed volume (page numbers from 1); none on the first printing. */
export type PageNumbers = ReadonlyMap<string, number>;

export function coverHtml(cover: PlanCover): string {
  const line = (text: string) => `<p class="r-coverText">${plainText(text)}</p>`;
  return `${line(cover.exercise)}<p class="r-coverTitle">${plainText(cover.title)}</p>${line(cover.date)}${line(cover.organisation)}${line(cover.region)}`;
}

export function frontHtml(front: PlanFront, context: ContentContext): string {
  return `${standardTextHtml(front.paragraphs, context)}${diagramHtml(front.diagram)}`;
}

/**
 * An entry: its text and its page number in a column of fixed width, so the entries take
 * the same lines whether the number is known yet or not and the pages do not move between
 * the two printings.
 */
function entryHtml(entry: PlanEntry, pages: PageNumbers | undefined): string {
  const page = pages?.get(entry.anchor);
  return `<p class="toc-entry toc-level-${entry.level} r-tocEntry"><a href="#${escapeHtml(entry.anchor)}"><span class="toc-text">${plainText(entry.text)}</span><span class="toc-page">${page ?? ''}</span></a></p>`;
}

export function contentsHtml(contents: PlanContents, pages: PageNumbers | undefined): string {
  return `<p class="r-tocTitle">${plainText(contents.title)}</p><nav class="toc">${contents.entries.map((entry) => entryHtml(entry, pages)).join('')}</nav>`;
}

export function figuresListHtml(list: PlanFiguresList, pages: PageNumbers | undefined): string {
  return `<p class="r-tocTitle" id="${escapeHtml(list.anchor)}">${plainText(list.title)}</p><nav class="toc">${list.entries.map((entry) => entryHtml(entry, pages)).join('')}</nav>`;
}

export function dividerHtml(divider: PlanDivider, context: ContentContext): string {
  const noteContext: ContentContext = {
    ...context,
    roles: { paragraph: 'familyNote', listItem: 'familyNote' },
  };
  const note = documentHtml(divider.note, noteContext);
  return `<p class="r-dividerNumber">${plainText(divider.numberLabel)}</p><h1 class="r-dividerTitle">${plainText(divider.family.name)}</h1>${note ? `<div class="family-note">${note}</div>` : ''}${divider.microScenarios ? microScenariosHtml(divider.microScenarios, context) : ''}`;
}

export const volumeCss = `
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
