import { familyFileSchema, type FamilyFile } from '../../shared/model/sheet.js';
import type { AppFailure } from '../../shared/result.js';
import { docsProblem, idMismatch, scenariosProblem } from './content-checks.js';
import { damagedFailure, setAside, unreadableFailure } from './repository/damaged.js';
import type { RepositoryContext } from './repository/context.js';
import { InvalidFileError, loadJson } from './storage/json-store.js';

/** families/<id>.json: the note and micro-scenarios a family's sheets share (family-update.ts writes it). */

/**
 * The family's file, or null when it was never written. A damaged one is set aside and
 * answered as `damaged`: the caller decides whether to go on without it.
 */
export async function readFamilyFile(
  context: RepositoryContext,
  familyId: string,
): Promise<{ family: FamilyFile | null; damaged?: AppFailure }> {
  const { layout } = context;
  const path = layout.familyFile(familyId);
  try {
    const family = await loadJson(path, layout.display(path), {
      kind: 'family',
      schema: familyFileSchema,
      within: layout.root,
      check: (value) =>
        idMismatch('familyId', value.familyId, familyId) ??
        docsProblem({ note: value.note }) ??
        scenariosProblem(value.scenarios, 'scenarios'),
    });
    return { family };
  } catch (error) {
    if (!(error instanceof InvalidFileError)) throw error;
    if (context.access === 'read') {
      return { family: null, damaged: unreadableFailure('family', familyId, error.file, error.reason) };
    }
    const entry = await setAside(layout, {
      kind: 'family',
      id: familyId,
      source: path,
      reason: error.reason,
    });
    return { family: null, ...(entry ? { damaged: damagedFailure(entry) } : {}) };
  }
}
