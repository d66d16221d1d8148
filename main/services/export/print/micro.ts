import type { PlanHypothesis, PlanMicroScenarios } from '../plan/types.js';
import { documentHtml, type ContentContext } from './content.js';
import { bodyText, plainText } from './text.js';

/**
 * The micro-scenarios on their own pages: the display title, the method note, the family's
 * note and the first hypothesis; the other hypotheses follow on a page headed by the
 * continuation title (« Micro-scénarios (suite) »), or each on its own such page when the
 * plan says so, as on the published sheets.
 */

function hypothesisHtml(hypothesis: PlanHypothesis, context: ContentContext): string {
  const angleContext: ContentContext = {
    ...context,
    roles: { paragraph: 'angleText', listItem: 'angleText' },
  };
  const angles = hypothesis.angles
    .map(
      (angle) =>
        `<div class="angle"><p class="angle-label r-angleLabel">${plainText(angle.label)}</p><div class="angle-text">${documentHtml(angle.body, angleContext)}</div></div>`,
    )
    .join('');
  const title = hypothesis.title
    ? `<p class="scenario-title r-scenarioTitle">${plainText(hypothesis.title)}</p>`
    : '';
  return `<article class="hypothesis"><h3 class="hypothesis-label r-hypothesisLabel">${plainText(hypothesis.label)}</h3>${title}${angles}</article>`;
}

/** The hypotheses grouped by page: the first with the notes, then one group a continuation page. */
function pageGroups(hypotheses: readonly PlanHypothesis[]): PlanHypothesis[][] {
  const groups: PlanHypothesis[][] = [];
  for (const [index, hypothesis] of hypotheses.entries()) {
    const last = groups[groups.length - 1];
    if (!last || index === 1 || hypothesis.ownPage) groups.push([hypothesis]);
    else last.push(hypothesis);
  }
  return groups;
}

/** `continuedPage`: the CSS page of the continuation pages, when not the piece's own. */
export function microScenariosHtml(
  micro: PlanMicroScenarios,
  context: ContentContext,
  continuedPage?: string,
): string {
  const tag = `h${micro.level}`;
  const method = micro.method
    .map((paragraph) => `<p class="r-methodNote">${bodyText(paragraph, context)}</p>`)
    .join('');
  const noteContext: ContentContext = {
    ...context,
    roles: { paragraph: 'familyNote', listItem: 'familyNote' },
  };
  const note = documentHtml(micro.familyNote, noteContext);
  const [firstGroup = [], ...continued] = pageGroups(micro.hypotheses).map((group) =>
    group.map((hypothesis) => hypothesisHtml(hypothesis, context)).join(''),
  );
  const continuation = continued
    .map(
      (group) =>
        // Not a heading: the outline lists the micro-scenarios once.
        `<section class="micro-continued"${continuedPage ? ` style="page: ${continuedPage}"` : ''}><p class="display-title r-displayTitle">${plainText(micro.continuationTitle)}</p>${group}</section>`,
    )
    .join('');
  return `<section class="micro${micro.newPage ? ' new-page' : ''}"><${tag} class="display-title r-displayTitle">${plainText(micro.title)}</${tag}><div class="method-note">${method}</div>${note ? `<div class="family-note">${note}</div>` : ''}${firstGroup}</section>${continuation}`;
}
