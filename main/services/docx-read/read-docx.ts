import { readComments, readNotes } from './annotations.js';
import { readBlocks } from './blocks.js';
import { ReadContext } from './context.js';
import { DEFAULT_DOCX_LIMITS, type DocxLimits } from './limits.js';
import type { DocxDocument } from './model.js';
import { Numbering } from './numbering.js';
import { openPackage } from './package.js';
import { readProperties } from './properties.js';
import { StyleSheet } from './styles.js';
import { child, NS } from './xml.js';

/**
 * Reads a .docx held in memory into a neutral document (model.ts). Refuses, with a French
 * message and `details.reason` (refusal.ts), whatever is not a Word document or would pass
 * the limits; reads only the parts it needs, and images only when asked (`media`).
 */
export function readDocx(
  bytes: Buffer,
  fileName: string,
  limits: DocxLimits = DEFAULT_DOCX_LIMITS,
): DocxDocument {
  const pkg = openPackage(bytes, fileName, limits);
  const related = (type: string) => {
    const rel = pkg.related(pkg.mainPart, type);
    return rel ? pkg.xml(rel.target) : undefined;
  };
  const styles = new StyleSheet(related('styles'));
  const numbering = new Numbering(related('numbering'), (styleId) => styles.numbering(styleId));
  const ctx = new ReadContext(pkg, pkg.mainPart, styles, numbering, new Map());
  const root = pkg.xml(pkg.mainPart)?.documentElement ?? undefined;
  const body = child(root, NS.w, 'body');
  return {
    fileName,
    strict: pkg.strict,
    properties: readProperties(pkg),
    body: body ? readBlocks(body, ctx) : [],
    footnotes: readNotes(ctx, 'footnotes'),
    endnotes: readNotes(ctx, 'endnotes'),
    comments: readComments(ctx),
    revisions: [...ctx.revisions.values()],
    media: (part) => pkg.media(part),
  };
}
