import type { SanitizeOutcome } from '../assets/svg-sanitize.js';
import type { JobTable } from './protocol.js';

/**
 * Every job a worker process runs, by name. Each module is loaded on its first job only:
 * a worker that only cleans SVGs never loads docx.
 */
export const jobs = {
  /** An imported SVG, checked and cleaned (assets/svg-sanitize.ts): seconds of parsing for a large file. */
  'sanitize-svg': async (source: Uint8Array): Promise<SanitizeOutcome> =>
    (await import('../assets/svg-sanitize.js')).sanitizeOrRefuse(source),
} satisfies JobTable;

export type Jobs = typeof jobs;
export type JobName = keyof Jobs;
