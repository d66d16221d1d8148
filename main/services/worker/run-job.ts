import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JobName, Jobs } from './jobs.js';
import { WorkerPool, type JobLimits } from './pool.js';

/**
 * The host's access to its worker processes: `runJob('sanitize-svg', bytes, limits)`.
 * One pool per host process, started on the first job.
 */

const here = fileURLToPath(import.meta.url);
/** entry.js beside this file once built; entry.ts when running from the sources (tests). */
const entry = join(dirname(here), `entry${extname(here)}`);

let pool: WorkerPool | undefined;

export function runJob<K extends JobName>(
  job: K,
  request: Parameters<Jobs[K]>[0],
  limits: JobLimits,
): Promise<Awaited<ReturnType<Jobs[K]>>> {
  pool ??= new WorkerPool(entry);
  return pool.run(job, request, limits);
}

/** How many worker processes are alive (for tests and the logs). */
export function workerCount(): number {
  return pool?.size ?? 0;
}

/** For hosts that stop (the browser host, the CLI): no worker outlives them. */
export async function closeWorkers(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.close();
}
