import {
  InternalHyperlink,
  PageReference,
  Paragraph,
  StyleLevel,
  Tab,
  TableOfContents,
  TabStopType,
  TextRun,
} from 'docx';
import type { PlanContents, PlanCover, PlanDivider, PlanFiguresList, PlanFront } from '../plan/types.js';
import { renderBlocks } from './blocks.js';
import { bookmarked, bookmarkName } from './bookmarks.js';
import type { Flow, PageFlow, RenderContext } from './context.js';
import { renderDiagram, standardParagraphs } from './opening.js';
import { renderMicroScenarios, type Part } from './parts.js';
import { styleNames, TOC_LEVELS } from './styles.js';
import type { TextRole } from '../../../../shared/model/layout.js';
import { twipsFromMm } from './units.js';

/**
 * The volume's own pages in Word: the cover, the opening text and diagram, the table of
 * contents (a real TOC field, its entries and page numbers written in: build.ts gives the
 * document docx/layout's page estimator), the families' dividers, the list of figures.
 */

const full = (child: Paragraph): Flow => ({ child, span: 'full' });

export function coverPart(cover: PlanCover, ctx: RenderContext): Part {
  const line = (text: string) =>
    full(new Paragraph({ style: ctx.styles.coverText, children: [new TextRun(text)] }));
  return {
    newPage: false,
    flows: [
      line(cover.exercise),
      full(new Paragraph({ style: ctx.styles.coverTitle, children: [new TextRun(cover.title)] })),
      line(cover.date),
      line(cover.organisation),
      line(cover.region),
    ],
  };
}

export function frontPart(front: PlanFront, ctx: RenderContext): Part {
  return {
    newPage: false,
    flows: [...standardParagraphs(front.paragraphs, ctx), ...renderDiagram(front.diagram, ctx)],
  };
}

/**
 * The TOC field lists the dividers' titles, then the sheets' titles, then (deeper) their
 * parts, by style name, as Word's own update will; docx fills its entries in from them.
 */
export function contentsPart(contents: PlanContents, ctx: RenderContext): Part {
  const names = (role: TextRole) => styleNames(ctx.layout, role, ctx.variants);
  const levels = [
    ...names('dividerTitle').map((name) => new StyleLevel(name, 1)),
    ...names('title').map((name) => new StyleLevel(name, 2)),
    ...(contents.depth === 3
      ? [...names('displayTitle'), ...names('question')].map((name) => new StyleLevel(name, 3))
      : []),
  ];
  return {
    newPage: false,
    flows: [
      full(new Paragraph({ style: ctx.styles.tocTitle, children: [new TextRun(contents.title)] })),
      {
        child: new TableOfContents(contents.title, { hyperlink: true, stylesWithLevels: levels }),
        span: 'full',
      } satisfies PageFlow,
    ],
  };
}

export async function dividerParts(divider: PlanDivider, ctx: RenderContext): Promise<Part[]> {
  const note = await renderBlocks(
    divider.note,
    { paragraph: 'familyNote', widthMm: ctx.fullWidthMm, boxed: false },
    ctx,
  );
  const parts: Part[] = [
    {
      newPage: false,
      flows: [
        full(
          new Paragraph({ style: ctx.styles.dividerNumber, children: [new TextRun(divider.numberLabel)] }),
        ),
        full(
          new Paragraph({
            style: ctx.styles.dividerTitle,
            children: bookmarked(divider.anchor, [new TextRun(divider.family.name)]),
          }),
        ),
        ...note.map((flow): Flow => ({ ...flow, span: 'full' })),
      ],
    },
  ];
  if (divider.microScenarios) parts.push(await renderMicroScenarios(divider.microScenarios, ctx));
  return parts;
}

export function figuresPart(list: PlanFiguresList, ctx: RenderContext): Part {
  const right = twipsFromMm(ctx.fullWidthMm);
  return {
    newPage: false,
    flows: [
      full(new Paragraph({ style: ctx.styles.tocTitle, children: [new TextRun(list.title)] })),
      ...list.entries.map((entry) =>
        full(
          new Paragraph({
            style: entry.level === 1 ? ctx.styles.tocEntry : TOC_LEVELS[0].id,
            tabStops: [{ type: TabStopType.RIGHT, position: right, leader: 'dot' }],
            children: [
              new InternalHyperlink({
                anchor: bookmarkName(entry.anchor),
                children: [new TextRun(entry.text), new TextRun({ children: [new Tab()] })],
              }),
              new PageReference(bookmarkName(entry.anchor)),
            ],
          }),
        ),
      ),
    ],
  };
}
