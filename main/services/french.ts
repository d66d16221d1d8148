/**
 * French typography for the messages we write: a no-break space before « : ; ! ? » and
 * inside « guillemets », so a line never starts with a lone colon or quote mark. Applied to
 * our own literal text only, never to interpolated values (paths, names, ids) that must
 * stay byte for byte what the user typed.
 */
const NBSP = '\u00a0';

export function frenchSpacing(text: string): string {
  return text.replace(/ ([:;!?»])/g, `${NBSP}$1`).replace(/« /g, `«${NBSP}`);
}

/** Tagged template: `fr\`Le dossier « ${path} » n’existe pas.\`` */
export function fr(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce(
    (text, literal, index) =>
      text + frenchSpacing(literal) + (index < values.length ? String(values[index]) : ''),
    '',
  );
}
