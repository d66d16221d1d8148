import { contentSchema } from './schema.js';
import type { DocNode } from './doc.js';

/**
 * Checks saved content against the node set: unknown nodes or marks, a node where the
 * schema does not allow it. Returns the reason in French, or undefined when valid.
 */
export function contentProblem(doc: DocNode): string | undefined {
  try {
    contentSchema().nodeFromJSON(doc).check();
    return undefined;
  } catch (error) {
    return `Contenu non conforme au modèle de la fiche : ${(error as Error).message}`;
  }
}
