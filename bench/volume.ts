import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { loadLayout } from '../main/services/export/layout/load-layout.js';
import {
  entriesOnPages,
  pdfPageLines,
  wordContentsEntries,
} from '../main/services/export/testing/contents.js';
import { readDocx } from '../main/services/export/testing/docx-parts.js';
import { writeVolumeSheets } from '../main/services/export/testing/volume.js';
import { sampleRepository } from './fixtures.js';
import { inChild } from './in-child.js';
import { report } from './stats.js';
import type { MadeInChild } from './volume-child.js';

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
  const ids = overview.families.flatMap((family) => family.variables.map((variable) => variable.id));
  for (let n = ids.length; n < count; n += 1) {
    const added = await session.handlers['variables:add']({
      familyId: overview.families[n % overview.families.length]!.id,
      name: `Variable supplémentaire ${n + 1}`,
    });
    ids.push(added.id);
  }
  await session.close();
  await writeVolumeSheets(
    path,
    ids.slice(0, count).map((id) => ({ id })),
    'published',
  );
  return path;
}

async function pageCount(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? NaN);
}

/**
 * The volume made from cold workers, in a process of its own (volume-child.ts) written to
 * `folder`: its time, its CPU time (that process, its workers and their Chromium) and peak
 * memory, and the load then.
 */
async function timedVolume(path: string, format: 'docx' | 'pdf', folder: string) {
  const file = join(folder, `recueil.${format}`);
  const made = await inChild<MadeInChild>('volume-child.js', [path, format, file]);
  return { ...made, cpuMs: made.cpuSeconds * 1000, file };
}

/** The worst distance, in pages, between Word's contents and where LibreOffice puts each title. */
async function contentsOffset(docx: Buffer, officePdf: string) {
  const entries = wordContentsEntries(readDocx(docx).text('word/document.xml'));
  const pages = await pdfPageLines(officePdf);
  const { tocTitle } = (await loadLayout()).layout.volume;
  const contentsPage = pages.findIndex((lines) => lines.includes(tocTitle)) + 1;
  const placed = entriesOnPages(entries, pages, contentsPage);
  const found = placed.flatMap((entry) =>
    entry.actual === undefined ? [] : [Math.abs(entry.actual - entry.page)],
  );
  return { worst: Math.max(0, ...found), entries: entries.length, missing: entries.length - found.length };
}

export async function benchVolume(): Promise<void> {
  const path = await volumeRepository('volume-29', 29);
  const work = dirname(path);
  let cpuOf29 = Number.NaN;
  try {
    const docx = await timedVolume(path, 'docx', work);
    cpuOf29 = docx.cpuMs;
    const docxFile = docx.file;
    report('volume-docx-29', docx.ms, 'ms', `${docx.included} sheets; load ${docx.load}; target ≤ 10000`);
    report('volume-docx-29-cpu', docx.cpuMs, 'ms', 'host and workers, user + system');
    report('volume-docx-29-peak-rss', docx.peak.rssMiB, 'MiB', 'host and workers, RSS summed; target ≤ 1024');
    const pdf = await timedVolume(path, 'pdf', work);
    const pdfFile = pdf.file;
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
      const officePdf = join(work, 'lo-pdf', basename(docxFile).replace(/\.docx$/, '.pdf'));
      report(
        'volume-docx-29-libreoffice',
        office,
        'ms',
        `our Word volume → PDF by soffice --headless, ${await pageCount(officePdf)} pages; load ${loadavg()[0]?.toFixed(1)}`,
      );
      report('volume-docx-29-vs-libreoffice', docx.ms / office, '×', 'our time ÷ LibreOffice’s');
      const offset = await contentsOffset(await readFile(docxFile), officePdf);
      report(
        'volume-docx-29-contents-vs-libreoffice',
        offset.worst,
        'pages',
        `worst of ${offset.entries} entries, ${offset.missing} not found; target ≤ 1`,
      );
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const large = await volumeRepository('volume-300', 300);
  try {
    const docx = await timedVolume(large, 'docx', dirname(large));
    report('volume-docx-300', docx.ms, 'ms', `${docx.included} sheets; load ${docx.load}`);
    report('volume-docx-300-cpu', docx.cpuMs, 'ms', 'host and workers, user + system');
    report(
      'volume-docx-300-vs-29',
      docx.cpuMs / cpuOf29,
      '×',
      `CPU time, for ${(300 / 29).toFixed(1)} times the sheets: linear is about that`,
    );
    report(
      'volume-docx-300-peak-rss',
      docx.peak.rssMiB,
      'MiB',
      'host and workers, RSS summed; target ≤ 2048',
    );
  } finally {
    await rm(dirname(large), { recursive: true, force: true });
  }
}
