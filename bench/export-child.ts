import { writeFile } from 'node:fs/promises';
import { openRepository } from '../main/services/index.js';
import { closeWorkers } from '../main/services/worker/run-job.js';
import type { ChildExport } from './export-in-child.js';
import { withPeakMemory } from './process-tree.js';

/**
 * One export in a process of its own, so that its memory is the export's and not that of
 * the benchmarks run before it in the same process (the PDF figure once carried 170 MiB
 * the Word benchmarks had left in the host's heap). `node export-child.js REPO SHEET
 * FORMAT OUT [--warm]` prints a ChildExport (export-in-child.ts): the host's own peak, and
 * the peak of the host with every process it started (worker processes, and the Chromium a
 * PDF print starts). With --warm, a second export of the same sheet is timed, with what the
 * first started still running (Chromium for a PDF), outside the memory measurement.
 */
const [repo, sheetId, format, out, warm] = process.argv.slice(2);
if (!repo || !sheetId || (format !== 'docx' && format !== 'pdf') || !out)
  throw new Error('usage: export-child.js REPO SHEET docx|pdf OUT [--warm]');
const session = await openRepository(repo, { create: 'never' });
try {
  const render = () => session.handlers['export:render']({ sheetId, format });
  const start = performance.now();
  const { result: rendered, peak } = await withPeakMemory(render);
  const ms = performance.now() - start;
  await writeFile(out, Buffer.from(rendered.base64, 'base64'));
  const measured: ChildExport = {
    ms,
    maxRssKb: process.resourceUsage().maxRSS,
    peak,
    warnings: rendered.warnings.length,
  };
  if (warm === '--warm') {
    const warmStart = performance.now();
    await render();
    measured.warmMs = performance.now() - warmStart;
  }
  process.stdout.write(JSON.stringify(measured));
} finally {
  await session.close();
  await closeWorkers();
}
