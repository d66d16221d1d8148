import { docSchema, type DocNode } from './doc.js';

/**
 * Links are limited to http, https and mailto. The check runs on the URL as a browser
 * would read it: control characters and white space are stripped first, because
 * "java\tscript:" and " JaVaScRiPt:" are still javascript: to a browser.
 */
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * Answers kept, as a paste checks each link several times (clean-up, parse, display): for a
 * 4 MB web page, 5,000 links read as URLs three times each. Bounded, and long addresses are
 * not kept.
 */
const checked = new Map<string, boolean>();
const CHECKED_MAX = 10_000;
const KEPT_LENGTH_MAX = 2_000;

function check(href: string): boolean {
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

export function isSafeLinkHref(href: string): boolean {
  let safe = checked.get(href);
  if (safe === undefined) {
    safe = check(href);
    if (href.length <= KEPT_LENGTH_MAX) {
      if (checked.size >= CHECKED_MAX) checked.clear();
      checked.set(href, safe);
    }
  }
  return safe;
}

/** Every link target of a document, in no particular order. */
export function linkTargets(doc: DocNode): string[] {
  const targets: string[] = [];
  const stack: DocNode[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop() as DocNode;
    for (const mark of node.marks ?? []) {
      if (mark.type === 'link') targets.push(String(mark.attrs?.href ?? ''));
    }
    stack.push(...(node.content ?? []));
  }
  return targets;
}

/**
 * A section as a request brings it: a document whose links all have a safe target. Files
 * already on disk are read with docSchema alone: the editor and the exports drop an unsafe
 * target when they show it, and refusing the whole file over one link would hide its text.
 */
export const incomingDocSchema = docSchema.superRefine((doc, context) => {
  const unsafe = linkTargets(doc).find((href) => !isSafeLinkHref(href));
  if (unsafe !== undefined) {
    context.addIssue({
      code: 'custom',
      message: `Lien refusé «\u00a0${unsafe.slice(0, 80)}\u00a0»\u00a0: seuls les liens http, https et mailto sont acceptés.`,
    });
  }
});
