import type { Counts } from '../../../../shared/content/numbering.js';
import type { Layout } from '../../../../shared/model/layout.js';
import type { PrintSheet } from '../sheet-input.js';
import { documentHtml, type ContentContext } from './content.js';
import { bodyText, plainText } from './text.js';

/**
 * The micro-scenarios on their own pages: the display title, the method note, the family's
 * note and the first hypothesis; the other hypotheses follow on a page headed by the
 * continuation title (« Micro-scénarios (suite) »), or each on its own such page when the
 * layout asks for it, as on the published sheets.
 */

const NO_COUNTS: Counts = { figure: 0, table: 0 };

export interface MicroStarts {
  familyNote: Counts;
  /** Keyed by `${hypothesis}/${angle}`. */
  angles: ReadonlyMap<string, Counts>;
}

function continuationTitle(layout: Layout, title: string): string {
  return layout.microScenarios.continuationTitle.replaceAll('{title}', title);
}

function hypothesisHtml(
  print: PrintSheet,
  hypothesis: { id: string; label: string },
  starts: MicroStarts,
  context: ContentContext,
): string {
  const scenario = print.scenarios[hypothesis.id];
  const angleContext: ContentContext = {
    ...context,
    roles: { paragraph: 'angleText', listItem: 'angleText' },
  };
  const angles = print.template.microScenarios.angles
    .map((angle) => {
      const start = starts.angles.get(`${hypothesis.id}/${angle.id}`) ?? NO_COUNTS;
      const body = documentHtml(scenario?.angles[angle.id], start, angleContext);
      return `<div class="angle"><p class="angle-label r-angleLabel">${plainText(angle.label)}</p><div class="angle-text">${body}</div></div>`;
    })
    .join('');
  const title = scenario?.title.trim()
    ? `<p class="scenario-title r-scenarioTitle">${plainText(scenario.title)}</p>`
    : '';
  return `<article class="hypothesis"><h3 class="hypothesis-label r-hypothesisLabel">${plainText(hypothesis.label)}</h3>${title}${angles}</article>`;
}

/** The hypotheses grouped by page: the first with the notes, then one group a continuation page. */
function pageGroups<T>(items: readonly T[], eachOnItsPage: boolean): T[][] {
  const [first, ...rest] = items;
  if (first === undefined) return [];
  if (rest.length === 0) return [[first]];
  return eachOnItsPage ? [[first], ...rest.map((item) => [item])] : [[first], rest];
}

export function microScenariosHtml(print: PrintSheet, starts: MicroStarts, context: ContentContext): string {
  const { template } = print;
  const { layout } = context;
  const title = template.microScenarios.title;
  const method = template.standardTexts.microScenariosMethod
    .map((paragraph) => `<p class="r-methodNote">${bodyText(paragraph, context)}</p>`)
    .join('');
  const noteContext: ContentContext = {
    ...context,
    roles: { paragraph: 'familyNote', listItem: 'familyNote' },
  };
  const note = documentHtml(print.familyNote, starts.familyNote, noteContext);
  const groups = pageGroups(template.microScenarios.hypotheses, layout.microScenarios.hypothesisOnNewPage);
  const [firstGroup = [], ...continued] = groups.map((group) =>
    group.map((hypothesis) => hypothesisHtml(print, hypothesis, starts, context)).join(''),
  );
  const continuation = continued
    .map(
      (group) =>
        // Not a heading: the outline lists the micro-scenarios once.
        `<section class="micro-continued"><p class="display-title r-displayTitle">${plainText(continuationTitle(layout, title))}</p>${group}</section>`,
    )
    .join('');
  return `<section class="micro"><h2 class="display-title r-displayTitle">${plainText(title)}</h2><div class="method-note">${method}</div>${note ? `<div class="family-note">${note}</div>` : ''}${firstGroup}</section>${continuation}`;
}
