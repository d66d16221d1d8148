/**
 * What Chromium acts on as soon as pasted HTML is parsed, even in the inert document
 * ProseMirror reads it in, taken out while it is still text: event attributes (onclick,
 * onerror…), checked against the CSP the moment an element gets one, and <base>, which
 * tries to change the document's address. Neither could run (the CSP forbids inline
 * handlers and base-uri), but each refusal is reported: after this, nothing is refused.
 */

/** A start tag, its quoted values read whole (a `>` inside quotes does not end it). */
const START_TAG = /<[a-zA-Z](?:[^>"']|"[^"]*"|'[^']*')*>/g;
/** An event attribute, after whatever browsers accept before an attribute: space, `/`, a quote. */
const EVENT_ATTRIBUTE = /([\s/"'])on[a-z0-9_-]*\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*)/gi;
const BASE_TAG = /^<base[\s/>]/i;

export function defuseHtml(html: string): string {
  return html.replace(START_TAG, (tag) => (BASE_TAG.test(tag) ? '' : tag.replace(EVENT_ATTRIBUTE, '$1')));
}
