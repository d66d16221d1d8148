import { familyColours, type Layout } from '../../../../shared/model/layout.js';
import type { PrintSheet } from '../sheet-input.js';
import { plainText, bodyText, type TextOptions } from './text.js';

/**
 * The opening: the family, the variable as title, the collection's standard paragraph and
 * the system-of-variables diagram, each family a block in its own colour listing its
 * variables, this sheet's highlighted.
 */

/** The display title of the diagram: fixed wording of the collection. */
export const DIAGRAM_TITLE = 'Système de variables';

function diagramHtml(print: PrintSheet, layout: Layout): string {
  const blocks = print.repository.families.map((family, index) => {
    const colours = familyColours(layout, family.id, index);
    const variables = family.variables
      .map((variable) =>
        variable.id === print.variable.id
          ? `<li class="r-diagramCurrent" aria-current="true">${plainText(variable.name)}</li>`
          : `<li class="r-diagramVariable">${plainText(variable.name)}</li>`,
      )
      .join('');
    // Colours are #RRGGBB checked by the layout schema: safe inside the attribute.
    return `<section class="diagram-block" style="--family: ${colours.main}; --family-tint: ${colours.tint}"><p class="r-diagramFamily">${family.number}.\u00a0${plainText(family.name)}</p><ul>${variables}</ul></section>`;
  });
  return `<div class="diagram">${blocks.join('')}</div>`;
}

export function openingHtml(print: PrintSheet, layout: Layout, text: TextOptions): string {
  const { family, variable, template } = print;
  const paragraphs = template.standardTexts.opening
    .map((paragraph) => `<p class="r-opening">${bodyText(paragraph, text)}</p>`)
    .join('');
  return `<header class="opening-block">
<p class="family-line r-family">${family.number}.\u00a0${plainText(family.name)}</p>
<h1 class="title r-title">${plainText(variable.name)}</h1>
<div class="opening">${paragraphs}</div>
<h2 class="display-title r-displayTitle">${plainText(DIAGRAM_TITLE)}</h2>
${diagramHtml(print, layout)}
</header>`;
}
