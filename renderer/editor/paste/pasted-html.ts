import { appliesStylesheet, isOfficeOrProseMirror, reduceAttributes } from './attributes.js';
import { defuseHtml } from './defuse.js';
import { reduceStylesheets } from './stylesheets.js';
import { prepareWordHtml } from './word-html.js';

/**
 * ProseMirror's transformPastedHTML: pasted HTML reshaped while it is still text, before
 * the browser parses it into the inert document ProseMirror reads it in, on every paste of
 * HTML. `readStyles`: the style properties the parse reads (stylesheets.ts).
 *
 * A web page: its stylesheets reduced to what the paste reads, then every attribute cut but
 * the few the paste reads (attributes.ts), which takes event handlers and <base>'s address
 * too. Office's HTML, ProseMirror's own and a page whose stylesheet still applies keep
 * their attributes: they are defused instead (defuse.ts), Word's lists and comments rebuilt
 * (word-html.ts), their stylesheets reduced.
 */
export function transformPastedHtml(html: string, readStyles: ReadonlySet<string>): string {
  if (!isOfficeOrProseMirror(html)) {
    const page = reduceStylesheets(html, readStyles);
    return appliesStylesheet(page) ? defuseHtml(page) : reduceAttributes(page, readStyles);
  }
  return reduceStylesheets(prepareWordHtml(defuseHtml(html)), readStyles);
}
