import type { ParseRule } from '@tiptap/pm/model';

/**
 * The stylesheets of pasted HTML, reduced to what the paste reads from them. ProseMirror,
 * when it reads pasted HTML, copies each stylesheet rule into the style attribute of every
 * element it matches; a web page's sheet restyles most of its elements (margins, fonts,
 * colours), and for a 4 MB page that copying alone took more than a tenth of a second.
 * Only the properties the parse rules read (bold, italic, underline…) and the clean-up
 * reads (hidden text, bold captions) change the result: the rules keep those and nothing
 * else, and a rule left empty goes. Runs on the text, before ProseMirror reads it.
 */

/**
 * Read by the clean-up itself, whatever the schema reads: bold captions (figures-and-tables.ts)
 * and hidden text (cleanup.ts), of which only `display: none` counts; a page's `display: block`
 * or `flex` on most of its elements changes nothing.
 */
const READ_BY_CLEANUP = ['font-weight'];

/**
 * A comment, a <style> element (its start tag, its text, its end tag) or another start
 * tag, its quoted values read whole: a `<style>` written inside a comment or an attribute
 * value is never taken for an element.
 */
const PIECE =
  /<!--[\s\S]*?-->|(<style\b(?:[^>"']|"[^"]*"|'[^']*')*>)([\s\S]*?)(<\/style\s*>)|<[a-zA-Z](?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const STYLE_END = /<\/style\s*>/gi;

/** The style properties a parser with these rules reads (`font-weight=400` reads font-weight). */
export function styleProperties(rules: readonly ParseRule[]): ReadonlySet<string> {
  const read = new Set(READ_BY_CLEANUP);
  for (const rule of rules) {
    if ('style' in rule) read.add(/[^=]*/.exec(rule.style)?.[0] ?? rule.style);
  }
  return read;
}

/** A declaration of one of these properties, or of one of their longhands (text-decoration-line). */
function isRead(name: string, value: string, read: ReadonlySet<string>): boolean {
  if (name === 'display') return value.trim().toLowerCase() === 'none';
  if (read.has(name)) return true;
  for (const property of read) if (name.startsWith(`${property}-`)) return true;
  return false;
}

/**
 * The rules of a stylesheet that set what is read, with only those declarations, as the
 * browser's CSS engine reads them (what it does not know or cannot parse is gone already).
 * A constructed stylesheet, applied nowhere: nothing it names is fetched or shown.
 */
function reduceStylesheet(css: string, read: ReadonlySet<string>): string {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  const kept: string[] = [];
  for (const rule of Array.from(sheet.cssRules)) {
    // Only top-level style rules: ProseMirror applies no other (@media, @supports…).
    if (!('selectorText' in rule) || !('style' in rule)) continue;
    const declarations = rule.style as CSSStyleDeclaration;
    const wanted: string[] = [];
    for (const name of Array.from(declarations)) {
      const value = declarations.getPropertyValue(name);
      if (!isRead(name, value, read) || value.includes('<')) continue;
      const priority = declarations.getPropertyPriority(name);
      wanted.push(`${name}: ${value}${priority ? ` !${priority}` : ''}`);
    }
    if (wanted.length > 0) kept.push(`${rule.selectorText as string} { ${wanted.join('; ')} }`);
  }
  return kept.join('\n');
}

export function reduceStylesheets(html: string, read: ReadonlySet<string>): string {
  // Stylesheets come first (in the head): the text past the last one is not read.
  let last = -1;
  for (const match of html.matchAll(STYLE_END)) last = match.index;
  if (last < 0) return html;
  const parts: string[] = [];
  let done = 0;
  const pieces = new RegExp(PIECE.source, 'gi');
  for (let piece = pieces.exec(html); piece && piece.index <= last; piece = pieces.exec(html)) {
    const [whole, start, css, close] = piece;
    if (start === undefined || css === undefined || close === undefined) continue;
    parts.push(html.slice(done, piece.index), start, reduceStylesheet(css, read), close);
    done = piece.index + whole.length;
  }
  parts.push(html.slice(done));
  return parts.join('');
}
