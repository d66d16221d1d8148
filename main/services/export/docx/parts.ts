import { Paragraph, TextRun } from 'docx';
import type { DocNode } from '../../../../shared/content/doc.js';
import { resolveColour } from '../../../../shared/model/layout.js';
import type { TemplateSection } from '../../../../shared/model/template.js';
import { renderBlocks } from './blocks.js';
import type { Flow, RenderContext } from './context.js';
import { STYLES } from './styles.js';
import { wordColour } from './units.js';

/**
 * The parts of a sheet after its opening: the trajectory and the phases' sections (a band
 * and a guiding question over two columns of text), then the micro-scenarios.
 */

/** A run of blocks; `newPage` starts it on a new page, `scenarios` marks the micro-scenarios' pages. */
export interface Part {
  flows: Flow[];
  newPage: boolean;
  scenarios?: boolean;
}

const full = (child: Paragraph): Flow => ({ child, span: 'full' });

function band(phaseId: string, ctx: RenderContext): Paragraph {
  const { band: settings } = ctx.layout;
  const current = wordColour(resolveColour(ctx.layout, settings.currentColour, ctx.family));
  const other = wordColour(resolveColour(ctx.layout, settings.otherColour, ctx.family));
  const children: TextRun[] = [];
  ctx.print.template.phases.forEach((phase, index) => {
    if (index > 0) children.push(new TextRun({ text: settings.separator, color: other, bold: false }));
    const isCurrent = phase.id === phaseId;
    children.push(new TextRun({ text: phase.label, color: isCurrent ? current : other, bold: isCurrent }));
  });
  return new Paragraph({ style: STYLES.band.id, children });
}

function heading(style: string, text: string): Paragraph {
  return new Paragraph({ style, children: [new TextRun(text)] });
}

async function body(doc: DocNode | undefined, ctx: RenderContext): Promise<Flow[]> {
  return renderBlocks(
    doc?.content ?? [],
    { paragraph: 'body', widthMm: ctx.columnWidthMm, boxed: false },
    ctx,
  );
}

export async function renderSections(ctx: RenderContext): Promise<Part[]> {
  const { template, sheet } = ctx.print;
  const parts: Part[] = [];
  let previousPhase: string | undefined;
  for (const [index, section] of template.sections.entries()) {
    const head: Flow[] = [];
    const phaseChanged = section.phase !== undefined && section.phase !== previousPhase;
    if (phaseChanged && section.phase) head.push(full(band(section.phase, ctx)));
    head.push(full(sectionHeading(section)));
    previousPhase = section.phase;
    const newPage =
      index > 0 &&
      (section.phase === undefined
        ? ctx.layout.newPage.trajectory
        : phaseChanged && ctx.layout.newPage.eachPhase);
    parts.push({ flows: [...head, ...(await body(sheet.sections[section.id], ctx))], newPage });
  }
  return parts;
}

/** Sections without a phase (the trajectory) take a display title; the others their guiding question. */
function sectionHeading(section: TemplateSection): Paragraph {
  if (section.phase === undefined && section.question === undefined) {
    return heading(STYLES.displayTitle.id, section.title);
  }
  return heading(STYLES.question.id, section.question ?? section.title);
}

export async function renderMicroScenarios(ctx: RenderContext): Promise<Part> {
  const { template, familyNote, scenarios } = ctx.print;
  const settings = template.microScenarios;
  const flows: Flow[] = [
    full(heading(STYLES.displayTitle.id, settings.title)),
    ...template.standardTexts.microScenariosMethod.map((text) => full(heading(STYLES.methodNote.id, text))),
  ];
  const note = await renderBlocks(
    familyNote?.content ?? [],
    { paragraph: 'familyNote', widthMm: ctx.fullWidthMm, boxed: false },
    ctx,
  );
  flows.push(...note.map((flow): Flow => ({ ...flow, span: 'full' })));
  for (const [index, hypothesis] of settings.hypotheses.entries()) {
    const scenario = scenarios[hypothesis.id];
    flows.push(
      full(
        new Paragraph({
          style: STYLES.hypothesisLabel.id,
          pageBreakBefore: index > 0 && ctx.layout.microScenarios.hypothesisOnNewPage,
          children: [new TextRun(hypothesis.label)],
        }),
      ),
      full(heading(STYLES.scenarioTitle.id, scenario?.title.trim() ?? '')),
    );
    for (const angle of settings.angles) {
      const text = await renderBlocks(
        scenario?.angles[angle.id]?.content ?? [],
        { paragraph: 'angleText', widthMm: ctx.columnWidthMm, boxed: false },
        ctx,
      );
      flows.push({ child: heading(STYLES.angleLabel.id, angle.label), span: 'column' }, ...text);
    }
  }
  return { flows, newPage: ctx.layout.newPage.microScenarios, scenarios: true };
}
