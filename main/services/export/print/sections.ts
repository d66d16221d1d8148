import type { Counts } from '../../../../shared/content/numbering.js';
import type { TemplateSection } from '../../../../shared/model/template.js';
import type { PrintSheet } from '../sheet-input.js';
import { documentHtml, type ContentContext } from './content.js';
import { escapeHtml } from './escape.js';
import { plainText } from './text.js';

/**
 * The trajectory and the phase sections: a display title, or the phase band (when the
 * phase changes) with the guiding question under it, then the body in columns. Band and
 * question form one block that never ends a page.
 */

function bandHtml(print: PrintSheet, current: string, separator: string): string {
  const phases = print.template.phases
    .map((phase) =>
      phase.id === current
        ? `<span class="phase-current" aria-current="step">${plainText(phase.label)}</span>`
        : `<span class="phase-other">${plainText(phase.label)}</span>`,
    )
    .join(`<span class="phase-separator">${escapeHtml(separator)}</span>`);
  return `<p class="band r-band">${phases}</p>`;
}

/** A section without phase or question (the trajectory) takes a display title; the others their guiding question. */
function headingHtml(
  print: PrintSheet,
  section: TemplateSection,
  bandShown: boolean,
  separator: string,
): string {
  if (section.phase === undefined && section.question === undefined) {
    return `<h2 class="display-title r-displayTitle">${plainText(section.title)}</h2>`;
  }
  const band = bandShown && section.phase ? bandHtml(print, section.phase, separator) : '';
  return `<div class="question-block">${band}<h2 class="question r-question">${plainText(section.question ?? section.title)}</h2></div>`;
}

export function sectionsHtml(
  print: PrintSheet,
  starts: ReadonlyMap<string, Counts>,
  context: ContentContext,
): string {
  let previousPhase: string | undefined;
  return print.template.sections
    .map((section) => {
      const phaseStarts = section.phase !== undefined && section.phase !== previousPhase;
      previousPhase = section.phase;
      const classes = [
        'sheet-section',
        section.phase === undefined ? 'display-section' : 'phase-section',
        ...(phaseStarts ? ['phase-start'] : []),
      ];
      const body = documentHtml(
        print.sheet.sections[section.id],
        starts.get(section.id) ?? { figure: 0, table: 0 },
        context,
      );
      return `<section class="${classes.join(' ')}">${headingHtml(print, section, phaseStarts, context.layout.band.separator)}<div class="columns body">${body}</div></section>`;
    })
    .join('\n');
}
