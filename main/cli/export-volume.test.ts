import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../services/export/testing/docx-parts.js';
import type { SampleRepository } from '../services/export/testing/sample.js';
import { volumeSample } from '../services/export/testing/volume.js';
import { runCliCaptured as cli } from './testing/capture.js';

/** `fiches export --volume`: one file, the progress, the summary; bad input refused in one line. */
let sample: SampleRepository;

beforeAll(async () => {
  sample = await volumeSample([
    { id: 'monnaie', status: 'validated' },
    { id: 'cobotique', status: 'published' },
  ]);
  await writeFile(join(sample.repo, 'sheets', 'export.json'), '{ "schemaVersion": 1, "id": "export"');
  await sample.session.close();
}, 60_000);
afterAll(() => sample.dispose());

describe('fiches export --volume', () => {
  it('makes one Word volume of the chosen statuses, with progress and summary', async () => {
    const file = join(sample.dir, 'recueil.docx');
    const run = await cli(
      'export',
      '--format',
      'docx',
      '--volume',
      '--repo',
      sample.repo,
      '--status',
      'Validée',
      '--status',
      'published',
      '--title',
      'Recueil 2040',
      '--out',
      file,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    // Progress is polled: at least the documents' step is seen, numbered against the 2 sheets.
    expect(lines[0]).toMatch(/^\d \/ 2 : /);
    expect(lines.at(-1)).toBe(
      `${file}\u00a0: recueil Word de 2\u00a0fiches, 0\u00a0fiche écartée, ${lines.filter((line) => line.startsWith('à vérifier')).length}\u00a0avertissements.`,
    );
    const document = readDocx(await readFile(file)).text('word/document.xml');
    expect(document).toContain('Recueil 2040');
    // Big Data is « En relecture »: not chosen.
    expect(document).toContain('b_fiche_monnaie');
    expect(document).not.toContain('b_fiche_big_data');
  }, 180_000);

  it('names a damaged sheet among the skipped and still makes the volume', async () => {
    const file = join(sample.dir, 'famille.docx');
    const run = await cli(
      'export',
      '--format',
      'docx',
      '--volume',
      '--repo',
      sample.repo,
      '--family',
      'contexte-economique-global',
      '--out',
      file,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/écartée\u00a0: Export \(export\) — fiche endommagée/);
    expect(run.stdout).toMatch(/recueil Word de 1\u00a0fiche, 1\u00a0fiche écartée/);
  }, 180_000);

  it('refuses an empty choice and an unknown status in one line, writing nothing', async () => {
    const before = await readdir(sample.dir);
    const empty = await cli(
      'export',
      '--format',
      'docx',
      '--volume',
      '--repo',
      sample.repo,
      '--family',
      'evolutions-societales',
      '--out',
      join(sample.dir, 'vide.docx'),
    );
    expect(empty.code).not.toBe(0);
    expect(empty.stderr.trim().split('\n')).toHaveLength(1);
    expect(empty.stderr).toContain('Aucune fiche ne correspond');
    const status = await cli(
      'export',
      '--format',
      'pdf',
      '--volume',
      '--repo',
      sample.repo,
      '--status',
      'finie',
      '--out',
      join(sample.dir, 'x.pdf'),
    );
    expect(status.code).toBe(2);
    expect(status.stderr).toMatch(/statut inconnu «.finie.»/);
    expect(await readdir(sample.dir)).toEqual(before);
  }, 60_000);
});
