/**
 * Matching the words of a Word document against the template's and the repository's:
 * « Quelle a été l'évolution passée de la variable ? » is the same question as « QUELLE
 * A ÉTÉ L’ÉVOLUTION PASSÉE DE LA VARIABLE », whatever the accents, case, apostrophes,
 * spaces and punctuation; then, failing that, a close one (a word changed or added).
 */

/** Lower case letters and digits, accents removed, single spaces between words. */
export function normalised(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const compact = ` ${text} `;
  for (let i = 0; i < compact.length - 1; i += 1) {
    const gram = compact.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Dice coefficient of the two texts' letter pairs, once normalised: 1 for the same words, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const left = normalised(a);
  const right = normalised(b);
  if (left === right) return 1;
  if (left.length < 2 || right.length < 2) return 0;
  const one = bigrams(left);
  const other = bigrams(right);
  let shared = 0;
  let total = 0;
  for (const [gram, count] of one) {
    shared += Math.min(count, other.get(gram) ?? 0);
    total += count;
  }
  for (const count of other.values()) total += count;
  return (2 * shared) / total;
}

/** Below this, two headings are different headings. */
export const FUZZY_THRESHOLD = 0.8;

export interface Match<T> {
  item: T;
  score: number;
}

/** The candidate whose text is the same (normalised), else the closest one above the threshold. */
export function bestMatch<T>(
  text: string,
  candidates: readonly T[],
  textsOf: (item: T) => readonly string[],
): Match<T> | undefined {
  const wanted = normalised(text);
  if (wanted === '') return undefined;
  let best: Match<T> | undefined;
  for (const item of candidates) {
    for (const candidate of textsOf(item)) {
      if (normalised(candidate) === wanted) return { item, score: 1 };
      const score = similarity(candidate, text);
      if (score >= FUZZY_THRESHOLD && (!best || score > best.score)) best = { item, score };
    }
  }
  return best;
}

/** « 86 % » */
export function percent(score: number): string {
  return `${Math.round(score * 100)}\u00a0%`;
}
