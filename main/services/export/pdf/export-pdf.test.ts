import { execFile } from 'node:child_process';
import { chmod, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { docOfParagraphs } from '../../../../shared/content/doc.js';
import { runCliCaptured as cli } from '../../../cli/testing/capture.js';
import { fichesCommandIn, folderForNobody, NOBODY, whyNobodyCannotRun } from '../../testing/another-user.js';
import { runScript } from '../../testing/child-script.js';
import { pdfInfo, pdfText, searchable } from '../../testing/poppler.js';
import { formatDate } from '../running-values.js';
import { openSample, type SampleRepository } from '../testing/sample.js';

/** `fiches export --format pdf`, as a script or a user runs it. */
let sample: SampleRepository;
let out: string;

beforeEach(async () => {
  sample = await openSample();
  out = join(sample.dir, 'sortie');
  await mkdir(out);
});
afterEach(async () => {
  await sample.dispose();
  vi.restoreAllMocks();
});

describe('fiches export --format pdf', () => {
  it('writes the PDF of a sheet, then of a past revision of it', async () => {
    const { handlers } = sample.session;
    const version = await handlers['history:recordVersion']({ sheetId: 'big-data', name: 'Relue' });
    await handlers['sheets:update']({
      id: 'big-data',
      patch: { sections: { passe: docOfParagraphs(['Un texte écrit après la version relue.']) } },
    });
    await sample.session.close();

    const current = join(out, 'big-data.pdf');
    const run = await cli(
      'export',
      '--format',
      'pdf',
      '--repo',
      sample.repo,
      '--sheet',
      'big-data',
      '--out',
      current,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([
      current,
      '1\u00a0fiche exportée en PDF, 0\u00a0échec, 0\u00a0avertissement.',
    ]);
    expect((await pdfInfo(current)).Title).toBe('Big Data');
    expect(searchable(await pdfText(current))).toContain('Un texte écrit après la version relue.');

    const past = await cli(
      'export',
      '--format',
      'pdf',
      '--repo',
      sample.repo,
      '--sheet',
      'big-data',
      '--revision',
      String(version.seq),
      '--out',
      out,
    );
    expect(past.code).toBe(0);
    const file = join(out, `big-data-version-${version.id}.pdf`);
    const text = searchable(await pdfText(file));
    expect(text).not.toContain('Un texte écrit après la version relue.');
    expect(text).toContain('Le Big Data a une histoire récente');
    expect(text).toContain(`Version du ${formatDate(version.at, 'long')}`);
  });

  it('says what to install when Chromium is missing, and writes nothing', async () => {
    await sample.session.close();
    vi.stubEnv('FICHES_CHROMIUM', '/nonexistent/chromium');
    try {
      const run = await cli(
        'export',
        '--format',
        'pdf',
        '--repo',
        sample.repo,
        '--sheet',
        'big-data',
        '--out',
        out,
      );
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain('apt-get install chromium');
      expect(run.stderr).toContain('FICHES_CHROMIUM');
      expect(await readdir(out)).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('refuses an output folder its user cannot write, at once and in one line', async (context) => {
    // Root writes anywhere: the export runs as nobody, who owns the repository but not the folder.
    const cannot = await whyNobodyCannotRun();
    if (cannot) context.skip(cannot);
    await sample.session.close();
    const work = await folderForNobody('fiches-pdf-nobody-');
    try {
      const command = await fichesCommandIn(join(work, 'fiches'));
      for (const dir of [sample.dir, out]) await chmod(dir, 0o755);
      await promisify(execFile)('chown', ['-R', '65534:65534', sample.repo]);
      const run = await runScript(
        command,
        [
          'export',
          '--format',
          'pdf',
          '--repo',
          sample.repo,
          '--sheet',
          'big-data',
          '--out',
          join(out, 'fiche.pdf'),
        ],
        { ...NOBODY, cwd: work },
      );
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(`Le dossier de destination «\u00a0${out}\u00a0» est en lecture seule`);
      expect(await readdir(out)).toEqual([]);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
