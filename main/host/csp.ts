/**
 * The renderer's Content Security Policy, one string for both hosts: the browser host
 * sends it as a header, Electron applies it to its window. Scripts only from our own
 * bundle (no inline, no eval), images also from data:/blob: (pasted and imported
 * figures), and no way to frame the page, post a form or change the base URL.
 * Inline styles are allowed because the editor sets style attributes (column widths,
 * image sizes).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
