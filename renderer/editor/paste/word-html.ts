import { convertWordLists } from './word-lists.js';

/**
 * Word's clipboard HTML, reshaped while it is still text. ProseMirror, when it reads
 * pasted HTML, copies the page's stylesheet rules into each element's style through the
 * browser's CSS engine, which drops what it does not know: `mso-list`, the only trace of
 * Word's lists, and `mso-element:comment` would be gone by the time the DOM is ours. So
 * lists are rebuilt, comments and Word's stylesheets removed, here, in an inert document.
 */

/** Word's comments: the marks in the text, and the list of comments at the end. */
const WORD_COMMENTS = [
  '[style*="mso-element:comment"]',
  '[style*="mso-element: comment"]',
  '.msocomanchor',
  '.MsoCommentReference',
  '.msocomtxt',
  'hr.msocomoff',
].join(', ');

const LOOKS_LIKE_WORD = /urn:schemas-microsoft-com:office|class=["']?Mso|mso-list|<o:p/i;

export function prepareWordHtml(html: string): string {
  if (!LOOKS_LIKE_WORD.test(html)) return html;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  convertWordLists(doc.documentElement);
  for (const element of Array.from(doc.querySelectorAll(WORD_COMMENTS))) element.remove();
  // Its stylesheets only restyle what the sheet styles itself (captions in italics, headings in blue).
  for (const style of Array.from(doc.querySelectorAll('style'))) style.remove();
  return doc.body.innerHTML;
}
