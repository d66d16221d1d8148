import { formatFrenchDate } from '../../shared/dates.js';

/** "1er décembre 2025 à 14:32", or the raw text when it is not a date. */
export function formatDateTime(iso: string): string {
  return formatFrenchDate(iso, { time: true });
}

/** "320 / 400–1200 mots", with the no-break spaces French wants. */
export function formatWords(words: number, min: number, max: number): string {
  return `${words}\u00a0/ ${min}–${max}\u00a0mots`;
}
