import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { doc, figure, paragraph } from '../../../shared/content/builders.js';
import { RepositoryContext } from '../repository/context.js';
import { RepositoryLayout } from '../repository/layout.js';
import { pdfText, searchable } from '../testing/poppler.js';
import { closeWorkers } from '../worker/run-job.js';
import { exportSheets } from './export-sheets.js';
import { renderSheet } from './render.js';
import { plainText, readDocx } from './testing/docx-parts.js';
import { heavySvg } from './testing/synthetic.js';
import { openSample, type SampleRepository } from './testing/sample.js';

/**
 * Images that reached assets/ without the import's checks (a repository synced from a
 * colleague, or filled by an older version) must not bring the host down, whatever the
 * export does with them.
 */

let sample: SampleRepository;
beforeEach(async () => {
  sample = await openSample();
});
afterEach(async () => {
  await sample.dispose();
});

async function putAsset(bytes: Buffer, ext: string): Promise<string> {
  const name = `${createHash('sha256').update(bytes).digest('hex')}.${ext}`;
  await writeFile(join(sample.repo, 'assets', name), bytes);
  return name;
}

async function showFigure(asset: string) {
  await sample.session.handlers['sheets:update']({
    id: 'big-data',
    patch: { sections: { passe: doc(paragraph('Avant.'), figure('Hostile', 'Source', { asset })) } },
  });
}

describe('an SVG with an extreme viewBox', () => {
  const extreme = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1000000"><rect width="1" height="10"/></svg>',
  );

  it('exports to Word with a frame in its place: the SVG renderer does not take the host down', async () => {
    const asset = await putAsset(extreme, 'svg');
    await showFigure(asset);
    const rendered = await sample.session.handlers['export:render']({ sheetId: 'big-data', format: 'docx' });
    const text = plainText(readDocx(Buffer.from(rendered.base64, 'base64')).text('word/document.xml'));
    expect(text).toContain(`Image illisible\u00a0: assets/${asset}`);
    expect(rendered.warnings.some((warning) => warning.includes('image illisible'))).toBe(true);
    // The rest of the sheet is there, and this process is still alive to read it.
    expect(text).toContain('Avant.');
  });
});

/** The worker processes this process started (Linux: their parent, read from /proc). */
async function workerChildren(): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const command = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (parent === process.pid && /worker[/\\]entry\.[jt]s/.test(command)) pids.push(Number(entry));
  }
  return pids;
}

describe('an SVG renderer that aborts', () => {
  it('loses that figure only: the Word file is written, with a frame and the reason', async () => {
    // Hundreds of thousands of noise octaves: resvg would compute for hours.
    const endless = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><filter id="f"><feTurbulence baseFrequency="0.5" numOctaves="900000"/></filter><rect width="100" height="100" filter="url(#f)"/></svg>',
    );
    const asset = await putAsset(endless, 'svg');
    await showFigure(asset);
    // No idle worker left from another test: the first one to appear is the one drawing.
    await closeWorkers();
    const exported = sample.session.handlers['export:render']({ sheetId: 'big-data', format: 'docx' });
    // While it draws, its process dies as a native panic would end it.
    await expect.poll(workerChildren, { timeout: 20_000 }).not.toEqual([]);
    for (const pid of await workerChildren()) process.kill(pid, 'SIGABRT');
    const rendered = await exported;
    const text = plainText(readDocx(Buffer.from(rendered.base64, 'base64')).text('word/document.xml'));
    expect(text).toContain(`Image illisible\u00a0: assets/${asset}`);
    expect(rendered.warnings).toContainEqual(
      expect.stringContaining('le moteur de rendu SVG s’est arrêté sur cette image'),
    );
    expect(text).toContain('Avant.');
  });
});

describe('an image whose file was altered after its import', () => {
  it('is a « Image manquante » frame with the reason, in the Word file and the PDF', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200"><rect width="400" height="200"/></svg>',
    );
    const asset = await putAsset(svg, 'svg');
    // Same name, other content: what a bad sync or a hand edit leaves.
    await writeFile(join(sample.repo, 'assets', asset), svg.toString().replace('400', '500'));
    await showFigure(asset);
    const docx = await sample.session.handlers['export:render']({ sheetId: 'big-data', format: 'docx' });
    const text = plainText(readDocx(Buffer.from(docx.base64, 'base64')).text('word/document.xml'));
    expect(text).toContain(`Image manquante\u00a0: assets/${asset} (fichier endommagé)`);
    expect(docx.warnings).toContainEqual(expect.stringContaining('ne correspond plus à l’image importée'));

    const pdf = await sample.session.handlers['export:render']({ sheetId: 'big-data', format: 'pdf' });
    expect(pdf.warnings).toContainEqual(expect.stringContaining('ne correspond plus à l’image importée'));
    const file = join(sample.dir, 'fiche.pdf');
    await writeFile(file, Buffer.from(pdf.base64, 'base64'));
    expect(searchable(await pdfText(file))).toContain('Image manquante (fichier endommagé)');
  });
});

describe('an export past its deadline', () => {
  it.each(['docx', 'pdf'] as const)(
    'fails in French as a %s, and writes nothing',
    async (format) => {
      await showFigure(await putAsset(heavySvg(), 'svg'));
      const context = new RepositoryContext(new RepositoryLayout(sample.repo));
      const out = join(sample.dir, 'sortie');
      await mkdir(out);
      const summary = await exportSheets((request) => renderSheet(context, request, 1500), {
        sheetIds: ['big-data'],
        format,
        out,
      });
      const [result] = summary.results;
      expect(result?.ok).toBe(false);
      expect(result?.error).toMatch(
        /^L’export a été abandonné après 2\u00a0s, pendant l’étape «\u00a0[^»]+\u00a0»\u00a0; rien n’a été écrit\./,
      );
      expect(await readdir(out)).toEqual([]);
      await expect(renderSheet(context, { sheetId: 'big-data', format }, 1500)).rejects.toMatchObject({
        code: 'internal',
        details: { reason: 'deadline' },
      });
    },
    60_000,
  );
});
