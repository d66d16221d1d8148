import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openSample, type SampleRepository } from '../services/export/testing/sample.js';
import { openRepository } from '../services/index.js';
import { doc, paragraph } from '../../shared/content/builders.js';
import { commentedText, commentThread, richParagraph } from '../../shared/review/builders.js';
import { plainText, readDocx } from '../services/export/testing/docx-parts.js';
import { runCliCaptured as cli } from './testing/capture.js';

/** `fiches export` in-process: its exit code and the lines it prints, as scripts read them. */
let sample: SampleRepository;
let out: string;

beforeEach(async () => {
  sample = await openSample();
  await sample.session.handlers['sheets:create']({ variableId: 'cobotique' });
  // Closed here; a test opens it again where another instance must hold it.
  await sample.session.close();
  out = join(sample.dir, 'sortie');
  await mkdir(out);
});
afterEach(async () => {
  await sample.dispose();
  vi.restoreAllMocks();
});

/** `fiches export --format FORMAT --repo <the sample> …rest`. */
const exportTo = (format: string, ...rest: string[]) =>
  cli('export', '--format', format, '--repo', sample.repo, ...rest);

describe('fiches export', () => {
  it('exports while another instance holds the repository, and leaves it to that instance', async () => {
    const holder = await openRepository(sample.repo, { create: 'never', instance: 'desktop' });
    try {
      const lock = await readFile(join(sample.repo, '.fiches.lock'), 'utf8');
      const run = await exportTo('docx', '--sheet', 'big-data', '--out', out);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(await readdir(out)).toEqual(['big-data.docx']);
      expect((await cli('--help')).code).toBe(0);
      expect(await readFile(join(sample.repo, '.fiches.lock'), 'utf8')).toBe(lock);
      // The holder writes on.
      await holder.handlers['sheets:update']({ id: 'big-data', patch: { status: 'validated' } });
    } finally {
      await holder.close();
    }
  });

  it('exports every sheet, one line a file and a summary', async () => {
    const run = await exportTo('docx', '--all', '--out', out);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(join(out, 'big-data.docx'));
    expect(lines[1]).toMatch(
      new RegExp(`^${join(out, 'cobotique.docx')} — à vérifier\u00a0: Section «\u00a0Trajectoire`),
    );
    // The new Cobotique sheet shows its family's micro-scenarios: only its 5 empty sections are reported.
    expect(lines[2]).toBe('2\u00a0fiches exportées en Word, 0\u00a0échec, 5\u00a0avertissements.');
    expect((await readdir(out)).sort()).toEqual(['big-data.docx', 'cobotique.docx']);
  });

  it('exits 1 with one stderr line a failed sheet', async () => {
    const run = await exportTo('docx', '--sheet', 'monnaie', '--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'fiches\u00a0: monnaie\u00a0: La fiche «\u00a0monnaie\u00a0» n’existe pas (encore)\u00a0: créez-la depuis la liste des variables.\n',
    );
    expect(run.stdout).toBe('0\u00a0fiche exportée en Word, 1\u00a0échec, 0\u00a0avertissement.\n');
  });

  it('names a revision by its number as listed, or by its id (the same on every copy of a shared repository)', async () => {
    const session = await openRepository(sample.repo, { create: 'never' });
    await session.handlers['history:recordVersion']({ sheetId: 'big-data', name: 'Envoi' });
    const [oldest] = (await session.handlers['history:list']({ sheetId: 'big-data' })).revisions.slice(-1);
    await session.close();
    for (const revision of [String(oldest?.seq), oldest?.id ?? '']) {
      const run = await exportTo('docx', '--sheet', 'big-data', '--revision', revision, '--out', out);
      expect(run).toMatchObject({ code: 0, stderr: '' });
    }
    expect(await readdir(out)).toEqual([`big-data-version-${oldest?.id}.docx`]);
    const invalid = await exportTo('docx', '--sheet', 'big-data', '--revision', 'x-1', '--out', out);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('version invalide pour --revision «\u00a0x-1\u00a0»');
  });

  it('reports a missing output folder, an unknown revision and usage mistakes', async () => {
    const missing = await exportTo('docx', '--all', '--out', join(out, 'absent'));
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('n’existe pas');

    const revision = await exportTo('docx', '--sheet', 'big-data', '--revision', '42', '--out', out);
    expect(revision.code).toBe(1);
    expect(revision.stderr).toContain(
      'La version n°\u00a042 de la fiche «\u00a0big-data\u00a0» n’existe pas',
    );

    const usage = await exportTo('odt', '--all', '--out', out);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('format inconnu «\u00a0odt\u00a0»');
    expect((await exportTo('docx', '--out', out)).code).toBe(2);
    expect((await exportTo('docx', '--all', '--revision', '2', '--out', out)).code).toBe(2);
  });

  it('exports for review with --comments and --changes-since, and refuses what cannot be', async () => {
    const session = await openRepository(sample.repo, { create: 'never' });
    let first: number;
    try {
      const h = session.handlers;
      await h['sheets:update']({
        id: 'cobotique',
        patch: { sections: { trajectoire: doc(paragraph('Les robots assistent.')) } },
      });
      first = (await h['history:recordVersion']({ sheetId: 'cobotique', name: 'Envoi' })).seq;
      await h['sheets:update']({
        id: 'cobotique',
        patch: {
          sections: {
            trajectoire: doc(richParagraph('Les ', commentedText('cobots', 'c-1'), ' assistent.')),
          },
          threads: {
            'c-1': commentThread({
              id: 'c-1',
              part: 'section/trajectoire',
              quote: 'cobots',
              text: 'Lesquels ?',
            }),
          },
        },
      });
    } finally {
      await session.close();
    }
    const file = join(out, 'relecture.docx');
    const args = ['export', '--format', 'docx', '--repo', sample.repo, '--sheet', 'cobotique'];
    const done = await cli(...args, '--comments', '--changes-since', String(first), '--out', file);
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    const docx = readDocx(await readFile(file));
    expect(plainText(docx.text('word/comments.xml'))).toContain('Lesquels ?');
    expect(docx.text('word/document.xml')).toMatch(/<w:del\b[^>]*>[\s\S]*?robots[\s\S]*?<\/w:del>/);

    const unknown = await cli(...args, '--changes-since', '42', '--out', out);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toContain(
      'La version n°\u00a042 de la fiche «\u00a0cobotique\u00a0» n’existe pas',
    );

    const pdf = await exportTo('pdf', '--sheet', 'cobotique', '--comments', '--out', out);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr.trim().split('\n')[0]).toContain(
      '--comments et --changes-since ne s’emploient qu’avec --format docx',
    );
    expect((await cli(...args, '--changes-since', 'hier', '--out', out)).stderr).toContain(
      'version invalide pour --changes-since «\u00a0hier\u00a0»',
    );
    expect((await cli(...args, '--comments', '--revision', '1', '--out', out)).code).toBe(2);
    expect((await exportTo('docx', '--all', '--changes-since', '1', '--out', out)).code).toBe(2);
    expect((await exportTo('docx', '--volume', '--comments', '--out', out)).code).toBe(2);
    // Nothing half-written by the refused runs.
    expect((await readdir(out)).sort()).toEqual(['relecture.docx']);
  });
});
