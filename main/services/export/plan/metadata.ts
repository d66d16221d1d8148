import { formatFrenchDate } from '../../../../shared/dates.js';
import type { RepositoryFile } from '../../../../shared/model/repository.js';
import type { PrintSheet } from '../sheet-input.js';
import type { PlanMetadata } from './types.js';

/**
 * What the file says about itself, the same in Word (core properties) and in PDF (Info
 * dictionary): title, author, subject, keywords, description, language, dates.
 */

const iso = (value: string): string => new Date(value).toISOString();

export function sheetMetadata(print: PrintSheet, language: string): PlanMetadata {
  const { family, variable, repository, sheet, revision } = print;
  const { exercise } = repository;
  return {
    title: variable.name,
    author: sheet.authors.length ? sheet.authors.join(', ') : exercise.organisation,
    subject: `Fiche variable — ${family.number}. ${family.name} — ${exercise.name}`,
    keywords: ['fiche variable', variable.name, family.name, exercise.name, exercise.region],
    description: revision
      ? `Fiche variable, version n°\u00a0${revision.seq} du ${formatFrenchDate(revision.at, { timeZone: 'Europe/Paris' })}`
      : 'Fiche variable',
    language,
    created: iso(sheet.createdAt),
    modified: iso(revision?.at ?? sheet.updatedAt),
    // The revision it prints: a past one, or the one holding the current text (collectSheet).
    identity: {
      sheet: sheet.id,
      ...((revision?.id ?? print.basisRevision) === undefined
        ? {}
        : { revision: revision?.id ?? print.basisRevision }),
      ...(print.familyBasisRevision === undefined
        ? {}
        : { family: { id: print.family.id, revision: print.familyBasisRevision } }),
    },
  };
}

/** A volume's: its title, the exercise's organisation as author, the families it holds as keywords. */
export function volumeMetadata(
  request: { title: string; date: string; sheets: readonly PrintSheet[] },
  repository: RepositoryFile,
  language: string,
): PlanMetadata {
  const { exercise } = repository;
  const families = [...new Set(request.sheets.map((print) => print.family.name))];
  const latest = request.sheets
    .map((print) => print.revision?.at ?? print.sheet.updatedAt)
    .sort()
    .at(-1);
  return {
    title: request.title,
    author: exercise.organisation,
    subject: `Recueil des fiches variables — ${exercise.name}`,
    keywords: ['fiches variables', 'recueil', exercise.name, exercise.region, ...families],
    description: `Recueil de ${request.sheets.length} fiche${request.sheets.length > 1 ? 's' : ''} variable${request.sheets.length > 1 ? 's' : ''}, ${formatFrenchDate(request.date, { timeZone: 'Europe/Paris' })}`,
    language,
    created: iso(request.date),
    modified: iso(latest ?? request.date),
  };
}
