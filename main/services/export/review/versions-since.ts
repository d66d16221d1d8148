import type { ChangeStep } from '../../../../shared/history/redline.js';
import type { SheetParts } from '../../../../shared/history/parts.js';
import {
  META_KEY,
  REVIEW_KEY,
  type PartKey,
  type RevisionKind,
  type RevisionSummary,
} from '../../../../shared/model/history.js';
import { fr } from '../../french.js';
import type { RevisionLineage } from '../../history/sheet-history.js';

/**
 * The versions a « changes since » export walks (shared/history/redline.ts), from the base
 * revision to the latest, and what made each: its author and date, the version it was made
 * from, and for a sync the other copies' versions it took content from. On a shared
 * repository the history lists two copies' parallel work in time order (a sync brings a
 * colleague's older revisions in between), so a revision is never read as a change of the
 * one listed before it: Bruno's revision, listed between two of Anne's, did not undo what
 * Anne wrote, and Anne's merge did not write what Bruno wrote.
 */

export interface WalkedVersions {
  versions: SheetParts[];
  steps: ChangeStep[];
  /** The version the latest revision holds: what later edits are made from. */
  head: number;
  warnings: string[];
}

const isContentKey = (key: PartKey) => key !== META_KEY && key !== REVIEW_KEY;

/** Revisions that combine the copies' work: a word they hold may come from another copy. */
const MERGING: ReadonlySet<RevisionKind> = new Set(['sync', 'resolve']);

export async function versionsSince(
  base: RevisionSummary,
  lineage: readonly RevisionLineage[],
  read: (summary: RevisionSummary) => Promise<SheetParts>,
): Promise<WalkedVersions> {
  const start = lineage.findIndex(({ summary }) => summary.id === base.id);
  const versions: SheetParts[] = [await read(base)];
  const steps: ChangeStep[] = [];
  const warnings: string[] = [];
  // Each revision's content, as an index in `versions`; each copy's latest one so far.
  const contentOf = new Map<string, number>([[base.id, 0]]);
  const latestOf = new Map<string | null, number>([[lineage[start]?.writer ?? null, 0]]);
  let head = 0;
  for (const { summary, writer, previous } of lineage.slice(start + 1)) {
    // Made from a revision older than the base (parallel work): compared with the base.
    const from = (previous === undefined ? undefined : contentOf.get(previous)) ?? 0;
    let index = from;
    const same = previous !== undefined && contentOf.has(previous) && !summary.changed.some(isContentKey);
    if (!same) {
      try {
        versions.push(await read(summary));
        const merged = MERGING.has(summary.kind)
          ? [...new Set(latestOf.values())].filter((other) => other !== from)
          : [];
        steps.push({ author: summary.author, date: summary.at, from, ...(merged.length ? { merged } : {}) });
        index = versions.length - 1;
      } catch (error) {
        // Read as if it changed nothing: the next readable revision signs its changes.
        warnings.push(
          fr`Version ${summary.seq} illisible (${(error as Error).message.replace(/[.\s]+$/, '')}) : ses modifications sont attribuées à la version suivante.`,
        );
      }
    }
    contentOf.set(summary.id, index);
    latestOf.set(writer, index);
    head = index;
  }
  return { versions, steps, head, warnings };
}
