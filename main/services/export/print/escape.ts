/**
 * Everything the print document says comes from users (sheet text, names, the layout's
 * strings): it is escaped on the way in, so no content can become markup, style or script.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text or attribute value: the five characters HTML gives a meaning to. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] as string);
}

/**
 * A CSS string literal (`content: "…"` of the running header and footer). Every character
 * that could end the string, the declaration or the style element is written as a CSS
 * escape, so the value reads back exactly as typed.
 */
export function cssString(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters cannot stand in CSS strings
  const escaped = text.replace(/[\u0000-\u001f\u007f"'\\<>&]/g, (char) => {
    const code = char.codePointAt(0) as number;
    return code === 0 ? '\\fffd ' : `\\${code.toString(16)} `;
  });
  return `"${escaped}"`;
}
