import type { ScenarioPatch } from '../../shared/api/contract.js';
import { emptyDoc, type DocNode } from '../../shared/content/doc.js';
import { contentProblem } from '../../shared/content/validate.js';
import type { Scenario, Scenarios } from '../../shared/model/sheet.js';
import type { SheetTemplate } from '../../shared/model/template.js';
import { AppFailure } from '../../shared/result.js';
import { fr } from './french.js';

/** Merging of patches, shared by sheets and family files: only what the patch names changes. */

export function emptyScenario(template: SheetTemplate): Scenario {
  return {
    title: '',
    angles: Object.fromEntries(template.microScenarios.angles.map((angle) => [angle.id, emptyDoc()])),
  };
}

export function emptyScenarios(template: SheetTemplate): Scenarios {
  return Object.fromEntries(
    template.microScenarios.hypotheses.map((hypothesis) => [hypothesis.id, emptyScenario(template)]),
  );
}

function listOf(items: readonly { id: string }[]): string {
  return items.map((item) => item.id).join(', ');
}

/** Refuses content outside the node set, naming the part (« Section « passe » : … »). */
export function checkedContent(doc: DocNode, part: string): DocNode {
  const problem = contentProblem(doc);
  if (problem) throw new AppFailure('invalid-content', fr`${part} : ${problem}`, { part });
  return doc;
}

export function checkedSectionPatch(
  template: SheetTemplate,
  sections: Record<string, DocNode>,
): Record<string, DocNode> {
  const known = new Set(template.sections.map((section) => section.id));
  for (const [id, doc] of Object.entries(sections)) {
    if (!known.has(id)) {
      throw new AppFailure(
        'invalid-request',
        fr`Section inconnue « ${id} » : les sections du modèle sont ${listOf(template.sections)}.`,
        { section: id },
      );
    }
    checkedContent(doc, fr`Section « ${id} »`);
  }
  return sections;
}

/** Applies a scenarios patch to `current`, after checking every id and every text of the patch. */
export function mergeScenarios(
  template: SheetTemplate,
  current: Scenarios,
  patch: Record<string, ScenarioPatch>,
): Scenarios {
  const hypotheses = new Set(template.microScenarios.hypotheses.map((hypothesis) => hypothesis.id));
  const angles = new Set(template.microScenarios.angles.map((angle) => angle.id));
  const merged: Scenarios = { ...current };
  for (const [hypothesis, change] of Object.entries(patch)) {
    if (!hypotheses.has(hypothesis)) {
      throw new AppFailure(
        'invalid-request',
        fr`Hypothèse inconnue « ${hypothesis} » : les hypothèses du modèle sont ${listOf(template.microScenarios.hypotheses)}.`,
        { hypothesis },
      );
    }
    const base = current[hypothesis] ?? emptyScenario(template);
    const nextAngles = { ...base.angles };
    for (const [angle, doc] of Object.entries(change.angles ?? {})) {
      if (!angles.has(angle)) {
        throw new AppFailure(
          'invalid-request',
          fr`Angle inconnu « ${angle} » : les angles du modèle sont ${listOf(template.microScenarios.angles)}.`,
          { hypothesis, angle },
        );
      }
      nextAngles[angle] = checkedContent(doc, fr`Hypothèse « ${hypothesis} », angle « ${angle} »`);
    }
    merged[hypothesis] = { title: change.title ?? base.title, angles: nextAngles };
  }
  return merged;
}
