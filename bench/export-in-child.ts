import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TreeMemory } from './process-tree.js';

const run = promisify(execFile);

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
  const child = fileURLToPath(new URL('./export-child.js', import.meta.url));
  const args = [child, repo, sheetId, format, out, ...(warm ? ['--warm'] : [])];
  const { stdout } = await run(process.execPath, args, { maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout) as ChildExport;
}
