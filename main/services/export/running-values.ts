import { formatFrenchDate } from '../../../shared/dates.js';
import type { Layout, RunningPlaceholder } from '../../../shared/model/layout.js';
import { sheetStatusLabels } from '../../../shared/model/sheet.js';
import type { PrintSheet } from './sheet-input.js';

/**
 * The values of the header and footer placeholders, the same in the Word and the PDF
 * export: {date} is the sheet's last change or the printed revision's date, in Paris time;
 * {version} names the revision, or says the text is the working version. {page} and
 * {pages} are not here: each format numbers its own pages.
 */
export type RunningValues = Record<Exclude<RunningPlaceholder, 'page' | 'pages'>, string>;

/** A running line stays one line: a name longer than this is cut with an ellipsis. */
const MAX_VALUE = 90;

const shorten = (value: string): string =>
  value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE - 1).trimEnd()}…` : value;

export function formatDate(iso: string, format: Layout['dateFormat']): string {
  return formatFrenchDate(iso, { style: format === 'long' ? 'long' : 'numeric', timeZone: 'Europe/Paris' });
}

export function runningValues(print: PrintSheet, layout: Layout): RunningValues {
  const { repository, family, variable, sheet, revision } = print;
  const version = revision
    ? `version n°\u00a0${revision.seq}${revision.name ? ` «\u00a0${revision.name}\u00a0»` : ''}`
    : 'version de travail';
  return {
    family: shorten(family.name),
    familyNumber: String(family.number),
    variable: shorten(variable.name),
    exercise: shorten(repository.exercise.name),
    organisation: shorten(repository.exercise.organisation),
    region: shorten(repository.exercise.region),
    date: formatDate(revision?.at ?? sheet.updatedAt, layout.dateFormat),
    version: shorten(version),
    status: sheetStatusLabels[sheet.status],
  };
}
