/**
 * Dates in French, one formatter for every place that shows one (export footers and
 * running values, the history, the lock message). Intl writes « 1 décembre »: French
 * writes the first day of the month as an ordinal, « 1er décembre ».
 */

export interface FrenchDateOptions {
  /** « 1er décembre 2025 » (the default), or « 01/12/2025 ». */
  style?: 'long' | 'numeric';
  /** Adds the time: « 1er décembre 2025 à 14:32 ». */
  time?: boolean;
  /** The time zone the date is read in; the machine's by default. */
  timeZone?: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter({ style = 'long', time = false, timeZone }: FrenchDateOptions): Intl.DateTimeFormat {
  const key = `${style}|${time}|${timeZone ?? ''}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat('fr-FR', {
      day: style === 'long' ? 'numeric' : '2-digit',
      month: style === 'long' ? 'long' : '2-digit',
      year: 'numeric',
      ...(time ? { hour: '2-digit', minute: '2-digit' } : {}),
      ...(timeZone ? { timeZone } : {}),
    });
    formatters.set(key, found);
  }
  return found;
}

/** The date in French; a string that is not a date is returned as it is. */
export function formatFrenchDate(date: Date | string, options: FrenchDateOptions = {}): string {
  const value = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(value.getTime())) return typeof date === 'string' ? date : '';
  return formatter(options)
    .formatToParts(value)
    .map((part) => (part.type === 'day' && part.value === '1' ? '1er' : part.value))
    .join('');
}
