import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { docOfParagraphs } from '../../../../shared/content/doc.js';
import { runCliCaptured as cli } from '../../../cli/testing/capture.js';
import { findAppRoot } from '../../app-root.js';
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
      '1 fiche exportée en PDF, 0 échec, 0 avertissement.',
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
    const file = join(out, `big-data-version-${version.seq}.pdf`);
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

  it('refuses an output folder its user cannot write, at once and in one line', async () => {
    await sample.session.close();
    // Root writes anywhere: the export runs as nobody, who owns the repository but not the folder.
    const appRoot = findAppRoot();
    const cache = join(appRoot, 'node_modules', '.cache');
    await mkdir(cache, { recursive: true });
    const scriptDir = await mkdtemp(join(cache, 'fiches-pdf-test-'));
    try {
      const script = join(scriptDir, 'fiches.mjs');
      await writeFile(
        join(scriptDir, 'entry.ts'),
        `import { runCli } from ${JSON.stringify(join(appRoot, 'main/cli/run.ts'))};\nprocess.exitCode = await runCli(process.argv.slice(2));\n`,
      );
      // Dependencies stay in node_modules (one has a native binding): the script sits inside the app to find them.
      await build({
        entryPoints: [join(scriptDir, 'entry.ts')],
        bundle: true,
        packages: 'external',
        platform: 'node',
        format: 'esm',
        target: 'node20',
        outfile: script,
        logLevel: 'error',
      });
      for (const dir of [scriptDir, sample.dir, out]) await chmod(dir, 0o755);
      await promisify(execFile)('chown', ['-R', '65534:65534', sample.repo]);
      const run = await runScript(
        script,
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
        {
          uid: 65534,
          gid: 65534,
          cwd: scriptDir,
        },
      );
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(`Le dossier de destination «\u00a0${out}\u00a0» est en lecture seule`);
      expect(await readdir(out)).toEqual([]);
    } finally {
      await rm(scriptDir, { recursive: true, force: true });
    }
  });
});
