/**
 * Attributes cut out of HTML text, read as the browser's HTML tokenizer reads them
 * (https://html.spec.whatwg.org/#tokenization): start tags and their attributes, whatever
 * their quoting; comments, end tags and the text of elements that hold text rather than
 * markup (<xmp>, <noembed>, <script>…) are passed over as written. Nothing is ever added:
 * the result is the text with some attributes cut, for a 4 MB page in a few tens of
 * milliseconds (a character scan, no regular expression per attribute).
 */

/** Whether an attribute goes: the element's and the attribute's names in lower case, the value as written. */
export type CutAttribute = (element: string, name: string, value: string) => boolean;

const TAB = 9;
const LINE_FEED = 10;
const FORM_FEED = 12;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
const EXCLAMATION = 33;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const SLASH = 47;
const EQUALS = 61;
const GREATER = 62;
const QUESTION = 63;

function isSpace(code: number): boolean {
  return (
    code === SPACE || code === TAB || code === LINE_FEED || code === FORM_FEED || code === CARRIAGE_RETURN
  );
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Ends a tag name or an attribute name. */
function endsName(code: number): boolean {
  return isSpace(code) || code === SLASH || code === GREATER;
}

/** Elements whose content is text up to their end tag (the inert document runs no script: <noscript> is markup). */
const TEXT_ELEMENTS = new Set([
  'script',
  'style',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'textarea',
  'title',
]);
const endTags = new Map<string, RegExp>();

function endTagOf(name: string): RegExp {
  let end = endTags.get(name);
  if (!end) {
    end = new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi');
    endTags.set(name, end);
  }
  return end;
}

const COMMENT_END = /--!?>/g;

/** Where a comment starting at `at` (`<!--`) ends. */
function afterComment(html: string, at: number): number {
  if (html.startsWith('<!-->', at)) return at + 5;
  if (html.startsWith('<!--->', at)) return at + 6;
  COMMENT_END.lastIndex = at + 4;
  const end = COMMENT_END.exec(html);
  return end ? end.index + end[0].length : html.length;
}

function skipSpaces(html: string, at: number): number {
  let position = at;
  while (position < html.length && isSpace(html.charCodeAt(position))) position += 1;
  return position;
}

/**
 * Reads the tag starting at `at` (`<` then a letter, or `</`), cutting attributes from a
 * start tag through `cut`. Returns the position after its `>`, or the end of the text for
 * a tag left open (the browser drops such a tag, and so nothing is cut from it).
 */
function readTag(
  html: string,
  at: number,
  parts: string[],
  copied: { to: number },
  cut?: CutAttribute,
): number {
  let position = at + 1;
  if (html.charCodeAt(position) === SLASH) position += 1;
  const nameStart = position;
  while (position < html.length && !endsName(html.charCodeAt(position))) position += 1;
  const element = html.slice(nameStart, position).toLowerCase();
  /** Ranges to cut, as [from, to, from, to…]: applied once the tag is known to end. */
  const cuts: number[] = [];
  let tokenEnd = position;
  for (;;) {
    // Before an attribute: white space and stray slashes (`<br/>`, `<p/class=a>`).
    while (position < html.length) {
      const code = html.charCodeAt(position);
      if (!isSpace(code) && code !== SLASH) break;
      position += 1;
    }
    if (position >= html.length) return html.length;
    if (html.charCodeAt(position) === GREATER) break;
    // A name runs to white space, `/`, `>` or `=`; it may start with `=`, and hold quotes.
    const start = position;
    position += 1;
    while (position < html.length) {
      const code = html.charCodeAt(position);
      if (endsName(code) || code === EQUALS) break;
      position += 1;
    }
    const name = html.slice(start, position);
    let valueStart = position;
    let valueEnd = position;
    const afterName = skipSpaces(html, position);
    if (html.charCodeAt(afterName) === EQUALS) {
      valueStart = skipSpaces(html, afterName + 1);
      const quote = html.charCodeAt(valueStart);
      if (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE) {
        const close = html.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", valueStart + 1);
        if (close < 0) return html.length;
        valueEnd = close + 1;
      } else {
        valueEnd = valueStart;
        while (valueEnd < html.length) {
          const code = html.charCodeAt(valueEnd);
          if (isSpace(code) || code === GREATER) break;
          valueEnd += 1;
        }
      }
      position = valueEnd;
    }
    if (cut?.(element, name.toLowerCase(), html.slice(valueStart, valueEnd))) {
      // With the white space before it, unless the next attribute follows with none (`a="1"b="2"`).
      const code = html.charCodeAt(position);
      cuts.push(isSpace(code) || code === SLASH || code === GREATER ? tokenEnd : start, position);
    }
    tokenEnd = position;
  }
  for (let index = 0; index < cuts.length; index += 2) {
    parts.push(html.slice(copied.to, cuts[index]));
    copied.to = cuts[index + 1] as number;
  }
  position += 1;
  if (cut && TEXT_ELEMENTS.has(element)) {
    const end = endTagOf(element);
    end.lastIndex = position;
    return end.exec(html)?.index ?? html.length;
  }
  return position;
}

export function cutAttributes(html: string, cut: CutAttribute): string {
  const parts: string[] = [];
  const copied = { to: 0 };
  let at = html.indexOf('<');
  while (at >= 0) {
    const next = html.charCodeAt(at + 1);
    let after = at + 1;
    if (isLetter(next)) {
      // <plaintext>: all that follows is its text.
      if ((next | 32) === 112 && /^plaintext[\t\n\f\r />]/i.test(html.slice(at + 1, at + 11))) break;
      after = readTag(html, at, parts, copied, cut);
    } else if (next === SLASH && isLetter(html.charCodeAt(at + 2))) {
      after = readTag(html, at, parts, copied);
    } else if (html.startsWith('<!--', at)) {
      after = afterComment(html, at);
    } else if (next === EXCLAMATION || next === QUESTION || next === SLASH) {
      // A doctype, a bogus comment (`<?xml …>`, `<![CDATA[…]>` outside SVG) or `</>`: to the next `>`.
      const end = html.indexOf('>', at);
      after = end < 0 ? html.length : end + 1;
    }
    at = html.indexOf('<', after);
  }
  if (copied.to === 0) return html;
  parts.push(html.slice(copied.to));
  return parts.join('');
}
