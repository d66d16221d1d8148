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

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The text a thread quotes, cut to `max` characters. */
export function clippedQuote(text: string, max: number): string {
  const quote = flat(text);
  return quote.length > max ? `${quote.slice(0, max)}…` : quote;
}

/**
 * The words a proposed change adds or removes, as quoted to users: on one line, without
 * the space before or after them that Word tracks with a word (« ␣LENTE »); « espace »
 * for a change of white space only.
 */
export function changedText(text: string): string {
  return flat(text) || 'espace';
}
