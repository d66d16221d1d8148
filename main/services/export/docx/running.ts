import { Footer, Header, PageNumber, Paragraph, Tab, TabStopType, TextRun, type ParagraphChild } from 'docx';
import { splitPlaceholders, type RunningText } from '../../../../shared/model/layout.js';
import type { RunningValues } from '../running-values.js';
import type { RenderContext } from './context.js';
import { twipsFromMm } from './units.js';

/**
 * The running header (family, variable) and footer (page number as a PAGE field, exercise,
 * version or date), from the layout's three slots; the micro-scenarios' pages after their
 * first also carry « Micro-scénarios (suite) ».
 */

function slotChildren(text: string, values: RunningValues): ParagraphChild[] {
  return splitPlaceholders(text).map((part) => {
    if ('text' in part) return new TextRun(part.text);
    if (part.field === 'page') return new TextRun({ children: [PageNumber.CURRENT] });
    if (part.field === 'pages') return new TextRun({ children: [PageNumber.TOTAL_PAGES] });
    return new TextRun(values[part.field]);
  });
}

function runningParagraph(
  slots: RunningText,
  style: string,
  values: RunningValues,
  ctx: RenderContext,
): Paragraph {
  const width = twipsFromMm(ctx.fullWidthMm);
  return new Paragraph({
    style,
    tabStops: [
      { type: TabStopType.CENTER, position: Math.round(width / 2) },
      { type: TabStopType.RIGHT, position: width },
    ],
    children: [
      ...slotChildren(slots.left, values),
      new TextRun({ children: [new Tab()] }),
      ...slotChildren(slots.center, values),
      new TextRun({ children: [new Tab()] }),
      ...slotChildren(slots.right, values),
    ],
  });
}

export function runningHeader(values: RunningValues, ctx: RenderContext): Header {
  return new Header({ children: [runningParagraph(ctx.layout.header, ctx.styles.header, values, ctx)] });
}

export function runningFooter(values: RunningValues, ctx: RenderContext): Footer {
  return new Footer({ children: [runningParagraph(ctx.layout.footer, ctx.styles.footer, values, ctx)] });
}

/** A page without running header (a cover, a divider), its footer kept. */
export function emptyHeader(): Header {
  return new Header({ children: [new Paragraph({})] });
}

/** The header of the micro-scenarios' pages after their first. */
export function continuationHeader(title: string, values: RunningValues, ctx: RenderContext): Header {
  return new Header({
    children: [
      runningParagraph(ctx.layout.header, ctx.styles.header, values, ctx),
      new Paragraph({ style: ctx.styles.continuation, children: [new TextRun(title)] }),
    ],
  });
}
