import { noCounts } from '../../../../shared/content/numbering.js';
import type { LoadedLayout } from '../layout/load-layout.js';
import type { PrintSheet } from '../sheet-input.js';
import { sheetMetadata } from './metadata.js';
import { planSheet } from './sheet.js';
import { clippedQuote } from '../../../../shared/review/labels.js';
import { fr } from '../../french.js';
import type { ExportPlan, PlanComment, PlanReview } from './types.js';

/**
 * The threads the plan's text anchors, in that order: the sheet's, and its family's on the
 * shared micro-scenarios it shows. The others are reported (their text is not in the document).
 */
function plannedComments(
  print: PrintSheet,
  anchored: ReadonlySet<string>,
  warnings: string[],
): PlanComment[] {
  // Thread ids are random: a sheet's and its family's never meet.
  const threads = { ...print.familyReview?.threads, ...print.sheet.review.threads };
  for (const thread of Object.values(threads)) {
    if (anchored.has(thread.id)) continue;
    warnings.push(
      fr`Commentaire de ${thread.author} sur un texte absent du document (« ${clippedQuote(thread.quote, 80)} ») : non exporté.`,
    );
  }
  return [...anchored].flatMap((id) => {
    const thread = threads[id];
    if (!thread) return [];
    return [
      {
        id,
        author: thread.author,
        date: thread.at,
        text: thread.text,
        resolved: thread.resolved !== undefined,
        replies: thread.replies.map((reply) => ({
          id: reply.id,
          author: reply.author,
          date: reply.at,
          text: reply.text,
        })),
      },
    ];
  });
}

/** A sheet alone: a volume of one piece, without cover, table of contents or divider. */
export function planOfSheet(print: PrintSheet, loaded: LoadedLayout): ExportPlan {
  const warnings: string[] = [];
  const review: PlanReview = {
    comments: print.review?.comments === true,
    changes: print.review?.changesSince !== undefined,
  };
  const anchored = new Set<string>();
  const { sheet } = planSheet(print, {
    layout: loaded.layout,
    warnings,
    review,
    anchored,
    anchorPrefix: print.variable.id,
    inVolume: false,
    showMicroScenarios: true,
    offset: noCounts(),
    rightHand: false,
  });
  return {
    metadata: sheetMetadata(print, loaded.layout.language),
    pieces: [{ kind: 'sheet', sheet }],
    assets: print.assets,
    review,
    comments: review.comments ? plannedComments(print, anchored, warnings) : [],
    warnings,
  };
}
