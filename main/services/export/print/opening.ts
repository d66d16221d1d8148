import type { PlanDiagram, PlanSheet } from '../plan/types.js';
import { bodyText, plainText, type TextOptions } from './text.js';

/**
 * The opening: the family, the variable as title, then (a sheet alone) the collection's
 * standard paragraph and the system-of-variables diagram under the layout's title, each
 * family a block in its own colour listing its variables, this sheet's highlighted.
 */

export function diagramHtml(diagram: PlanDiagram): string {
  const blocks = diagram.families.map((family) => {
    const variables = family.variables
      .map((variable) =>
        variable.current
          ? `<li class="r-diagramCurrent" aria-current="true">${plainText(variable.name)}</li>`
          : `<li class="r-diagramVariable">${plainText(variable.name)}</li>`,
      )
      .join('');
    // Colours are #RRGGBB checked by the layout schema: safe inside the attribute.
    return `<section class="diagram-block" style="--family: ${family.colours.main}; --family-tint: ${family.colours.tint}"><p class="r-diagramFamily">${plainText(family.label)}</p><ul>${variables}</ul></section>`;
  });
  return `<h2 class="display-title r-displayTitle">${plainText(diagram.title)}</h2>
<div class="diagram">${blocks.join('')}</div>`;
}

export function standardTextHtml(paragraphs: readonly string[], text: TextOptions): string {
  const html = paragraphs
    .map((paragraph) => `<p class="r-opening">${bodyText(paragraph, text)}</p>`)
    .join('');
  return html ? `<div class="opening">${html}</div>` : '';
}

export function openingHtml(sheet: PlanSheet, text: TextOptions): string {
  const { opening } = sheet;
  const tag = `h${opening.level}`;
  return `<header class="opening-block">
<p class="family-line r-family">${plainText(opening.familyLine)}</p>
<${tag} class="title r-title">${plainText(opening.title)}</${tag}>
${standardTextHtml(opening.paragraphs, text)}
${opening.diagram ? diagramHtml(opening.diagram) : ''}
</header>`;
}
