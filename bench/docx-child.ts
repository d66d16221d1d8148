import { writeFile } from 'node:fs/promises';
import { openRepository } from '../main/services/index.js';
import { closeWorkers } from '../main/services/worker/run-job.js';
import { withPeakMemory } from './process-tree.js';

/**
 * One export in a process of its own, so its memory is the export's and not the
 * benchmark's: `node docx-child.js REPO SHEET OUT` prints `{ ms, maxRssKb, treePeakMiB }`,
 * the host's own peak and that of the host with its worker processes (where the document
 * is built).
 */
const [repo, sheetId, out] = process.argv.slice(2);
if (!repo || !sheetId || !out) throw new Error('usage: docx-child.js REPO SHEET OUT');
const session = await openRepository(repo, { create: 'never' });
try {
  const start = performance.now();
  const { result: rendered, peak } = await withPeakMemory(() =>
    session.handlers['export:render']({ sheetId, format: 'docx' }),
  );
  await writeFile(out, Buffer.from(rendered.base64, 'base64'));
  const ms = performance.now() - start;
  process.stdout.write(
    JSON.stringify({
      ms,
      maxRssKb: process.resourceUsage().maxRSS,
      treePeakMiB: peak.rssMiB,
      warnings: rendered.warnings.length,
    }),
  );
} finally {
  await session.close();
  await closeWorkers();
}
