import createHyphenator, { type HyphenationFunctionSync } from 'hyphen';
import frenchPatterns from 'hyphen/patterns/fr.js';

/**
 * French hyphenation done by us, because Chromium ignores `hyphens: auto` on Windows and
 * Linux (Electron has no hyphenation dictionaries there): soft hyphens (U+00AD) at the
 * break points of Liang's French patterns (those of TeX), where Chromium may break a line
 * and prints a hyphen. A line that does not need it shows nothing. They are break
 * opportunities, not text: pdf/text-layer.ts takes them out of the printed PDF's text.
 */

export const SOFT_HYPHEN = '\u00ad';

const hyphenateWord = createHyphenator(frenchPatterns, {
  hyphenChar: SOFT_HYPHEN,
  minWordLength: 6,
}) as HyphenationFunctionSync;

/** Words recur through a sheet: each is hyphenated once per process. */
const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

function cachedWord(word: string): string {
  let hyphenated = cache.get(word);
  if (hyphenated === undefined) {
    hyphenated = hyphenateWord(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, hyphenated);
  }
  return hyphenated;
}

/** Addresses and identifiers break nowhere a reader would take for a hyphen. */
const UNBREAKABLE = /^(?:[a-z][a-z0-9+.-]*:|www\.)|[@/\\_=#%]|\.[a-z]{2,}\b/i;
const TOKEN = /\S+/g;
const LETTERS = /\p{L}{6,}/gu;

/** `text` with soft hyphens in its words, URLs and e-mail addresses left whole. */
export function hyphenateFrench(text: string): string {
  return text.replace(TOKEN, (token) =>
    UNBREAKABLE.test(token) ? token : token.replace(LETTERS, (word) => cachedWord(word)),
  );
}
