import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { openRepository } from '../main/services/index.js';

/**
 * One Word file imported in a process of its own, as `fiches import` does (analysis, then
 * the import with the proposal as it stands), so its peak memory is the import's:
 * `node import-child.js REPO FILE` prints `{ ms, peakMiB }`.
 */
const [repo, file] = process.argv.slice(2);
if (!repo || !file) throw new Error('usage: import-child.js REPO FILE');

/** This process's own peak (Linux's VmHWM); getrusage's maxRSS would carry its parent's across exec. */
function peakMiB(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
  } catch {
    return process.resourceUsage().maxRSS / 1024;
  }
}

const session = await openRepository(repo, { create: 'never' });
try {
  const start = performance.now();
  const name = basename(file);
  const base64 = readFileSync(file).toString('base64');
  const proposal = await session.handlers['import:analyse']({ name, base64 });
  if (!proposal.variableId) throw new Error(`no variable for « ${proposal.title} »`);
  const result = await session.handlers['import:apply']({
    name,
    base64,
    choices: {
      fingerprint: proposal.fingerprint,
      variable: { kind: 'existing', variableId: proposal.variableId },
      replaceExisting: proposal.existingSheet,
      targets: {},
      unplacedSection: proposal.unplacedSection,
    },
  });
  const ms = performance.now() - start;
  process.stdout.write(JSON.stringify({ ms, peakMiB: peakMiB(), parts: result.placements.length }));
} finally {
  await session.close();
}
