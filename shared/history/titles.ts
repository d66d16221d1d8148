import { NOTE_KEY, parsePartKey, type PartKey } from '../model/history.js';
import type { SheetTemplate } from '../model/template.js';

/** How a part is named to users: by its template title, never by its key. */
export function partTitle(template: SheetTemplate, key: PartKey): string {
  const parsed = parsePartKey(key);
  const { hypotheses, angles } = template.microScenarios;
  const hypothesisLabel = (id: string) => hypotheses.find((h) => h.id === id)?.label ?? id;
  switch (parsed?.kind) {
    case 'section':
      return template.sections.find((section) => section.id === parsed.section)?.title ?? parsed.section;
    case 'title':
      return `${hypothesisLabel(parsed.hypothesis)} (titre)`;
    case 'angle':
      return `${hypothesisLabel(parsed.hypothesis)}, ${(angles.find((a) => a.id === parsed.angle)?.label ?? parsed.angle).toLowerCase()}`;
    case 'meta':
      return 'Statut, auteurs et choix des micro-scénarios';
    case 'note':
      return 'Note de la famille';
    case 'review':
      return 'Commentaires';
    case undefined:
      return key;
  }
}

/** Every part the template defines, in the order of the sheet. */
export function templatePartKeys(template: SheetTemplate): PartKey[] {
  const { hypotheses, angles } = template.microScenarios;
  return [
    ...template.sections.map((section) => `section/${section.id}`),
    ...hypotheses.flatMap((hypothesis) => [
      `scenario/${hypothesis.id}/title`,
      ...angles.map((angle) => `scenario/${hypothesis.id}/angle/${angle.id}`),
    ]),
    'meta',
  ];
}

/**
 * Parts in the order of the sheet, a family's note before its micro-scenarios as on the
 * page; parts the template no longer defines come last.
 */
export function orderedParts(template: SheetTemplate, keys: Iterable<PartKey>): PartKey[] {
  const order = new Map([NOTE_KEY, ...templatePartKeys(template)].map((key, index) => [key, index]));
  return [...new Set(keys)].sort((a, b) => {
    const rank = (order.get(a) ?? order.size) - (order.get(b) ?? order.size);
    return rank !== 0 ? rank : a < b ? -1 : a > b ? 1 : 0;
  });
}
