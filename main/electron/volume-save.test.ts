import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportFormat } from '../../shared/api/export-contract.js';
import { AppFailure } from '../../shared/result.js';
import type { SampleRepository } from '../services/export/testing/sample.js';
import { volumeSample } from '../services/export/testing/volume.js';
import { tempDir } from '../services/testing/fixtures.js';
import { closeWorkers } from '../services/worker/run-job.js';
import { dialog } from './testing/fake-electron.js';
import { saveVolume } from './volume-save.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

/**
 * « Publier le recueil… » in the desktop app: once the volume is made, a native dialog asks
 * where (a file for one format, a folder for both), and the files are written there whole.
 */

let sample: SampleRepository;
let out: string;

beforeAll(async () => {
  sample = await volumeSample([{ id: 'monnaie' }]);
}, 60_000);
afterAll(async () => {
  await closeWorkers();
  await sample.dispose();
});
beforeEach(async () => {
  out = await tempDir('fiches-volume-save-');
  dialog.showSaveDialog.mockClear();
  dialog.showOpenDialog.mockClear();
});

/** A volume job of the repository, done. */
async function madeVolume(formats: ExportFormat[]): Promise<string> {
  const { handlers } = sample.session;
  const { jobId } = await handlers['volume:start']({
    selection: { kind: 'all' },
    formats,
    title: 'Recueil des fiches',
    date: '2026-12-01',
  });
  for (;;) {
    const progress = await handlers['volume:progress']({ jobId });
    if (progress.state === 'done') return jobId;
    if (progress.state !== 'running') throw new Error(progress.error ?? progress.state);
    await sleep(100);
  }
}

const magic = async (path: string) => (await readFile(path)).subarray(0, 4).toString('latin1');

describe('saving the volume in the desktop app', () => {
  it('asks where to save a Word volume, then writes it whole there', async () => {
    const jobId = await madeVolume(['docx']);
    const chosen = join(out, 'mon-recueil.docx');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen });
    const answer = await saveVolume(undefined, sample.session.handlers, { jobId });
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'Enregistrer le recueil Word',
        defaultPath: 'recueil-des-fiches.docx',
        filters: [{ name: 'Document Word', extensions: ['docx'] }],
      }),
    );
    expect(answer.saved).toEqual([chosen]);
    expect(answer.summary.included.map((sheet) => sheet.sheetId)).toEqual(['monnaie', 'big-data']);
    expect(await magic(chosen)).toBe('PK\u0003\u0004');
    expect(await readdir(out)).toEqual(['mon-recueil.docx']);
  }, 120_000);

  it('writes nothing when the dialog is closed, and still gives the summary', async () => {
    const jobId = await madeVolume(['docx']);
    const answer = await saveVolume(undefined, sample.session.handlers, { jobId });
    expect(answer.saved).toBeNull();
    expect(answer.summary.included).toHaveLength(2);
    expect(await readdir(out)).toEqual([]);
  }, 120_000);

  it('asks for a folder for both formats, and writes the two files in it', async () => {
    const jobId = await madeVolume(['docx', 'pdf']);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [out] });
    const answer = await saveVolume(undefined, sample.session.handlers, { jobId });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        buttonLabel: 'Enregistrer ici',
        properties: ['openDirectory', 'createDirectory'],
      }),
    );
    expect(answer.saved).toEqual([join(out, 'recueil-des-fiches.docx'), join(out, 'recueil-des-fiches.pdf')]);
    expect(await magic(join(out, 'recueil-des-fiches.pdf'))).toBe('%PDF');
  }, 180_000);

  it('reports a place it cannot write in French, leaving no half-written file', async () => {
    const jobId = await madeVolume(['docx', 'pdf']);
    // A folder stands where the PDF should go: renaming the written file over it fails.
    await mkdir(join(out, 'recueil-des-fiches.pdf', 'dedans'), { recursive: true });
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [out] });
    const failure = await saveVolume(undefined, sample.session.handlers, { jobId }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).message).toMatch(/^Impossible d’écrire «\u00a0.*recueil-des-fiches\.pdf/);
    // The Word file, written before, is whole; of the PDF nothing is left, no temp file either.
    expect((await readdir(out)).sort()).toEqual(['recueil-des-fiches.docx', 'recueil-des-fiches.pdf']);
    expect(await magic(join(out, 'recueil-des-fiches.docx'))).toBe('PK\u0003\u0004');
    expect(await readdir(join(out, 'recueil-des-fiches.pdf'))).toEqual(['dedans']);

    const missing = await madeVolume(['docx']);
    dialog.showSaveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: join(out, 'nulle-part', 'recueil.docx'),
    });
    await expect(saveVolume(undefined, sample.session.handlers, { jobId: missing })).rejects.toThrow(
      /n’existe pas/,
    );
  }, 180_000);
});
