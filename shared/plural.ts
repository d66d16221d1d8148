/** « 1 commentaire », « 3 commentaires »: a count and its noun, held together by a no-break space. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count}\u00a0${count > 1 ? pluralForm : singular}`;
}
