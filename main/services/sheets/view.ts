import type { SheetView } from '../../../shared/api/contract.js';
import type { SheetFile } from '../../../shared/model/sheet.js';
import { AppFailure } from '../../../shared/result.js';
import { emptyFamilyFile, readFamilyFile } from '../families.js';
import { fr } from '../french.js';
import type { RepositoryContext } from '../repository/context.js';
import { requireVariable, type PlacedVariable } from '../repository/system.js';
import { stampOf } from '../storage/stamp.js';
import { ioFailure } from '../storage/io-errors.js';
import { newSheet, requireSheet, writeSheet } from './sheet-file.js';

/** sheets:get and sheets:create: a sheet with what the editor shows around it. */

async function viewOf(
  context: RepositoryContext,
  sheet: SheetFile,
  placed: PlacedVariable,
): Promise<SheetView> {
  const { family, variable } = placed;
  // A damaged family file is set aside and listed in the overview; the sheet itself still opens.
  const shared = await readFamilyFile(context, family.id);
  return {
    sheet,
    variable,
    family: { id: family.id, number: family.number, name: family.name },
    familyShared: shared.family ?? emptyFamilyFile(family.id),
  };
}

export async function getSheet(context: RepositoryContext, id: string): Promise<SheetView> {
  const placed = requireVariable(await context.repository(), id);
  return viewOf(context, await requireSheet(context, id), placed);
}

export async function createSheet(context: RepositoryContext, variableId: string): Promise<SheetView> {
  const placed = requireVariable(await context.repository(), variableId);
  const template = await context.template();
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
    const created = newSheet(template, variableId, new Date());
    await writeSheet(context, created);
    return created;
  });
  return viewOf(context, sheet, placed);
}
