import { slugOf } from '../../shared/model/ids.js';
import { repositoryFileSchema, type Variable } from '../../shared/model/repository.js';
import { AppFailure } from '../../shared/result.js';
import { fr } from './french.js';
import type { RepositoryContext } from './repository/context.js';
import { REPOSITORY_FILE } from './repository/layout.js';
import { findVariable, requireFamily } from './repository/system.js';
import { saveJson } from './storage/json-store.js';
import { writeFileDurable } from './storage/durable-write.js';
import { withIo } from './storage/io-errors.js';
import { canonicalJson } from '../../shared/history/canonical.js';

/** variables:add: a new variable at the end of its family, its id the slug of its name. */
export async function addVariable(
  context: RepositoryContext,
  familyId: string,
  name: string,
): Promise<Variable> {
  return context.queue.run('repository', async () => {
    const { value: repository, json } = await context.repositoryJson();
    requireFamily(repository, familyId);
    const id = slugOf(name);
    if (!id) {
      throw new AppFailure(
        'invalid-request',
        fr`Ce nom ne contient aucune lettre ni chiffre utilisable pour former l’identifiant de la fiche : ajoutez au moins une lettre ou un chiffre.`,
        { name },
      );
    }
    const taken = findVariable(repository, id);
    if (taken) {
      throw new AppFailure(
        'already-exists',
        fr`La variable « ${taken.variable.name} » (famille « ${taken.family.name} ») porte déjà l’identifiant « ${id} » : choisissez un autre nom.`,
        { id },
      );
    }
    const variable: Variable = { id, name };
    // Edit the file as written (validated above, so this shape holds), keeping what our schema does not name.
    const families = (json as { families: { id: string; variables: unknown[] }[] }).families;
    const family = families.find((candidate) => candidate.id === familyId);
    family?.variables.push(variable);
    // The checks of every load, so this write can never produce a repository that fails to open.
    repositoryFileSchema.parse(json);
    await saveJson(context.layout.repositoryFile, REPOSITORY_FILE, json);
    return variable;
  });
}

/**
 * Takes back a variable just added, when what it was added for failed (an import whose
 * sheet could not be written: the caller knows no sheet of it was written). `before` is
 * repository.json as it was: written back byte for byte when nothing else changed since,
 * so a failed import leaves the folder exactly as it found it.
 */
export async function withdrawVariable(
  context: RepositoryContext,
  id: string,
  before: Buffer,
): Promise<void> {
  await context.queue.run('repository', async () => {
    const { json } = await context.repositoryJson();
    const families = (json as { families: { variables: { id: string }[] }[] }).families;
    for (const family of families)
      family.variables = family.variables.filter((variable) => variable.id !== id);
    repositoryFileSchema.parse(json);
    const unchanged = canonicalJson(JSON.parse(before.toString('utf8'))) === canonicalJson(json);
    await withIo('enregistrer', REPOSITORY_FILE, async () => {
      if (unchanged) await writeFileDurable(context.layout.repositoryFile, before);
      else await saveJson(context.layout.repositoryFile, REPOSITORY_FILE, json);
    });
  });
}
