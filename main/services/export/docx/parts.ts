import { Paragraph, TextRun } from 'docx';
import { resolveColour } from '../../../../shared/model/layout.js';
import type { PlanBand, PlanMicroScenarios, PlanNode, PlanSection } from '../plan/types.js';
import { renderBlocks } from './blocks.js';
import type { Flow, PageFlow, RenderContext } from './context.js';
import { inlineChildren } from './inline.js';
import { wordColour } from './units.js';

/**
 * The parts of a sheet after its opening: the trajectory and the phases' sections (a band
 * and a guiding question over two columns of text), then the micro-scenarios.
 */

/** A run of blocks; `newPage` starts it on a new page, `scenarios` marks the micro-scenarios' pages. */
export interface Part {
  flows: PageFlow[];
  newPage: boolean;
  scenarios?: boolean;
}

const full = (child: Paragraph): Flow => ({ child, span: 'full' });

function band(planned: PlanBand, ctx: RenderContext): Paragraph {
  const { band: settings } = ctx.layout;
  const current = wordColour(resolveColour(ctx.layout, settings.currentColour, ctx.family));
  const other = wordColour(resolveColour(ctx.layout, settings.otherColour, ctx.family));
  const children: TextRun[] = [];
  planned.phases.forEach((phase, index) => {
    if (index > 0) children.push(new TextRun({ text: planned.separator, color: other, bold: false }));
    children.push(
      new TextRun({ text: phase.label, color: phase.current ? current : other, bold: phase.current }),
    );
  });
  return new Paragraph({ style: ctx.styles.band, children });
}

function heading(style: string, text: string): Paragraph {
  return new Paragraph({ style, children: [new TextRun(text)] });
}

function body(nodes: PlanNode[], ctx: RenderContext): Promise<Flow[]> {
  return renderBlocks(nodes, { paragraph: 'body', widthMm: ctx.columnWidthMm, boxed: false }, ctx);
}

export async function renderSections(sections: readonly PlanSection[], ctx: RenderContext): Promise<Part[]> {
  const parts: Part[] = [];
  for (const section of sections) {
    const head: Flow[] = [];
    if (section.heading.kind === 'display')
      head.push(full(heading(ctx.styles.displayTitle, section.heading.text)));
    else {
      if (section.heading.band) head.push(full(band(section.heading.band, ctx)));
      head.push(full(heading(ctx.styles.question, section.heading.text)));
    }
    parts.push({ flows: [...head, ...(await body(section.body, ctx))], newPage: section.newPage });
  }
  return parts;
}

export async function renderMicroScenarios(micro: PlanMicroScenarios, ctx: RenderContext): Promise<Part> {
  const flows: Flow[] = [
    full(heading(ctx.styles.displayTitle, micro.title)),
    ...micro.method.map((text) => full(heading(ctx.styles.methodNote, text))),
  ];
  const note = await renderBlocks(
    micro.familyNote,
    { paragraph: 'familyNote', widthMm: ctx.fullWidthMm, boxed: false },
    ctx,
  );
  flows.push(...note.map((flow): Flow => ({ ...flow, span: 'full' })));
  for (const hypothesis of micro.hypotheses) {
    flows.push(
      full(
        new Paragraph({
          style: ctx.styles.hypothesisLabel,
          pageBreakBefore: hypothesis.ownPage,
          children: [new TextRun(hypothesis.label)],
        }),
      ),
      full(
        new Paragraph({
          style: ctx.styles.scenarioTitle,
          children: inlineChildren(hypothesis.titleContent, ctx.review),
        }),
      ),
    );
    // Each angle across the page, as the published sheets print them (and the PDF does).
    for (const angle of hypothesis.angles) {
      const text = await renderBlocks(
        angle.body,
        { paragraph: 'angleText', widthMm: ctx.fullWidthMm, boxed: false },
        ctx,
      );
      flows.push(
        full(heading(ctx.styles.angleLabel, angle.label)),
        ...text.map((flow): Flow => ({ ...flow, span: 'full' })),
      );
    }
  }
  return { flows, newPage: micro.newPage, scenarios: true };
}
