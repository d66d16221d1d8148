import { Footer, Header, PageNumber, Paragraph, Tab, TabStopType, TextRun, type ParagraphChild } from 'docx';
import { splitPlaceholders, type RunningText } from '../../../../shared/model/layout.js';
import { runningValues } from '../running-values.js';
import type { RenderContext } from './context.js';
import { STYLES } from './styles.js';
import { twipsFromMm } from './units.js';

/**
 * The running header (family, variable) and footer (page number as a PAGE field, exercise,
 * version or date), from the layout's three slots; the micro-scenarios' pages after their
 * first also carry « Micro-scénarios (suite) ».
 */

function slotChildren(text: string, ctx: RenderContext): ParagraphChild[] {
  const values = runningValues(ctx.print, ctx.layout);
  return splitPlaceholders(text).map((part) => {
    if ('text' in part) return new TextRun(part.text);
    if (part.field === 'page') return new TextRun({ children: [PageNumber.CURRENT] });
    if (part.field === 'pages') return new TextRun({ children: [PageNumber.TOTAL_PAGES] });
    return new TextRun(values[part.field]);
  });
}

function runningParagraph(slots: RunningText, style: string, ctx: RenderContext): Paragraph {
  const width = twipsFromMm(ctx.fullWidthMm);
  return new Paragraph({
    style,
    tabStops: [
      { type: TabStopType.CENTER, position: Math.round(width / 2) },
      { type: TabStopType.RIGHT, position: width },
    ],
    children: [
      ...slotChildren(slots.left, ctx),
      new TextRun({ children: [new Tab()] }),
      ...slotChildren(slots.center, ctx),
      new TextRun({ children: [new Tab()] }),
      ...slotChildren(slots.right, ctx),
    ],
  });
}

export function runningHeader(ctx: RenderContext): Header {
  return new Header({ children: [runningParagraph(ctx.layout.header, STYLES.header.id, ctx)] });
}

export function runningFooter(ctx: RenderContext): Footer {
  return new Footer({ children: [runningParagraph(ctx.layout.footer, STYLES.footer.id, ctx)] });
}

/** The header of the micro-scenarios' pages after their first. */
export function continuationHeader(ctx: RenderContext): Header {
  const title = ctx.layout.microScenarios.continuationTitle.replace(
    '{title}',
    ctx.print.template.microScenarios.title,
  );
  return new Header({
    children: [
      runningParagraph(ctx.layout.header, STYLES.header.id, ctx),
      new Paragraph({ style: STYLES.continuation.id, children: [new TextRun(title)] }),
    ],
  });
}
