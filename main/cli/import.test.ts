import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSample, type SampleRepository } from '../services/export/testing/sample.js';
import { h1, para, title, wordFile } from '../services/import/testing/word.js';
import { openRepository } from '../services/index.js';
import { snapshot } from '../services/testing/fixtures.js';
import { runCliCaptured as cli } from './testing/capture.js';

/** `fiches import` in-process: what it prints per file, its exit code, what it writes. */
let sample: SampleRepository;
let files: string;
let bigData: string;

beforeEach(async () => {
  sample = await openSample();
  const rendered = await sample.session.handlers['export:render']({ sheetId: 'big-data', format: 'docx' });
  // The CLI takes the repository's lock itself.
  await sample.session.close();
  files = join(sample.dir, 'word');
  await mkdir(files);
  bigData = join(files, 'big-data.docx');
  await writeFile(bigData, Buffer.from(rendered.base64, 'base64'));
  await writeFile(
    join(files, 'monnaie.docx'),
    await wordFile([
      title('Monnaie'),
      h1('Trajectoire de la variable'),
      para('L’euro.'),
      h1('Annexe'),
      para('Un reste.'),
    ]),
  );
});
afterEach(async () => {
  await sample.dispose();
});

async function sheetOf(id: string) {
  const session = await openRepository(sample.repo, { create: 'never' });
  try {
    return (await session.handlers['sheets:get']({ id })).sheet;
  } finally {
    await session.close();
  }
}

describe('fiches import', () => {
  it('says per file the sheet it made and where each part went, then what to check', async () => {
    const monnaie = join(files, 'monnaie.docx');
    const run = await cli('import', '--repo', sample.repo, monnaie, '--unplaced', 'futurs');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      `${monnaie} → nouvelle fiche «\u00a0Monnaie\u00a0» (monnaie), version n°\u00a01`,
      '  Titre «\u00a0Trajectoire de la variable\u00a0» → Trajectoire de la variable',
      '  Titre «\u00a0Annexe\u00a0» → Inflexions et ruptures (contenu non placé)',
      '1 fichier importé, 0 échec.',
      '',
    ]);
    const sheet = await sheetOf('monnaie');
    expect(JSON.stringify(sheet.sections['futurs'])).toContain('Un reste.');
  });

  it('makes a new version of an existing sheet with --update, and writes nothing with --dry-run', async () => {
    const before = await snapshot(sample.repo);
    const dry = await cli('import', '--repo', sample.repo, bigData, '--update', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout.split('\n')[0]).toBe(
      `${bigData} → nouvelle version de la fiche «\u00a0Big Data\u00a0» (big-data) — essai\u00a0: rien n’a été écrit`,
    );
    expect(dry.stdout).toContain('  micro-scénarios\u00a0: ceux de la famille\n');
    expect(dry.stdout.trim().split('\n').at(-1)).toBe('1 fichier analysé, 0 échec.');
    expect(await snapshot(sample.repo)).toEqual(before);

    const run = await cli('import', '--repo', sample.repo, bigData, '--update');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/\(big-data\), version n°\u00a0\d+$/);
  });

  it('tries an import while the app holds the repository, and refuses the import itself, naming the holder', async () => {
    const holder = await openRepository(sample.repo, { create: 'never', instance: 'desktop' });
    try {
      const before = await snapshot(sample.repo);
      const dry = await cli('import', '--repo', sample.repo, bigData, '--update', '--dry-run');
      expect(dry).toMatchObject({ code: 0, stderr: '' });
      expect(dry.stdout.trim().split('\n').at(-1)).toBe('1 fichier analysé, 0 échec.');
      expect(await snapshot(sample.repo)).toEqual(before);

      const run = await cli('import', '--repo', sample.repo, bigData, '--update');
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^fiches\u00a0: Ce dépôt est déjà ouvert par .* dans une fenêtre de Fiches/);
      expect(await snapshot(sample.repo)).toEqual(before);
      // The holder writes on.
      await holder.handlers['sheets:update']({ id: 'big-data', patch: { status: 'validated' } });
    } finally {
      await holder.close();
    }
  });

  it('imports the .docx files of a folder; one stderr line and exit 1 for each file that failed', async () => {
    await writeFile(join(files, 'notes.docx'), 'pas un document Word');
    await writeFile(join(files, '~$monnaie.docx'), 'fichier de verrou de Word');
    const run = await cli('import', '--repo', sample.repo, files, join(files, 'absent.docx'));
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')).toEqual([
      expect.stringMatching(
        /^fiches\u00a0: .*big-data\.docx\u00a0: La fiche «\u00a0Big Data\u00a0» existe déjà/,
      ),
      expect.stringMatching(
        /^fiches\u00a0: .*notes\.docx\u00a0: Le fichier «\u00a0notes\.docx\u00a0» n’est pas un document Word/,
      ),
      `fiches\u00a0: ${join(files, 'absent.docx')}\u00a0: fichier introuvable`,
      '',
    ]);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('1 fichier importé, 3 échecs.');
    expect((await sheetOf('monnaie')).id).toBe('monnaie');
  });

  it('asks for --variable when the title names no variable', async () => {
    const other = join(files, 'notes-diverses.docx');
    await writeFile(other, await wordFile([title('Notes diverses'), para('Du texte.')]));
    const unknown = await cli('import', '--repo', sample.repo, other);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('indiquez-la avec --variable ID');
    const chosen = await cli('import', '--repo', sample.repo, other, '--variable', 'export');
    expect(chosen.code).toBe(0);
    expect(chosen.stdout).toContain('nouvelle fiche «\u00a0Export\u00a0» (export)');
  });

  it('refuses usage mistakes with exit code 2', async () => {
    expect((await cli('import', '--repo', sample.repo)).code).toBe(2);
    const two = await cli(
      'import',
      '--repo',
      sample.repo,
      bigData,
      join(files, 'monnaie.docx'),
      '--variable',
      'monnaie',
    );
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('--variable ne s’emploie qu’avec un seul fichier');
    expect((await cli('import', '--repo', sample.repo, bigData, '--variable', 'Big Data')).code).toBe(2);
  });
});
