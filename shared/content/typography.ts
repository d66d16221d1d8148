/**
 * French typography while typing, as Word does it in French: the pure decision, shared by
 * the rich-text editors (renderer/editor) and plain inputs (titles). Given the text before
 * the cursor and the character just typed, it says what to delete before the cursor and
 * what to insert instead of the character, or nothing when the character goes in as typed.
 */

/** U+00A0, before « : » and inside guillemets. */
export const NBSP = '\u00a0';
/** U+202F, the narrow no-break space before « ; ! ? ». */
export const NNBSP = '\u202f';

export interface TypographyEdit {
  /** Characters to remove just before the cursor (a plain space the user typed). */
  deleteBefore: number;
  /** Text to insert in place of the typed character (may be empty: the character is swallowed). */
  insert: string;
}

export interface TypographyOptions {
  /** The cursor is inside a link: everything goes in as typed. */
  inLink?: boolean;
}

const HIGH_PUNCTUATION: Record<string, string> = { ';': NNBSP, '!': NNBSP, '?': NNBSP, ':': NBSP };
/** After these, a punctuation mark is not spaced again: "?!", "!!", "::". */
const SPACED_PUNCTUATION = /[;:!?]$/;
/** After these, nothing is attached: start of a line, an opening bracket or guillemet. */
const OPENING = /(?:^|[\s([{«‘“])$/u;
const PLAIN_SPACES_AT_END = /[ \t]+$/;
const NO_BREAK_SPACE_AT_END = /[\u00a0\u202f]$/;
const URL_SCHEME = /^(?:https?|ftp|mailto)$/i;
const URL_START = /^(?:(?:https?|ftp):|mailto:|www\.)/i;

/** The word being typed: everything since the last white space (no-break spaces included). */
function currentToken(before: string): string {
  return /\S*$/u.exec(before)?.[0] ?? '';
}

function inUrl(before: string, typed: string): boolean {
  // An address in brackets or guillemets: « (https://… ».
  const token = currentToken(before).replace(/^[([{«“"']+/u, '');
  return URL_START.test(token) || (typed === ':' && URL_SCHEME.test(token));
}

/** A no-break space (of the given kind) between the text and the mark, replacing typed spaces. */
function attachAfterSpace(before: string, space: string, mark: string): TypographyEdit | undefined {
  const plain = PLAIN_SPACES_AT_END.exec(before)?.[0].length ?? 0;
  const typedSpaces = plain > 0 ? plain : NO_BREAK_SPACE_AT_END.test(before) ? 1 : 0;
  const rest = before.slice(0, before.length - typedSpaces);
  if (OPENING.test(rest)) return undefined;
  if (typedSpaces === 0 && SPACED_PUNCTUATION.test(rest)) return undefined;
  return { deleteBefore: typedSpaces, insert: space + mark };
}

function closingGuillemet(before: string): TypographyEdit | undefined {
  return attachAfterSpace(before, NBSP, '»');
}

/** A guillemet opened earlier in the text and not closed yet. */
function hasOpenGuillemet(before: string): boolean {
  return before.lastIndexOf('«') > before.lastIndexOf('»');
}

function isOpeningQuotePosition(before: string): boolean {
  // A straight quote after a space closes an open guillemet (`" mot "`), else it opens.
  if (PLAIN_SPACES_AT_END.test(before) && hasOpenGuillemet(before)) return false;
  return OPENING.test(before) || /['’]$/.test(before);
}

/**
 * What typing `typed` after `before` should do. Undefined means: insert it as typed.
 * Only single characters are handled; pasted or composed text goes in as it is. Editors
 * and plain fields (sheet and scenario titles) apply the same decision.
 */
export function frenchTypography(
  before: string,
  typed: string,
  options: TypographyOptions = {},
): TypographyEdit | undefined {
  if ([...typed].length !== 1 || options.inLink || inUrl(before, typed)) return undefined;

  const space = HIGH_PUNCTUATION[typed];
  if (space !== undefined) return attachAfterSpace(before, space, typed);

  switch (typed) {
    case '«':
      return { deleteBefore: 0, insert: `«${NBSP}` };
    case '»':
      return closingGuillemet(before);
    case '"':
      return isOpeningQuotePosition(before)
        ? { deleteBefore: 0, insert: `«${NBSP}` }
        : closingGuillemet(before);
    case "'":
      return { deleteBefore: 0, insert: '’' };
    case ' ':
      // The habit of typing a space after an opening guillemet: it already has one.
      return before.endsWith(`«${NBSP}`) ? { deleteBefore: 0, insert: '' } : undefined;
    default:
      // "10:30": the colon after a digit was spaced, and a digit follows, so it was a time.
      if (/^\p{N}$/u.test(typed) && new RegExp(`\\p{N}${NBSP}:$`, 'u').test(before)) {
        return { deleteBefore: 2, insert: `:${typed}` };
      }
      return undefined;
  }
}
