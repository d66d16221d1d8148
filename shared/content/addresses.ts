import { find, tokenize } from 'linkifyjs';
import { isSafeLinkHref } from './links.js';

/**
 * Web and e-mail addresses in running text, for the links the editor makes by itself
 * (typed, or in pasted text). linkifyjs finds them (Tiptap's Link uses it too); the href it
 * gives (« https://www.exemple.fr », « mailto:nom@exemple.fr ») must pass the same check
 * as every link (links.ts). Tiptap's own autolink and paste rule check the address's text
 * instead, which our check refuses for « www.exemple.fr » and e-mail addresses.
 */

export interface FoundAddress {
  /** As written: « www.exemple.fr ». */
  value: string;
  href: string;
  start: number;
  end: number;
}

/** What a text needs to hold for linkifyjs to find an address in it: « :// », « @ » or « x.fr ». */
const MAYBE_ADDRESS = /:\/\/|@|[\p{L}\p{N}]\.\p{L}{2}/u;
/**
 * The same but the letter before the dot, tried first: it lets the engine look for « : »,
 * « @ » and « . » only, where the full pattern tests every character against a Unicode
 * class; ten times faster on prose (a 4 MB pasted page), which seldom matches it.
 */
const MAYBE_ADDRESS_QUICK = /:\/\/|@|\.\p{L}{2}/u;

function mayHoldAddress(text: string): boolean {
  return MAYBE_ADDRESS_QUICK.test(text) && MAYBE_ADDRESS.test(text);
}

/** Before an address: opening brackets or guillemets; after it: closing ones and punctuation. */
const OPENING = /^[([{«“"']*$/u;
const CLOSING = /^[)\]}»”"'’.,;:!?…]*$/u;

const DEFAULT_PROTOCOL = 'https';

/** linkifyjs takes a closing guillemet or quote for part of an address: « https://exemple.fr» . */
const CLOSING_QUOTES = /[»”’]+$/u;

function withoutClosingQuotes(link: FoundAddress): FoundAddress {
  const quotes = CLOSING_QUOTES.exec(link.value)?.[0].length ?? 0;
  if (quotes === 0) return link;
  return {
    value: link.value.slice(0, -quotes),
    href: link.href.slice(0, -quotes),
    start: link.start,
    end: link.end - quotes,
  };
}

/** Every address in `text` (a pasted text block). */
export function addressesIn(text: string): FoundAddress[] {
  // Cheap first: linkifyjs on all of a 4 MB pasted page took most of a second.
  if (!mayHoldAddress(text)) return [];
  return find(text, { defaultProtocol: DEFAULT_PROTOCOL })
    .filter((link) => link.isLink)
    .map(({ value, href, start, end }) => withoutClosingQuotes({ value, href, start, end }))
    .filter((link) => isSafeLinkHref(link.href));
}

/**
 * The address a word is made of (a word just typed, before its space): the whole word, or
 * the word but brackets around and punctuation after it, « (https://exemple.fr/a), ».
 */
export function addressOfWord(word: string): FoundAddress | undefined {
  if (!mayHoldAddress(word)) return undefined;
  const links = tokenize(word)
    .map((token) => token.toObject(DEFAULT_PROTOCOL))
    .filter((token) => token.isLink);
  const [token] = links;
  if (links.length !== 1 || !token) return undefined;
  const link = withoutClosingQuotes({
    value: token.value,
    href: token.href,
    start: token.start,
    end: token.end,
  });
  if (!isSafeLinkHref(link.href)) return undefined;
  if (!OPENING.test(word.slice(0, link.start)) || !CLOSING.test(word.slice(link.end))) return undefined;
  return link;
}
