import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { LONG_SHEET_ID, longSheetRepository, sampleRepository } from './fixtures.js';
import { percentile, report } from './stats.js';

const run = promisify(execFile);
const RUNS = 5;
/** The long bench sheet of the Word and PDF benches: about 97 pages once exported. */
const LONG = { words: 40_000, figures: 40, svgFigures: 10, tables: 10 };

/** The Big Data sample's own export imported back, in-process, after one warm-up run. */
async function benchSample(): Promise<void> {
  const { path, session } = await sampleRepository('import');
  try {
    const h = session.handlers;
    const { base64 } = await h['export:render']({ sheetId: 'big-data', format: 'docx' });
    const once = async () => {
      const start = performance.now();
      const proposal = await h['import:analyse']({ name: 'big-data.docx', base64 });
      await h['import:apply']({
        name: 'big-data.docx',
        base64,
        choices: {
          fingerprint: proposal.fingerprint,
          variable: { kind: 'existing', variableId: 'big-data' },
          replaceExisting: true,
          targets: {},
          unplacedSection: proposal.unplacedSection,
        },
      });
      return performance.now() - start;
    };
    await once();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) times.push(await once());
    report('import-big-data', percentile(times, 50), 'ms', `analysis and import, median of ${RUNS}`);
  } finally {
    await session.close();
    await rm(dirname(path), { recursive: true, force: true });
  }
}

/**
 * The long bench sheet's own .docx imported into a fresh repository, in a child process
 * (its peak memory is the import's): what `fiches import` does, analysis and import.
 */
async function benchLong(): Promise<void> {
  const { session, work } = await longSheetRepository('import-long', LONG);
  const target = await sampleRepository('import-target');
  try {
    const { base64 } = await session.handlers['export:render']({ sheetId: LONG_SHEET_ID, format: 'docx' });
    await session.close();
    await target.session.close();
    const file = join(work, 'long.docx');
    await writeFile(file, Buffer.from(base64, 'base64'));
    const child = fileURLToPath(new URL('./import-child.js', import.meta.url));
    const { stdout } = await run(process.execPath, [child, target.path, file]);
    const measured = JSON.parse(stdout) as { ms: number; peakMiB: number; parts: number };
    const note = `${LONG.figures} figures, ${LONG.tables} tables, ${measured.parts} parts`;
    report('import-long-sheet', measured.ms, 'ms', `${note}; target ≤ 3000`);
    report('import-long-sheet-peak-rss', measured.peakMiB, 'MiB', 'own process; target ≤ 500');
  } finally {
    // Closing twice is harmless: sessions refuse work once closed.
    await session.close();
    await target.session.close();
    await rm(work, { recursive: true, force: true });
    await rm(dirname(target.path), { recursive: true, force: true });
  }
}

export async function benchImport(): Promise<void> {
  await benchSample();
  await benchLong();
}
