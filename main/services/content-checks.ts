import type { DocNode } from '../../shared/content/doc.js';
import { contentProblem } from '../../shared/content/validate.js';
import type { Scenarios } from '../../shared/model/sheet.js';
import { fr } from './french.js';
import { fieldProblem } from './storage/json-store.js';

/**
 * The content of a loaded file against the node set, field by field, so the reason of a
 * set-aside file says which part is wrong: « sections.passe : Contenu non conforme… ».
 */
export function docsProblem(docs: Record<string, DocNode>, field?: string): string | undefined {
  for (const [key, doc] of Object.entries(docs)) {
    const problem = contentProblem(doc);
    if (problem) return fieldProblem(field ? `${field}.${key}` : key, problem);
  }
  return undefined;
}

export function scenariosProblem(scenarios: Scenarios, field: string): string | undefined {
  for (const [hypothesis, scenario] of Object.entries(scenarios)) {
    const problem = docsProblem(scenario.angles, `${field}.${hypothesis}.angles`);
    if (problem) return problem;
  }
  return undefined;
}

export function idMismatch(field: string, actual: string, expected: string): string | undefined {
  return actual === expected
    ? undefined
    : fieldProblem(field, fr`« ${actual} » ne correspond pas au nom du fichier (« ${expected} »)`);
}
