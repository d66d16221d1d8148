import { NBSP, NNBSP } from '../../../../shared/content/typography.js';

/**
 * French spacing made unbreakable, the same in every format. Pasted text often carries
 * plain spaces before « ; : ! ? » and inside guillemets; in a justified column those spaces
 * stretch and may put a colon at the start of a line, so they become the no-break spaces
 * the editor inserts while typing.
 */
export function frenchSpaces(text: string): string {
  return text
    .replace(/[ \t]+([;!?])/g, `${NNBSP}$1`)
    .replace(/[ \t]+([:»])/g, `${NBSP}$1`)
    .replace(/«[ \t]+/g, `«${NBSP}`);
}
