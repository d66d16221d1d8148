import { execFile } from 'node:child_process';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../shared/result.js';
import { RepositoryContext } from '../../repository/context.js';
import { RepositoryLayout } from '../../repository/layout.js';
import { pdfText } from '../../testing/poppler.js';
import { workerCount } from '../../worker/run-job.js';
import { ChromiumPrinter } from '../pdf/chromium-printer.js';
import { usePdfPrinter } from '../pdf/printer-choice.js';
import { destinationPages } from '../pdf/volume.js';
import { readDocx } from '../testing/docx-parts.js';
import type { SampleRepository } from '../testing/sample.js';
import { volumeSample } from '../testing/volume.js';
import { makeVolume } from './make.js';

const run = promisify(execFile);

/** The commands of every process this one started, and their own (a worker, its Chromium). */
async function descendantCommands(): Promise<string[]> {
  const { stdout } = await run('ps', ['-eo', 'pid=,ppid=,comm=']);
  const rows = stdout
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .map(([pid, ppid, ...command]) => ({ pid: Number(pid), ppid: Number(ppid), command: command.join(' ') }));
  const tree = new Set([process.pid]);
  for (let grown = true; grown;) {
    grown = false;
    for (const row of rows) {
      if (!tree.has(row.pid) && tree.has(row.ppid) && row.command !== 'ps') {
        tree.add(row.pid);
        grown = true;
      }
    }
  }
  return rows.filter((row) => row.pid !== process.pid && tree.has(row.pid)).map((row) => row.command);
}

