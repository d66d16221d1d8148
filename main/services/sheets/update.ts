import type { SheetPatch, SheetSummary } from '../../../shared/api/contract.js';
import type { SheetFile } from '../../../shared/model/sheet.js';
import { afterSheetSave, beforeSheetSave } from '../history/policy.js';
import type { RepositoryContext } from '../repository/context.js';
import { findVariable } from '../repository/system.js';
import { checkedSectionPatch, mergeScenarios } from '../scenarios.js';
import { partsOfSheet, withParts } from '../../../shared/history/parts.js';
import { rebaseSave } from './rebase-save.js';
import { requireSheet, summarize, writeSheet } from './sheet-file.js';

/**
 * sheets:update merges only what the patch names, so two editors' saves of different
 * parts never undo each other; saves of one sheet run one at a time, each on the result
 * of the previous one. Cost: reading, checking and writing this one sheet; a revision is
 * recorded only when the history's policy says so (history/policy.ts). A part a sync changed
 * since the editor read it is merged, not replaced (rebase-save.ts).
 */
export async function updateSheet(
  context: RepositoryContext,
  id: string,
  patch: SheetPatch,
): Promise<SheetSummary> {
  const template = await context.template();
  const saved = await context.queue.run(`sheet:${id}`, async () => {
    const sheet = await requireSheet(context, id);
    const sections = patch.sections ? checkedSectionPatch(template, patch.sections) : {};
    const scenarios = patch.scenarios
      ? mergeScenarios(template, sheet.microScenarios.scenarios, patch.scenarios)
      : sheet.microScenarios.scenarios;
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
    await beforeSheetSave(context, sheet);
    await writeSheet(context, next);
    await afterSheetSave(context, sheet, next);
    return { sheet: next, merged: rebased?.merged };
  });
  const summary = await summarize(
    context,
    saved.sheet,
    findVariable(await context.repository(), id)?.family.id,
  );
  return saved.merged ? { ...summary, merged: saved.merged } : summary;
}
