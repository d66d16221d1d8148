import type { FamilyPatch } from '../../shared/api/contract.js';
import { REVIEW_KEY } from '../../shared/model/history.js';
import { emptyFamilyFile, type FamilyFile } from '../../shared/model/sheet.js';
import { readFamilyFile } from './families.js';
import { afterFamilySave, beforeFamilySave } from './history/policy.js';
import type { RepositoryContext } from './repository/context.js';
import { requireFamily } from './repository/system.js';
import { mergeReview } from './review/review-patch.js';
import { checkedContent, mergeScenarios } from './scenarios.js';
import { saveJson } from './storage/json-store.js';
import { partsOfFamily, withFamilyParts } from '../../shared/history/parts.js';
import { rebaseSave } from './sheets/rebase-save.js';

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
    const review = mergeReview(
      template,
      { review: base.review, scenarios: base.scenarios },
      patch,
      scenarios,
      'family',
    );
    let next: FamilyFile = {
      ...base,
      note: patch.note ? checkedContent(patch.note, 'Note de la famille') : base.note,
      scenarios,
      review: review.review,
    };
    const rebased = await rebaseSave(
      context,
      partsOfFamily(base),
      partsOfFamily(next),
      patch.base,
      base.conflicts,
    );
    if (rebased) {
      const { conflicts: _, ...rest } = withFamilyParts(next, rebased.parts);
      next = { ...rest, ...(rebased.conflicts ? { conflicts: rebased.conflicts } : {}) };
    }
    const path = context.layout.familyFile(familyId);
    await beforeFamilySave(context, base);
    await saveJson(path, context.layout.display(path), next);
    await afterFamilySave(context, next);
    // The editor reads again what it sent and the host merged with a sync's change.
    const merged = [...(rebased?.merged ?? []), ...(review.merged ? [REVIEW_KEY] : [])];
    return { familyId, updatedAt: new Date().toISOString(), ...(merged.length > 0 ? { merged } : {}) };
  });
}
