import type { SheetPatch, SheetSummary } from '../../../shared/api/contract.js';
import { REVIEW_KEY } from '../../../shared/model/history.js';
import type { SheetFile } from '../../../shared/model/sheet.js';
import { readFamilyFile } from '../families.js';
import { afterSheetSave, beforeSheetSave } from '../history/policy.js';
import type { RepositoryContext } from '../repository/context.js';
import { findVariable } from '../repository/system.js';
import { mergeReview } from '../review/review-patch.js';
import { checkedSectionPatch, mergeScenarios } from '../scenarios.js';
import { partsOfSheet, withParts } from '../../../shared/history/parts.js';
import { rebaseSave } from './rebase-save.js';
import { requireSheet, summaryOf, writeSheet } from './sheet-file.js';

/**
 * sheets:update merges only what the patch names, so two editors' saves of different
 * parts never undo each other; saves of one sheet run one at a time, each on the result
 * of the previous one. Cost: reading, checking and writing this one sheet; a revision is
 * recorded only when the history's policy says so (history/policy.ts). A part a sync changed
 * since the editor read it is merged, not replaced (rebase-save.ts).
 *
 * A failure reported means nothing was written: everything that can fail (reading,
 * checking, the history's initial revision, what the summary needs) happens before the
 * write, and what follows it cannot fail the save (afterSheetSave).
 */
export async function updateSheet(
  context: RepositoryContext,
  id: string,
  patch: SheetPatch,
): Promise<SheetSummary> {
  const template = await context.template();
  const familyId = findVariable(await context.repository(), id)?.family.id;
  return context.queue.run(`sheet:${id}`, async () => {
    const sheet = await requireSheet(context, id);
    const sections = patch.sections ? checkedSectionPatch(template, patch.sections) : {};
    const scenarios = patch.scenarios
      ? mergeScenarios(template, sheet.microScenarios.scenarios, patch.scenarios)
      : sheet.microScenarios.scenarios;
    const review = mergeReview(
      template,
      { review: sheet.review, scenarios: sheet.microScenarios.scenarios },
      patch,
      scenarios,
      'sheet',
    );
    let next: SheetFile = {
      ...sheet,
      status: patch.status ?? sheet.status,
      authors: patch.authors ?? sheet.authors,
      updatedAt: new Date().toISOString(),
      sections: { ...sheet.sections, ...sections },
      microScenarios: {
        useFamily: patch.useFamilyMicroScenarios ?? sheet.microScenarios.useFamily,
        scenarios,
      },
      review: review.review,
    };
    const rebased = await rebaseSave(
      context,
      partsOfSheet(sheet),
      partsOfSheet(next),
      patch.base,
      sheet.conflicts,
    );
    if (rebased) {
      const { conflicts: _, ...rest } = withParts(next, rebased.parts);
      next = { ...rest, ...(rebased.conflicts ? { conflicts: rebased.conflicts } : {}) };
    }
    // A sheet no variable points at any more counts no family's micro-scenarios.
    const familyScenarios = next.microScenarios.useFamily
      ? familyId
        ? ((await readFamilyFile(context, familyId)).family?.scenarios ?? {})
        : {}
      : undefined;
    await beforeSheetSave(context, sheet);
    await writeSheet(context, next);
    await afterSheetSave(context, sheet, next);
    const summary = summaryOf(template, next, familyScenarios);
    // The editor reads again what it sent and the host merged with a sync's change.
    const merged = [...(rebased?.merged ?? []), ...(review.merged ? [REVIEW_KEY] : [])];
    return merged.length > 0 ? { ...summary, merged } : summary;
  });
}
