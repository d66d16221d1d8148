import type { VolumeSelection } from '../../../../shared/api/volume-contract.js';
import type { RepositoryFile } from '../../../../shared/model/repository.js';
import { AppFailure } from '../../../../shared/result.js';
import { fr } from '../../french.js';
import type { RepositoryContext } from '../../repository/context.js';
import { overview } from '../../repository/overview.js';

/**
 * The sheets a volume asks for, in the order of the system of variables: the variables
 * that have a sheet (or a damaged one: it is then named among the skipped), filtered by
 * the selection. An unknown family or sheet is a clear refusal, as an empty selection is.
 */

export interface ChosenSheet {
  sheetId: string;
  name: string;
  /** Set when the sheet's file is damaged: it is skipped, and the summary says why. */
  damaged?: string;
}

function unknown(kind: 'famille' | 'fiche', ids: readonly string[]): AppFailure {
  return new AppFailure(
    'not-found',
    fr`${kind === 'famille' ? 'Famille inconnue' : 'Fiche inconnue'} : ${ids.join(', ')}.`,
    {
      ids,
    },
  );
}

function checkKnown(selection: VolumeSelection, repository: RepositoryFile): void {
  if (selection.kind === 'families') {
    const missing = selection.families.filter(
      (id) => !repository.families.some((family) => family.id === id),
    );
    if (missing.length) throw unknown('famille', missing);
  }
  if (selection.kind === 'sheets') {
    const known = new Set(
      repository.families.flatMap((family) => family.variables.map((variable) => variable.id)),
    );
    const missing = selection.sheets.filter((id) => !known.has(id));
    if (missing.length) throw unknown('fiche', missing);
  }
}

export async function chooseSheets(
  context: RepositoryContext,
  selection: VolumeSelection,
): Promise<ChosenSheet[]> {
  checkKnown(selection, await context.repository());
  const { families } = await overview(context);
  const chosen = families.flatMap((family) =>
    family.variables.flatMap((variable): ChosenSheet[] => {
      // A sheet set aside as damaged (and not written again since) is named among the skipped.
      const damaged = variable.sheet ? undefined : variable.damaged.find((entry) => entry.kind === 'sheet');
      if (!variable.sheet && !damaged) return [];
      if (selection.kind === 'families' && !selection.families.includes(family.id)) return [];
      if (selection.kind === 'sheets' && !selection.sheets.includes(variable.id)) return [];
      // A damaged sheet has no status to choose it by.
      if (
        selection.kind === 'statuses' &&
        !(variable.sheet && selection.statuses.includes(variable.sheet.status))
      ) {
        return [];
      }
      return [{ sheetId: variable.id, name: variable.name, ...(damaged ? { damaged: damaged.reason } : {}) }];
    }),
  );
  if (chosen.length === 0) {
    throw new AppFailure(
      'invalid-request',
      'Aucune fiche ne correspond à ce choix : choisissez d’autres familles, fiches ou statuts. Rien n’a été écrit.',
    );
  }
  return chosen;
}
