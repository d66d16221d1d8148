/**
 * Links are limited to http, https and mailto. The check runs on the URL as a browser
 * would read it: control characters and white space are stripped first, because
 * "java\tscript:" and " JaVaScRiPt:" are still javascript: to a browser.
 */
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export function isSafeLinkHref(href: string): boolean {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const cleaned = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (cleaned === '') return false;
  let url: URL;
  try {
    url = new URL(cleaned);
  } catch {
    return false;
  }
  return SAFE_PROTOCOLS.has(url.protocol.toLowerCase());
}
