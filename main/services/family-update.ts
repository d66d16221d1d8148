import type { FamilyPatch } from '../../shared/api/contract.js';
import { emptyFamilyFile, type FamilyFile } from '../../shared/model/sheet.js';
import { readFamilyFile } from './families.js';
import { afterFamilySave, beforeFamilySave } from './history/policy.js';
import type { RepositoryContext } from './repository/context.js';
import { requireFamily } from './repository/system.js';
import { mergeReview } from './review/review-patch.js';
import { checkedContent, mergeScenarios } from './scenarios.js';
import { saveJson } from './storage/json-store.js';

/**
 * families:update: the family's shared note and micro-scenarios, and the review of them
 * (threads, title marks), merged with what the patch names as a sheet's are. Its history
 * records them by the sheets' policy (history/policy.ts), so the words a save replaces
 * stay recoverable.
 */
export async function updateFamily(
  context: RepositoryContext,
  familyId: string,
  patch: FamilyPatch,
): Promise<{ familyId: string; updatedAt: string }> {
  requireFamily(await context.repository(), familyId);
  const template = await context.template();
  return context.queue.run(`family:${familyId}`, async () => {
    const { family, damaged } = await readFamilyFile(context, familyId);
    // The user edits what they saw: saving over a file just set aside would hide that it was lost.
    if (damaged) throw damaged;
    const base = family ?? emptyFamilyFile(familyId);
    const scenarios = patch.scenarios
      ? mergeScenarios(template, base.scenarios, patch.scenarios)
      : base.scenarios;
    const next: FamilyFile = {
      ...base,
      note: patch.note ? checkedContent(patch.note, 'Note de la famille') : base.note,
      scenarios,
      review: mergeReview(template, base.review, patch, scenarios, 'family'),
    };
    const path = context.layout.familyFile(familyId);
    await beforeFamilySave(context, base);
    await saveJson(path, context.layout.display(path), next);
    await afterFamilySave(context, next);
    return { familyId, updatedAt: new Date().toISOString() };
  });
}