/** Cancels as soon as a Chromium started by this process (through its worker) is running. */
async function abortOnceChromiumRuns(controller: AbortController): Promise<void> {
  while (!controller.signal.aborted) {
    if ((await descendantCommands()).some((command) => /chrom/i.test(command))) controller.abort();
    else await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let sample: SampleRepository;
let context: RepositoryContext;

beforeAll(async () => {
  sample = await volumeSample([
    { id: 'monnaie', status: 'validated' },
    { id: 'logistique-et-supply-chain', status: 'published' },
    { id: 'cobotique', status: 'draft' },
  ]);
  // A sheet whose file is damaged: skipped and named, the volume still made.
  await writeFile(join(sample.repo, 'sheets', 'export.json'), '{ "schemaVersion": 1, "id": "export", ');
  context = new RepositoryContext(new RepositoryLayout(sample.repo));
}, 60_000);
afterAll(() => sample.dispose());

const request = { title: 'Recueil des fiches variables', date: '2026-12-01' } as const;

describe('the volume', () => {
  it('is made of the sheets in the system’s order, a damaged one skipped and named', async () => {
    const progress: string[] = [];
    const { files, summary } = await makeVolume(
      context,
      { ...request, selection: { kind: 'all' }, formats: ['docx'] },
      { onProgress: (p) => progress.push(`${p.done} / ${p.total} : ${p.current}`) },
    );
    expect(summary.included.map((sheet) => sheet.sheetId)).toEqual([
      'monnaie',
      'logistique-et-supply-chain',
      'big-data',
      'cobotique',
    ]);
    expect(summary.skipped.map((sheet) => sheet.sheetId)).toEqual(['export']);
    expect(summary.skipped[0]?.reason).toMatch(/endommagée|invalide|illisible/i);
    expect(progress).toContain('2 / 5 : Export');
    expect(files.map((file) => file.fileName)).toEqual(['recueil-des-fiches-variables.docx']);
    const document = readDocx(files[0]!.bytes).text('word/document.xml');
    expect(document).toContain('TOC \\h');
    expect(document).not.toContain('w:dirty="true"');
  }, 180_000);

  it('chooses by status, and refuses an empty choice without writing anything', async () => {
    const { summary } = await makeVolume(context, {
      ...request,
      selection: { kind: 'statuses', statuses: ['validated', 'published'] },
      formats: ['docx'],
    });
    expect(summary.included.map((sheet) => sheet.sheetId)).toEqual(['monnaie', 'logistique-et-supply-chain']);
    await expect(
      makeVolume(context, {
        ...request,
        selection: { kind: 'families', families: ['evolutions-societales'] },
        formats: ['docx'],
      }),
    ).rejects.toThrow(AppFailure);
  }, 180_000);

  it('prints the PDF with the host’s own printer as the desktop app does, its pages exact', async () => {
    const printer = new ChromiumPrinter();
    usePdfPrinter(printer);
    try {
      const { files } = await makeVolume(context, {
        ...request,
        selection: { kind: 'sheets', sheets: ['monnaie', 'big-data'] },
        formats: ['pdf'],
      });
      const pdf = files[0]!;
      const file = join(sample.dir, pdf.fileName);
      await writeFile(file, pdf.bytes);
      const pages = (await pdfText(file, { layout: true })).split('\f');
      const contents = pages.find((page) => page.includes('Sommaire'))?.split('\n') ?? [];
      const destinations = await destinationPages(pdf.bytes);
      for (const [sheetId, name] of [
        ['monnaie', 'Monnaie'],
        ['big-data', 'Big Data'],
      ] as const) {
        const entry = contents.find((line) => line.trim().startsWith(name));
        expect(Number(/(\d+)\s*$/.exec(entry ?? '')?.[1]), name).toBe(destinations.get(`fiche-${sheetId}`));
      }
      // A family's divider prints without running header, its micro-scenarios' continuation
      // pages with it (« 5. ÉVOLUTIONS TECHNOLOGIQUES »), as in Word.
      const compact = (page: string) => page.replace(/\s+/g, '');
      const dividers = pages.filter((page) => compact(page).startsWith('Famille'));
      const continued = pages.filter((page) => page.includes('MICRO-SCÉNARIOS (SUITE)'));
      expect(dividers.length).toBeGreaterThan(0);
      expect(continued.length).toBeGreaterThan(0);
      for (const page of continued) expect(compact(page)).toMatch(/^\d+\.\p{Lu}/u);
    } finally {
      usePdfPrinter(undefined);
      await printer.close();
    }
  }, 120_000);

  it('names the sheet of each missing image in its summary, in Word as in PDF', async () => {
    const own = await volumeSample([{ id: 'monnaie' }]);
    try {
      const assets = join(own.repo, 'assets');
      const [image] = await readdir(assets);
      await rm(join(assets, image!));
      const { summary } = await makeVolume(new RepositoryContext(new RepositoryLayout(own.repo)), {
        ...request,
        selection: { kind: 'all' },
        formats: ['docx', 'pdf'],
      });
      const missing = summary.warnings.filter((warning) => /image (manquante|introuvable)/i.test(warning));
      // One for each format and sheet at least: Monnaie and Big Data show the same figures.
      expect(missing.length, summary.warnings.join('\n')).toBeGreaterThanOrEqual(4);
      for (const warning of missing) expect(warning).toMatch(/^(Monnaie|Big Data)\u00a0: /);
      expect(missing.some((warning) => warning.startsWith('Monnaie'))).toBe(true);
      expect(missing.some((warning) => warning.startsWith('Big Data'))).toBe(true);
    } finally {
      await own.dispose();
    }
  }, 180_000);

  it('stops the final build when cancelled during it: its worker and Chromium stopped, nothing kept', async () => {
    const controller = new AbortController();
    const made = makeVolume(
      context,
      { ...request, selection: { kind: 'all' }, formats: ['pdf'] },
      {
        signal: controller.signal,
        onProgress: (p) => {
          // Well into the job: cancelled once the worker's Chromium runs, however fast it prints.
          if (p.current.startsWith('Mise en page')) void abortOnceChromiumRuns(controller);
        },
      },
    );
    await expect(made).rejects.toMatchObject({ details: { reason: 'cancelled' } });
    await expect.poll(() => workerCount(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => descendantCommands(), { timeout: 10_000 }).toEqual([]);
  }, 120_000);

  it('stops when cancelled, keeping nothing', async () => {
    const controller = new AbortController();
    const made = makeVolume(
      context,
      { ...request, selection: { kind: 'all' }, formats: ['docx'] },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.done === 2) controller.abort();
        },
      },
    );
    await expect(made).rejects.toMatchObject({ details: { reason: 'cancelled' } });
  });
});
