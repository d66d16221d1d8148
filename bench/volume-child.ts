import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { makeVolume } from '../main/services/export/volume/make.js';
import { RepositoryContext } from '../main/services/repository/context.js';
import { RepositoryLayout } from '../main/services/repository/layout.js';
import { closeWorkers } from '../main/services/worker/run-job.js';
import { withPeakMemory, type TreeMemory } from './process-tree.js';

/**
 * One volume made from cold workers in a process of its own (volume.ts), so that its peak
 * memory and CPU time are the volume's (this process, its workers and the Chromium they
 * start) and not the benchmarks' run before it: `node volume-child.js REPO docx|pdf OUT`
 * writes the volume to OUT and prints a MadeInChild.
 */
export interface MadeInChild {
  ms: number;
  /** CPU seconds of this process and every process it started, user + system. */
  cpuSeconds: number;
  peak: TreeMemory;
  /** The load average when the volume was started. */
  load: string;
  included: number;
}

/** Memory sampled this often: seconds-long runs, and each sample costs milliseconds of CPU. */
const SAMPLE_EVERY_MS = 250;

const [repo, format, out] = process.argv.slice(2);
if (!repo || (format !== 'docx' && format !== 'pdf') || !out)
  throw new Error('usage: volume-child.js REPO docx|pdf OUT');
const context = new RepositoryContext(new RepositoryLayout(repo));
try {
  const load = loadavg()[0]?.toFixed(1) ?? '?';
  const start = performance.now();
  const { result, peak, cpuSeconds } = await withPeakMemory(
    () =>
      makeVolume(context, {
        selection: { kind: 'all' },
        formats: [format],
        title: 'Recueil',
        date: '2026-12-01',
      }),
    SAMPLE_EVERY_MS,
  );
  const ms = performance.now() - start;
  const [file] = result.files;
  if (!file) throw new Error('the volume has no file');
  await writeFile(out, file.bytes);
  const made: MadeInChild = { ms, cpuSeconds, peak, load, included: result.summary.included.length };
  process.stdout.write(JSON.stringify(made));
} finally {
  await closeWorkers();
}
