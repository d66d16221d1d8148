import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { closeWorkers } from '../main/services/worker/run-job.js';
import type { ServiceHandlers } from '../main/services/index.js';
import { exportInChild } from './export-in-child.js';
import { LONG_SHEET_ID, longSheetRepository, sampleRepository } from './fixtures.js';
import { percentile, report } from './stats.js';

const run = promisify(execFile);
const RUNS = 5;
/** About a hundred printed pages: the Word benchmark's long sheet, longer. */
const LONG = { words: 56_000, figures: 40, svgFigures: 10, tables: 10 };

async function timed<T>(action: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await action();
  return { ms: performance.now() - start, value };
}

async function pageCount(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? NaN);
}

/** Our Word export of the sheet converted to PDF by LibreOffice; undefined when LibreOffice is absent or fails. */
async function libreOffice(
  handlers: ServiceHandlers,
  sheetId: string,
  work: string,
): Promise<number | undefined> {
  const docx = join(work, `${sheetId}.docx`);
  const rendered = await handlers['export:render']({ sheetId, format: 'docx' });
  await writeFile(docx, Buffer.from(rendered.base64, 'base64'));
  const args = [
    `-env:UserInstallation=file://${join(work, 'lo')}`,
    '--headless',
    '--convert-to',
    'pdf',
    '--outdir',
    join(work, 'lo-pdf'),
    docx,
  ];
  // A first conversion creates LibreOffice's profile: not the conversion's cost.
  const warm = await run('soffice', args, { timeout: 300_000 }).catch(() => undefined);
  if (warm === undefined) return undefined;
  return (await timed(() => run('soffice', args, { timeout: 300_000 }))).ms;
}

/** Reports LibreOffice's time for the same sheet as `<sheet>-libreoffice`, and ours ÷ its. */
function compare(sheet: string, ours: number, office: number | undefined): void {
  const name = `${sheet}-vs-libreoffice`;
  if (office === undefined) {
    console.log(`${name}: unavailable  (LibreOffice missing or failed: not measured)`);
    return;
  }
  report(
    `${sheet}-libreoffice`,
    office,
    'ms',
    'our .docx → PDF by soffice --headless, profile already created',
  );
  report(name, ours / office, '×', 'our time ÷ LibreOffice’s');
}

/** Big Data in-process: the first export starts Chromium, the next ones reuse it. */
async function benchSample(): Promise<void> {
  const { path, session } = await sampleRepository('pdf');
  const work = dirname(path);
  try {
    const render = () => session.handlers['export:render']({ sheetId: 'big-data', format: 'pdf' });
    const cold = await timed(render);
    report('pdf-big-data-cold', cold.ms, 'ms', 'first export, Chromium start included');
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) times.push((await timed(render)).ms);
    const median = percentile(times, 50);
    const file = join(work, 'big-data.pdf');
    await writeFile(file, Buffer.from(cold.value.base64, 'base64'));
    report('pdf-big-data', median, 'ms', `median of ${RUNS}, ${await pageCount(file)} pages`);
    compare('pdf-big-data', median, await libreOffice(session.handlers, 'big-data', work));
  } finally {
    await session.close();
    await closeWorkers();
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * A synthetic sheet of about a hundred pages, printed in a process of its own (its memory
 * is the print's: the host, its worker and every Chromium process), cold then warm.
 */
async function benchLong(): Promise<void> {
  const { path, session, work } = await longSheetRepository('pdf-long', LONG);
  try {
    // Before the print: the child process needs the repository that this session holds.
    const office = await libreOffice(session.handlers, LONG_SHEET_ID, work).finally(() => session.close());
    const file = join(work, 'long.pdf');
    const measured = await exportInChild(path, LONG_SHEET_ID, 'pdf', file, { warm: true });
    const pages = await pageCount(file);
    report('pdf-long-sheet', measured.ms, 'ms', `${pages} pages, Chromium start included; target ≤ 10000`);
    report(
      'pdf-long-sheet-peak-rss',
      measured.peak.rssMiB,
      'MiB',
      'the host, its workers and every Chromium process, RSS summed; target ≤ 1536',
    );
    report(
      'pdf-long-sheet-peak-pss',
      measured.peak.pssMiB,
      'MiB',
      'same process tree, shared pages counted once',
    );
    report(
      'pdf-long-sheet-peak-node-rss',
      measured.peak.nodeRssMiB,
      'MiB',
      'the host process alone (the print runs in a worker)',
    );
    const warm = measured.warmMs ?? NaN;
    report('pdf-long-sheet-warm', warm, 'ms', 'Chromium already running');
    compare('pdf-long-sheet', warm, office);
  } finally {
    // The Word export for LibreOffice ran in this process's workers.
    await closeWorkers();
    await rm(work, { recursive: true, force: true });
  }
}

export async function benchPdf(): Promise<void> {
  await benchSample();
  await benchLong();
}
