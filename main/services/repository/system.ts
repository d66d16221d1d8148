import type { Family, RepositoryFile, Variable } from '../../../shared/model/repository.js';
import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';

/** Lookups in the system of variables (repository.json). */
export interface PlacedVariable {
  family: Family;
  variable: Variable;
}

export function findVariable(repository: RepositoryFile, id: string): PlacedVariable | undefined {
  for (const family of repository.families) {
    const variable = family.variables.find((candidate) => candidate.id === id);
    if (variable) return { family, variable };
  }
  return undefined;
}

export function requireVariable(repository: RepositoryFile, id: string): PlacedVariable {
  const found = findVariable(repository, id);
  if (!found) {
    throw new AppFailure('not-found', fr`Aucune variable « ${id} » dans ce dépôt.`, { variableId: id });
  }
  return found;
}

export function requireFamily(repository: RepositoryFile, id: string): Family {
  const family = repository.families.find((candidate) => candidate.id === id);
  if (!family) {
    throw new AppFailure('not-found', fr`Aucune famille « ${id} » dans ce dépôt.`, { familyId: id });
  }
  return family;
}
