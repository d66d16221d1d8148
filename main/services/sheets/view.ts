import type { SheetView } from '../../../shared/api/contract.js';
import { textOf } from '../../../shared/content/doc.js';
import {
  emptyFamilyFile,
  type FamilyFile,
  type Scenario,
  type SheetFile,
} from '../../../shared/model/sheet.js';
import { AppFailure } from '../../../shared/result.js';
import { readFamilyFile } from '../families.js';
import { fr } from '../french.js';
import type { RepositoryContext } from '../repository/context.js';
import { requireVariable, type PlacedVariable } from '../repository/system.js';
import { stampOf } from '../storage/stamp.js';
import { ioFailure } from '../storage/io-errors.js';
import { newSheet, requireSheet, writeSheet } from './sheet-file.js';

/** sheets:get and sheets:create: a sheet with what the editor shows around it. */

function hasContent(scenario: Scenario): boolean {
  return (
    scenario.title.trim() !== '' || Object.values(scenario.angles).some((doc) => textOf(doc).trim() !== '')
  );
}

/** Whether a family shares micro-scenarios: its new sheets then show them rather than their own. */
export function familyShares(shared: FamilyFile | null | undefined): boolean {
  return Object.values(shared?.scenarios ?? {}).some(hasContent);
}

function viewOf(sheet: SheetFile, placed: PlacedVariable, shared: FamilyFile | null): SheetView {
  const { family, variable } = placed;
  return {
    sheet,
    variable,
    family: { id: family.id, number: family.number, name: family.name },
    familyShared: shared ?? emptyFamilyFile(family.id),
  };
}

export async function getSheet(context: RepositoryContext, id: string): Promise<SheetView> {
  const placed = requireVariable(await context.repository(), id);
  const sheet = await requireSheet(context, id);
  // A damaged family file is set aside and listed in the overview; the sheet itself still opens.
  return viewOf(sheet, placed, (await readFamilyFile(context, placed.family.id)).family);
}

export async function createSheet(context: RepositoryContext, variableId: string): Promise<SheetView> {
  const placed = requireVariable(await context.repository(), variableId);
  const template = await context.template();
  const shared = (await readFamilyFile(context, placed.family.id)).family;
  const sheet = await context.queue.run(`sheet:${variableId}`, async () => {
    const path = context.layout.sheetFile(variableId);
    let existing;
    try {
      existing = await stampOf(path);
    } catch (error) {
      throw ioFailure(error, 'lire', context.layout.display(path));
    }
    if (existing) {
      throw new AppFailure(
        'already-exists',
        fr`La fiche « ${variableId} » existe déjà : ouvrez-la depuis la liste des variables.`,
        { id: variableId },
      );
    }
    const created = newSheet(template, variableId, new Date(), familyShares(shared));
    await writeSheet(context, created);
    return created;
  });
  return viewOf(sheet, placed, shared);
}
