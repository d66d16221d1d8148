import type { PlanBand, PlanSection } from '../plan/types.js';
import { documentHtml, type ContentContext } from './content.js';
import { escapeHtml } from './escape.js';
import { plainText } from './text.js';

/**
 * The trajectory and the phase sections: a display title, or the phase band (at a phase's
 * first section) with the guiding question under it, then the body in columns. Band and
 * question form one block that never ends a page.
 */

function bandHtml(band: PlanBand): string {
  const phases = band.phases
    .map((phase) =>
      phase.current
        ? `<span class="phase-current" aria-current="step">${plainText(phase.label)}</span>`
        : `<span class="phase-other">${plainText(phase.label)}</span>`,
    )
    .join(`<span class="phase-separator">${escapeHtml(band.separator)}</span>`);
  return `<p class="band r-band">${phases}</p>`;
}

function headingHtml(section: PlanSection): string {
  const { heading } = section;
  const tag = `h${heading.level}`;
  if (heading.kind === 'display') {
    return `<${tag} class="display-title r-displayTitle">${plainText(heading.text)}</${tag}>`;
  }
  const band = heading.band ? bandHtml(heading.band) : '';
  return `<div class="question-block">${band}<${tag} class="question r-question">${plainText(heading.text)}</${tag}></div>`;
}

export function sectionsHtml(sections: readonly PlanSection[], context: ContentContext): string {
  return sections
    .map((section) => {
      const classes = [
        'sheet-section',
        section.heading.kind === 'display' ? 'display-section' : 'phase-section',
        ...(section.phaseStart ? ['phase-start'] : []),
        ...(section.newPage ? ['new-page'] : []),
      ];
      return `<section class="${classes.join(' ')}" id="${escapeHtml(section.anchor)}">${headingHtml(section)}<div class="columns body">${documentHtml(section.body, context)}</div></section>`;
    })
    .join('\n');
}
