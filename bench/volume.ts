import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { makeVolume, type MadeVolume } from '../main/services/export/volume/make.js';
import { sheetsOfVariables, writeVolumeSheets } from '../main/services/export/testing/volume.js';
import { RepositoryContext } from '../main/services/repository/context.js';
import { RepositoryLayout } from '../main/services/repository/layout.js';
import { closeWorkers } from '../main/services/worker/run-job.js';
import { sampleRepository } from './fixtures.js';
import { withPeakMemory } from './process-tree.js';
import { report } from './stats.js';

/**
 * The collection as one volume: every variable's sheet the size of the published Big Data
 * sheet (made from the sample's, testing/volume.ts), 29 sheets as the sample system has
 * (about 200 pages and 90 figures), then 300 (ten times the collection, in variables added
 * for it) to see the cost grow.
 */

const run = promisify(execFile);

async function volumeRepository(label: string, count: number) {
  const { path, session } = await sampleRepository(label);
  const overview = await session.handlers['repository:overview']({});
  const variables = overview.families.flatMap((family) =>
    family.variables.map((variable) => ({ id: variable.id, familyId: family.id })),
  );
  for (let n = variables.length; n < count; n += 1) {
    const familyId = overview.families[n % overview.families.length]!.id;
    const added = await session.handlers['variables:add']({
      familyId,
      name: `Variable supplémentaire ${n + 1}`,
    });
    variables.push({ id: added.id, familyId });
  }
  await session.close();
  await writeVolumeSheets(path, await sheetsOfVariables(path, variables.slice(0, count)), 'published');
  return { path, context: new RepositoryContext(new RepositoryLayout(path)) };
}

async function pageCount(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? NaN);
}

async function timedVolume(context: RepositoryContext, format: 'docx' | 'pdf') {
  await closeWorkers();
  // The machine may be shared: its load at the start goes with the figures.
  const [load = 0] = loadavg();
  const start = performance.now();
  const { result, peak, cpuSeconds } = await withPeakMemory(() =>
    makeVolume(context, {
      selection: { kind: 'all' },
      formats: [format],
      title: 'Recueil',
      date: '2026-12-01',
    }),
  );
  return { ms: performance.now() - start, made: result, peak, cpuSeconds, load: load.toFixed(1) };
}

async function write(made: MadeVolume, folder: string): Promise<string> {
  const [file] = made.files;
  if (!file) throw new Error('no file');
  const path = join(folder, file.fileName);
  await writeFile(path, file.bytes);
  return path;
}

export async function benchVolume(): Promise<void> {
  const { path, context } = await volumeRepository('volume-29', 29);
  const work = dirname(path);
  try {
    const docx = await timedVolume(context, 'docx');
    const docxFile = await write(docx.made, work);
    report('volume-docx-29', docx.ms, 'ms', `${docx.made.summary.included.length} sheets; target ≤ 10000`);
    report('volume-docx-29-peak-rss', docx.peak.rssMiB, 'MiB', 'host and workers, RSS summed; target ≤ 1024');
    const pdf = await timedVolume(context, 'pdf');
    const pdfFile = await write(pdf.made, work);
    report(
      'volume-pdf-29',
      pdf.ms,
      'ms',
      `${await pageCount(pdfFile)} pages, a draft then the full print; load average ${pdf.load} at start; target ≤ 30000`,
    );
    report(
      'volume-pdf-29-cpu',
      pdf.cpuSeconds,
      's',
      'host, workers and Chromium, user + system: varies less with the load than the duration',
    );
    report('volume-pdf-29-peak-rss', pdf.peak.rssMiB, 'MiB', 'host, workers and Chromium; target ≤ 2048');
    const args = [
      `-env:UserInstallation=file://${join(work, 'lo')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      join(work, 'lo-pdf'),
      docxFile,
    ];
    const warm = await run('soffice', args, { timeout: 600_000 }).catch(() => undefined);
    if (warm === undefined)
      console.log('volume-docx-29-vs-libreoffice: unavailable  (LibreOffice missing or failed)');
    else {
      const start = performance.now();
      await run('soffice', args, { timeout: 600_000 });
      const office = performance.now() - start;
      report('volume-docx-29-libreoffice', office, 'ms', 'our Word volume → PDF by soffice --headless');
      report('volume-docx-29-vs-libreoffice', docx.ms / office, '×', 'our time ÷ LibreOffice’s');
    }
  } finally {
    await closeWorkers();
    await rm(work, { recursive: true, force: true });
  }
  const large = await volumeRepository('volume-300', 300);
  try {
    const docx = await timedVolume(large.context, 'docx');
    report('volume-docx-300', docx.ms, 'ms', `${docx.made.summary.included.length} sheets`);
    report(
      'volume-docx-300-peak-rss',
      docx.peak.rssMiB,
      'MiB',
      'host and workers, RSS summed; target ≤ 2048',
    );
  } finally {
    await closeWorkers();
    await rm(dirname(large.path), { recursive: true, force: true });
  }
}
