import type { ImportChoices, ImportTarget } from '../../../shared/api/import-contract.js';
import type { SheetTemplate } from '../../../shared/model/template.js';
import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';
import type { AnalysedPart } from './analyse.js';

/** Where parts may go, checked against the template, and how a destination is named to the user. */

export function sameTarget(a: ImportTarget, b: ImportTarget): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function invalid(message: string): AppFailure {
  return new AppFailure('invalid-request', message);
}

/** The target of every part (the user's, else the proposed one), refused when the template has no such place. */
export function checkTargets(
  parts: readonly AnalysedPart[],
  choices: ImportChoices,
  template: SheetTemplate,
): Map<string, ImportTarget> {
  const sections = new Set(template.sections.map((section) => section.id));
  const hypotheses = new Set(template.microScenarios.hypotheses.map((hypothesis) => hypothesis.id));
  const angles = new Set(template.microScenarios.angles.map((angle) => angle.id));
  if (!sections.has(choices.unplacedSection)) {
    throw invalid(fr`Section inconnue « ${choices.unplacedSection} » pour le contenu non placé.`);
  }
  const byId = new Map(parts.map((part) => [part.id, part]));
  for (const id of Object.keys(choices.targets)) {
    if (!byId.has(id)) throw invalid(fr`Partie inconnue « ${id} » : relancez l’analyse du fichier.`);
  }
  const targets = new Map<string, ImportTarget>();
  for (const part of parts) {
    const target = choices.targets[part.id] ?? part.proposed;
    if (target.kind === 'section' && !sections.has(target.section)) {
      throw invalid(fr`Section inconnue « ${target.section} » (partie « ${part.origin} »).`);
    }
    if (
      (target.kind === 'scenario-title' || target.kind === 'scenario-angle') &&
      !hypotheses.has(target.hypothesis)
    ) {
      throw invalid(fr`Hypothèse inconnue « ${target.hypothesis} » (partie « ${part.origin} »).`);
    }
    if (target.kind === 'scenario-angle' && !angles.has(target.angle)) {
      throw invalid(fr`Angle inconnu « ${target.angle} » (partie « ${part.origin} »).`);
    }
    if (target.kind === 'scenario-title' && part.nature !== 'title') {
      throw invalid(
        fr`La partie « ${part.origin} » contient du texte, pas un titre : elle ne peut pas devenir le titre d’un micro-scénario.`,
      );
    }
    targets.set(part.id, target);
  }
  return targets;
}

/** « Évolution passée », « Hypothèse basse › Économique », « non importé ». */
export function destinationOf(
  target: ImportTarget,
  template: SheetTemplate,
  unplacedSection: string,
): string {
  const section = (id: string) => template.sections.find((candidate) => candidate.id === id)?.title ?? id;
  const hypothesis = (id: string) =>
    template.microScenarios.hypotheses.find((candidate) => candidate.id === id)?.label ?? id;
  const angle = (id: string) =>
    template.microScenarios.angles.find((candidate) => candidate.id === id)?.label ?? id;
  switch (target.kind) {
    case 'section':
      return section(target.section);
    case 'unplaced':
      return fr`${section(unplacedSection)} (contenu non placé)`;
    case 'scenario-title':
      return fr`${hypothesis(target.hypothesis)} : titre`;
    case 'scenario-angle':
      return `${hypothesis(target.hypothesis)} › ${angle(target.angle)}`;
    case 'skip':
      return 'non importé';
  }
}
