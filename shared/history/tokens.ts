import { diffArrays } from 'diff';
import type { Segment } from './diff-schema.js';

/**
 * Word-level comparison of French text. jsdiff's own word splitter cuts « l’évolution »
 * at the typographic apostrophe and treats no-break spaces as word characters in some
 * versions, so the text is cut into tokens here and jsdiff compares the token arrays.
 */

/**
 * A word (letters, combining accents, digits, joined by inner hyphens) with the elided
 * apostrophe that ends it (« l’ », « qu’ »), a run of spaces (no-break ones included), or
 * any other single character (punctuation, guillemets).
 */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[-‑][\p{L}\p{M}\p{N}]+)*[’']?|\s+|[^\p{L}\p{M}\p{N}\s]/gu;

export function tokenize(text: string): string[] {
  return text.normalize('NFC').match(TOKEN) ?? [];
}

const isSpace = (text: string) => /^\s+$/u.test(text);

/**
 * The segments that turn `before` into `after`, each removal before the insertion that
 * replaces it. A lone space between two replaced words joins the replacement, so
 * « le chat noir » → « la chienne blanche » reads as one deletion and one insertion.
 */
export function wordDiff(before: string, after: string): Segment[] {
  const changes = diffArrays(tokenize(before), tokenize(after));
  const segments: Segment[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) segments.push({ op: 'del', text: del });
    if (ins) segments.push({ op: 'ins', text: ins });
    del = '';
    ins = '';
  };
  changes.forEach((change, index) => {
    const text = change.value.join('');
    if (change.removed) del += text;
    else if (change.added) ins += text;
    else {
      const next = changes[index + 1];
      const bridges = del !== '' && ins !== '' && isSpace(text) && next !== undefined;
      if (bridges) {
        del += text;
        ins += text;
        return;
      }
      flush();
      const last = segments[segments.length - 1];
      if (last?.op === 'same') last.text += text;
      else segments.push({ op: 'same', text });
    }
  });
  flush();
  return segments;
}

/** Share of the text left unchanged, 0 to 1, counted in characters of both sides. */
export function similarity(segments: readonly Segment[]): number {
  let same = 0;
  let total = 0;
  for (const segment of segments) {
    const length = segment.text.trim().length;
    if (segment.op === 'same') {
      same += 2 * length;
      total += 2 * length;
    } else total += length;
  }
  return total === 0 ? 1 : same / total;
}
