import { inChild } from './in-child.js';
import type { TreeMemory } from './process-tree.js';

/** What export-child.js measured of one export. */
export interface ChildExport {
  ms: number;
  /** The host process's own peak resident set. */
  maxRssKb: number;
  /** The host with its worker processes and the Chromium they started. */
  peak: TreeMemory;
  warnings: number;
  /** A second export, with what the first started still running; only when asked for. */
  warmMs?: number;
}

/**
 * Exports a sheet of the repository at `repo` (no session may hold it) into `out`, in a
 * process of its own (export-child.ts), and returns what that process measured.
 */
export async function exportInChild(
  repo: string,
  sheetId: string,
  format: 'docx' | 'pdf',
  out: string,
  { warm = false } = {},
): Promise<ChildExport> {
  return inChild<ChildExport>('export-child.js', [repo, sheetId, format, out, ...(warm ? ['--warm'] : [])]);
}
