import { createHash } from 'node:crypto';
import { Bookmark, type ParagraphChild } from 'docx';

/** Word bookmarks for the plan's anchors: where the list of figures and its page numbers point. */

/** A Word bookmark name: a letter first, letters, digits and underscores, 40 characters at most. */
export function bookmarkName(anchor: string): string {
  const name = `b_${anchor}`.replace(/[^A-Za-z0-9_]/g, '_');
  if (name.length <= 40) return name;
  return `${name.slice(0, 29)}_${createHash('sha256').update(anchor).digest('hex').slice(0, 10)}`;
}

/** A caption's runs inside the bookmark the list of figures points at. */
export function bookmarked(anchor: string | undefined, children: ParagraphChild[]) {
  return anchor ? [new Bookmark({ id: bookmarkName(anchor), children })] : children;
}
