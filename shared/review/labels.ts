import type { SuggestionKind } from '../content/review-marks.js';

/** How a review's items are named to users, the same in the editor, the panel and the exports. */

export const suggestionKindLabels: Record<SuggestionKind, string> = {
  insertion: 'Ajout',
  deletion: 'Suppression',
};

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' });

/** « 12 mars 2025 à 11:00 », or the text as it is when it is no date. */
export function reviewDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** « Ajout proposé par Anne Martin le 12 mars 2025 à 11:00 ». */
export function suggestionLabel(kind: SuggestionKind, author: string, date: string | null): string {
  const who = author.trim() === '' ? '' : ` par ${author}`;
  const when = date ? ` le ${reviewDate(date)}` : '';
  return `${suggestionKindLabels[kind]} proposé${kind === 'deletion' ? 'e' : ''}${who}${when}`;
}

/** The text a thread quotes, cut to `max` characters. */
export function clippedQuote(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
