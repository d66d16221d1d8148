import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSample, type SampleRepository } from '../services/export/testing/sample.js';
import { REVIEW_PROPERTY } from '../services/export/docx/review-properties.js';
import { openRepository } from '../services/index.js';
import { WordEdit } from '../services/review/testing/word-edit.js';
import { runCliCaptured as cli } from './testing/capture.js';

/** `fiches review` in-process: one line per comment and change, a summary, what it writes. */
let sample: SampleRepository;
let reviewed: string;
let exported: Buffer;

beforeEach(async () => {
  sample = await openSample();
  const rendered = await sample.session.handlers['export:render']({ sheetId: 'big-data', format: 'docx' });
  await sample.session.close();
  exported = Buffer.from(rendered.base64, 'base64');
  reviewed = join(sample.dir, 'relecture.docx');
  await writeFile(
    reviewed,
    new WordEdit(exported)
      .comment('une histoire récente', {
        author: 'Claire Dubois',
        date: '2025-04-02T10:00:00Z',
        text: 'Depuis quand ?',
      })
      .insertAfter('menée avec ATOS', ' et Sopra Steria', 'Claire Dubois', '2025-04-02T10:05:00Z')
      .save(),
  );
});
afterEach(async () => {
  await sample.dispose();
});

async function threads() {
  const session = await openRepository(sample.repo, { create: 'never' });
  try {
    return (await session.handlers['sheets:get']({ id: 'big-data' })).sheet.review.threads;
  } finally {
    await session.close();
  }
}

/** `fiches review --repo <the sample> --sheet big-data FILE …rest`. */
const reviewBigData = (file: string, ...rest: string[]) =>
  cli('review', '--repo', sample.repo, '--sheet', 'big-data', file, ...rest);

describe('fiches review', () => {
  it('lists the comments and the changes, one line each, then a summary; writes nothing', async () => {
    const sheetFile = join(sample.repo, 'sheets', 'big-data.json');
    const before = await readFile(sheetFile, 'utf8');
    const run = await reviewBigData(reviewed);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'commentaire [Évolution passée] «\u00a0une histoire récente\u00a0» — Claire Dubois\u00a0: Depuis quand ?',
    );
    expect(lines[1]).toBe('ajout suivi [Évolution passée] «\u00a0et Sopra Steria\u00a0» — Claire Dubois');
    expect(lines.at(-1)).toMatch(
      /^1\u00a0commentaire, 1\u00a0modification \(1 suivie, 0 non suivie\), relecture de la version n°\u00a0\d+ de la fiche et de la version n°\u00a0\d+ des micro-scénarios partagés\u00a0; rien n’a été appliqué\.$/,
    );
    expect(await readFile(sheetFile, 'utf8')).toBe(before);
  });

  it('lists a review while the app holds the repository, and refuses to attach, naming the holder', async () => {
    const holder = await openRepository(sample.repo, { create: 'never', instance: 'desktop' });
    try {
      const sheetFile = join(sample.repo, 'sheets', 'big-data.json');
      const before = await readFile(sheetFile, 'utf8');
      const list = await reviewBigData(reviewed);
      expect(list).toMatchObject({ code: 0, stderr: '' });
      expect(list.stdout).toMatch(/rien n’a été appliqué\.\n$/);

      const attach = await reviewBigData(reviewed, '--apply-comments');
      expect(attach.code).toBe(1);
      expect(attach.stderr).toMatch(
        /^fiches\u00a0: Ce dépôt est déjà ouvert par .* dans une fenêtre de Fiches/,
      );
      expect(await readFile(sheetFile, 'utf8')).toBe(before);
      await holder.handlers['sheets:update']({ id: 'big-data', patch: { status: 'validated' } });
    } finally {
      await holder.close();
    }
  });

  it('attaches the comments with --apply-comments, and leaves the changes to the interface', async () => {
    const run = await reviewBigData(reviewed, '--apply-comments');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/commentaires attachés \(à la fiche, version n°\u00a0\d+\)/);
    expect(Object.values(await threads()).map((thread) => [thread.quote, thread.author])).toEqual([
      ['une histoire récente', 'Claire Dubois'],
    ]);
  });

  it('says which comments are already the sheet’s threads, and the answers they get', async () => {
    await reviewBigData(reviewed, '--apply-comments');
    const out = join(sample.dir, 'copies');
    await mkdir(out);
    const exportRun = await cli(
      'export',
      '--format',
      'docx',
      '--repo',
      sample.repo,
      '--sheet',
      'big-data',
      '--comments',
      '--out',
      out,
    );
    expect(exportRun.stderr).toBe('');
    expect(exportRun.code).toBe(0);
    const [copy] = (await readdir(out)).filter((name) => name.endsWith('.docx'));
    const answered = join(sample.dir, 'reponse.docx');
    await writeFile(
      answered,
      new WordEdit(await readFile(join(out, copy ?? '')))
        .reply('Depuis quand', { author: 'Marc Leroy', date: '2025-04-03T08:30:00Z', text: 'Fin 1990.' })
        .save(),
    );
    const run = await reviewBigData(answered);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(
      'commentaire [Évolution passée] «\u00a0une histoire récente\u00a0» — Claire Dubois\u00a0: Depuis quand ? (1\u00a0réponse, déjà dans la fiche, 1\u00a0nouvelle réponse)',
    );
  });

  it('refuses another sheet’s copy with one stderr line and exit 1', async () => {
    const other = join(sample.dir, 'autre.docx');
    await writeFile(other, new WordEdit(exported).customProperty(REVIEW_PROPERTY.sheet, 'cobotique').save());
    const run = await reviewBigData(other, '--apply-comments');
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(
      /autre\.docx\u00a0: «\u00a0autre\.docx\u00a0» est une copie de la fiche «\u00a0cobotique\u00a0»/,
    );
    expect(await threads()).toEqual({});
  });

  it('asks for the sheet and for one file', async () => {
    expect((await cli('review', '--repo', sample.repo, reviewed)).code).not.toBe(0);
    expect((await cli('review', '--repo', sample.repo, '--sheet', 'big-data')).code).not.toBe(0);
  });
});
