import { isSafeLinkHref } from '../../shared/content/links.js';

const EXTERNAL_PROTOCOLS = new Set(['https:', 'mailto:']);

/**
 * The URL to hand to the operating system for a link the user followed, or undefined
 * to ignore it. Stricter than the links the editor accepts: plain http is refused here
 * because the OS would open it without any of our checks.
 */
export function externalLinkTarget(href: string): string | undefined {
  if (!isSafeLinkHref(href)) return undefined;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  return EXTERNAL_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}
