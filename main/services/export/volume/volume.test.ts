import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../shared/result.js';
import { RepositoryContext } from '../../repository/context.js';
import { RepositoryLayout } from '../../repository/layout.js';
import { readDocx } from '../testing/docx-parts.js';
import type { SampleRepository } from '../testing/sample.js';
import { volumeSample } from '../testing/volume.js';
import { makeVolume } from './make.js';

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
