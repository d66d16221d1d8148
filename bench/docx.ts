import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { exportInChild } from './export-in-child.js';
import { LONG_SHEET_ID, longSheetRepository, sampleRepository } from './fixtures.js';
import { sheetHtml } from './sheet-html.js';
import { percentile, report } from './stats.js';

const run = promisify(execFile);
const RUNS = 5;
const LONG = { words: 40_000, figures: 40, svgFigures: 10, tables: 10 };

async function timed(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

/** Big Data exported in-process, after one warm-up run (fonts read, modules loaded). */
async function benchSample(): Promise<void> {
  const { path, session } = await sampleRepository('docx');
  try {
    const render = () => session.handlers['export:render']({ sheetId: 'big-data', format: 'docx' });
    await render();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) times.push(await timed(render));
    report('docx-big-data', percentile(times, 50), 'ms', `median of ${RUNS}`);
  } finally {
    await session.close();
    await rm(dirname(path), { recursive: true, force: true });
  }
}

async function pages(docx: string, work: string): Promise<number | undefined> {
  try {
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${join(work, 'lo')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        docx,
      ],
      { timeout: 180_000 },
    );
    const { stdout } = await run('pdfinfo', [docx.replace(/\.docx$/, '.pdf')]);
    return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
  } catch {
    return undefined;
  }
}

/**
 * The long synthetic sheet, exported in a child process (its maxRSS is the export's peak
 * memory), then the same content as HTML converted by pandoc in the same run.
 */
async function benchLong(): Promise<void> {
  const { path, session, work, template, sections } = await longSheetRepository('docx-long', LONG);
  try {
    await session.close();

    const out = join(work, 'long.docx');
    const measured = await exportInChild(path, LONG_SHEET_ID, 'docx', out);
    const pageCount = await pages(out, work);
    const note = `${LONG.figures} figures, ${LONG.tables} tables${pageCount ? `, ${pageCount} pages` : ''}`;
    report('docx-long-sheet', measured.ms, 'ms', `${note}; target ≤ 5000`);
    report(
      'docx-long-sheet-peak-rss',
      measured.peak.rssMiB,
      'MiB',
      'the host and its worker processes, RSS summed; target ≤ 1024',
    );
    report('docx-long-sheet-peak-host-rss', measured.maxRssKb / 1024, 'MiB', 'the host process alone');

    const html = join(path, 'long.html');
    await writeFile(
      html,
      sheetHtml(
        'Intelligence Artificielle',
        template.sections.map((section) => ({ title: section.title, doc: sections[section.id] })),
      ),
    );
    const pandocMs = await timed(() =>
      run(
        'pandoc',
        ['-f', 'html', '-t', 'docx', '--resource-path', path, '-o', join(work, 'pandoc.docx'), html],
        {
          cwd: path,
          timeout: 300_000,
        },
      ),
    ).catch(() => undefined);
    if (pandocMs === undefined)
      console.log('docx-long-sheet-vs-pandoc: unavailable  (pandoc missing or failed: not measured)');
    else {
      report('docx-long-sheet-pandoc', pandocMs, 'ms', 'pandoc HTML → .docx, same content');
      report('docx-long-sheet-vs-pandoc', measured.ms / pandocMs, '×', 'our time ÷ pandoc’s');
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export async function benchDocx(): Promise<void> {
  await benchSample();
  await benchLong();
}
