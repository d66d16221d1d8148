import { chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleScript, runScript } from '../testing/child-script.js';
import { exportSheets, renderThrough } from './export-sheets.js';
import { openSample, type SampleRepository } from './testing/sample.js';

let sample: SampleRepository;
beforeEach(async () => {
  sample = await openSample();
  await sample.session.handlers['sheets:create']({ variableId: 'cobotique' });
});
afterEach(async () => {
  await sample.dispose();
});

const renderer = () => renderThrough(sample.session.handlers);
const ZIP_MAGIC = 'PK\u0003\u0004';

describe('exportSheets', () => {
  it('writes one file into a file path, and one file a sheet into a folder', async () => {
    const single = join(sample.dir, 'fiche.docx');
    const one = await exportSheets(renderer(), { sheetIds: ['big-data'], format: 'docx', out: single });
    expect(one.results).toEqual([expect.objectContaining({ sheetId: 'big-data', ok: true, file: single })]);
    expect((await readFile(single)).subarray(0, 4).toString('latin1')).toBe(ZIP_MAGIC);

    const folder = join(sample.dir, 'sortie');
    await mkdir(folder);
    const progress: number[] = [];
    const many = await exportSheets(renderer(), {
      sheetIds: ['big-data', 'cobotique'],
      format: 'docx',
      out: folder,
      onProgress: (done) => progress.push(done),
    });
    expect(many.results.map((result) => result.ok)).toEqual([true, true]);
    expect(progress).toEqual([1, 2]);
    expect((await readdir(folder)).sort()).toEqual(['big-data.docx', 'cobotique.docx']);
    expect(many.results[1]?.warnings).toContain('Section «\u00a0Trajectoire de la variable\u00a0» vide.');
  });

  it('refuses a missing output folder, and several sheets into one file', async () => {
    const missing = join(sample.dir, 'absent');
    await expect(
      exportSheets(renderer(), { sheetIds: ['big-data'], format: 'docx', out: join(missing, 'fiche.docx') }),
    ).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining(`«\u00a0${missing}\u00a0» n’existe pas`),
    });
    await expect(
      exportSheets(renderer(), { sheetIds: ['big-data', 'cobotique'], format: 'docx', out: missing }),
    ).rejects.toMatchObject({ code: 'not-found' });
    const file = join(sample.dir, 'un-fichier.docx');
    await writeFile(file, 'x');
    await expect(
      exportSheets(renderer(), { sheetIds: ['big-data', 'cobotique'], format: 'docx', out: file }),
    ).rejects.toMatchObject({ message: expect.stringContaining('n’est pas un dossier') });
    await expect(
      exportSheets(renderer(), {
        sheetIds: ['big-data', 'cobotique'],
        format: 'docx',
        revision: 1,
        out: sample.dir,
      }),
    ).rejects.toMatchObject({ code: 'invalid-request' });
  });

  it('never leaves a half-written file: a failure keeps the old file and no temp file', async () => {
    const folder = join(sample.dir, 'sortie');
    await mkdir(folder);
    await writeFile(join(folder, 'big-data.docx'), 'ancienne version');
    // The target of cobotique is taken by a folder: the rename onto it fails after the temp file was written.
    await mkdir(join(folder, 'cobotique.docx'));
    await writeFile(join(sample.repo, 'sheets', 'big-data.json'), '{ cassé');
    const summary = await exportSheets(renderer(), {
      sheetIds: ['big-data', 'cobotique', 'monnaie'],
      format: 'docx',
      out: folder,
    });
    expect(summary.results.map((result) => result.ok)).toEqual([false, false, false]);
    expect(summary.results[0]?.error).toContain('big-data');
    expect(summary.results[1]?.error).toMatch(/^Impossible d’écrire/);
    expect(summary.results[2]?.error).toContain('n’existe pas');
    expect(await readFile(join(folder, 'big-data.docx'), 'utf8')).toBe('ancienne version');
    expect((await readdir(folder)).sort()).toEqual(['big-data.docx', 'cobotique.docx']);
  });
});

describe('exportSheets into a folder the user cannot write', () => {
  const NOBODY = 65534;
  let work: string;

  beforeEach(async () => {
    work = join(sample.dir, 'autre-utilisateur');
    await mkdir(join(work, 'lecture-seule'), { recursive: true });
    // Readable and traversable by another user, writable by its owner only.
    for (const path of [sample.dir, work, join(work, 'lecture-seule')]) await chmod(path, 0o755);
  });
  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  // Root writes anywhere: the refusal is seen through another user, which only root can become.
  it.skipIf(process.getuid?.() !== 0)('answers a clear French error and writes nothing', async () => {
    const module = fileURLToPath(new URL('./export-sheets.ts', import.meta.url));
    const script = await bundleScript(
      `import { exportSheets } from ${JSON.stringify(module)};
const render = async ({ sheetId }) => ({ fileName: sheetId + '.docx', mediaType: 'x', bytes: Buffer.from('PK'), warnings: [] });
try {
  await exportSheets(render, { sheetIds: ['big-data', 'cobotique'], format: 'docx', out: process.argv[2] });
  process.stdout.write('écrit');
} catch (error) {
  process.stdout.write(JSON.stringify({ code: error.code, message: error.message }));
}`,
      work,
    );
    await chmod(script, 0o644);
    const target = join(work, 'lecture-seule');
    const outcome = await runScript(script, [target], { uid: NOBODY, gid: NOBODY });
    expect(outcome.stderr).toBe('');
    expect(JSON.parse(outcome.stdout)).toEqual({
      code: 'read-only',
      message: `Le dossier de destination «\u00a0${target}\u00a0» est en lecture seule\u00a0: choisissez un dossier où vous avez le droit d’écrire.`,
    });
    expect(await readdir(target)).toEqual([]);
  });
});
