import type { ConflictChoice } from '../../../shared/api/sync-contract.js';
import type { DocNode } from '../../../shared/content/doc.js';
import {
  partsOfFamily,
  partsOfSheet,
  withFamilyParts,
  withParts,
  type PartValue,
  type SheetParts,
} from '../../../shared/history/parts.js';
import { partTitle } from '../../../shared/history/titles.js';
import { isDocPartKey, parsePartKey, type RevisionSummary } from '../../../shared/model/history.js';
import {
  emptyFamilyFile,
  type Conflict,
  type FamilyFile,
  type SheetFile,
} from '../../../shared/model/sheet.js';
import { AppFailure } from '../../../shared/result.js';
import { readFamilyFile } from '../families.js';
import { fr } from '../french.js';
import { historyOf } from '../history/service.js';
import type { RepositoryContext } from '../repository/context.js';
import { requireFamily } from '../repository/system.js';
import { checkedContent } from '../scenarios.js';
import { requireSheet, writeSheet } from '../sheets/sheet-file.js';
import { saveJson } from '../storage/json-store.js';

/**
 * conflicts:resolve: the user kept the version in the sheet, the other one, or an edit of
 * the two (« Modifier les deux ensemble »). The part takes that value, the conflict goes,
 * and a revision records the result (kind `resolve`); the state before is recorded first
 * if it was not, so the version not kept stays in the history.
 */
export type ResolveTarget = { sheetId: string } | { familyId: string };

function resolvedValue(
  conflict: Conflict,
  current: PartValue | undefined,
  choice: ConflictChoice,
  value: unknown,
  title: string,
): PartValue {
  if (choice === 'current') {
    if (current === undefined) throw new AppFailure('not-found', fr`La partie « ${title} » n’existe plus.`);
    return current;
  }
  if (choice === 'other') return conflict.value as PartValue;
  if (value === undefined)
    throw new AppFailure('invalid-request', fr`Indiquez le texte à garder pour « ${title} ».`);
  const kind = parsePartKey(conflict.part)?.kind;
  if (isDocPartKey(conflict.part)) {
    if (typeof value !== 'object' || value === null || !('type' in value)) {
      throw new AppFailure('invalid-content', fr`« ${title} » attend un texte mis en forme.`);
    }
    return checkedContent(value as DocNode, title);
  }
  if (kind === 'title' && typeof value !== 'string')
    throw new AppFailure('invalid-content', fr`« ${title} » attend un titre.`);
  if (kind === 'meta' && (typeof value !== 'object' || value === null || !('status' in value))) {
    throw new AppFailure('invalid-content', fr`« ${title} » attend un statut et des auteurs.`);
  }
  return value as PartValue;
}

function conflictOf(conflicts: readonly Conflict[] | undefined, id: string): Conflict {
  const conflict = conflicts?.find((entry) => entry.id === id);
  if (!conflict) {
    throw new AppFailure(
      'not-found',
      fr`Ce conflit est déjà résolu (peut-être par un collègue, après une synchronisation) : rouvrez la fiche pour voir son état.`,
      { conflictId: id },
    );
  }
  return conflict;
}

const without = <F extends { conflicts?: Conflict[] }>(file: F, id: string): F => {
  const { conflicts, ...rest } = file;
  const left = (conflicts ?? []).filter((entry) => entry.id !== id);
  return (left.length > 0 ? { ...rest, conflicts: left } : rest) as F;
};

export async function resolveConflict(
  context: RepositoryContext,
  target: ResolveTarget,
  conflictId: string,
  choice: ConflictChoice,
  value: unknown,
): Promise<RevisionSummary | null> {
  const template = await context.template();
  const service = historyOf(context);
  if ('sheetId' in target) {
    return context.queue.run(`sheet:${target.sheetId}`, async () => {
      const sheet = await requireSheet(context, target.sheetId);
      const conflict = conflictOf(sheet.conflicts, conflictId);
      const parts: SheetParts = partsOfSheet(sheet);
      const title = partTitle(template, conflict.part);
      const chosen = resolvedValue(conflict, parts[conflict.part], choice, value, title);
      const next: SheetFile = {
        ...without(withParts(sheet, { [conflict.part]: chosen }), conflictId),
        updatedAt: new Date().toISOString(),
      };
      await service.record(sheet, { kind: 'auto' }, false);
      await writeSheet(context, next);
      return service.record(next, { kind: 'resolve' }, true);
    });
  }
  requireFamily(await context.repository(), target.familyId);
  return context.queue.run(`family:${target.familyId}`, async () => {
    const { family, damaged } = await readFamilyFile(context, target.familyId);
    if (damaged) throw damaged;
    const current: FamilyFile = family ?? emptyFamilyFile(target.familyId);
    const conflict = conflictOf(current.conflicts, conflictId);
    const title = partTitle(template, conflict.part);
    const chosen = resolvedValue(conflict, partsOfFamily(current)[conflict.part], choice, value, title);
    const next = without(withFamilyParts(current, { [conflict.part]: chosen }), conflictId);
    await service.recordFamily(current, { kind: 'auto' }, false);
    const path = context.layout.familyFile(target.familyId);
    await saveJson(path, context.layout.display(path), next);
    return service.recordFamily(next, { kind: 'resolve' }, true);
  });
}
