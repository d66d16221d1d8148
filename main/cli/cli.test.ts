import { execFile, spawn } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROOT, callApi, FICHES_BIN, startFiches } from '../../e2e/fixtures/serve-process.js';
import { readAppVersion } from '../host/handlers.js';
import { openRepository } from '../services/index.js';
import {
  fichesCommandIn,
  folderForNobody,
  NOBODY,
  whyNobodyCannotRun,
} from '../services/testing/another-user.js';
import { runScript } from '../services/testing/child-script.js';
import { findElectronBinary } from './electron-binary.js';
import { ELECTRON_DOWNLOAD_LINE, ELECTRON_MISSING_LINE } from './start.js';

/**
 * The real command, spawned as a user runs it: `node bin/fiches.js` on the freshly built
 * dist/. Exit codes, stdout and stderr are what scripts and users rely on.
 */

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let root: string;

function runFiches(args: string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [FICHES_BIN, ...args], {
      cwd: APP_ROOT,
      env: { ...process.env, ...dataEnv(), ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The tests' own data folder (key, remembered ports), never the real one of whoever runs them. */
const dataEnv = () => ({ FICHES_DATA_DIR: path.join(root, 'donnees-cli') });

function stderrLines(run: Run): string[] {
  return run.stderr.split('\n').filter(Boolean);
}

beforeAll(async () => {
  await promisify(execFile)('npm', ['run', 'build:node'], { cwd: APP_ROOT });
  root = await mkdtemp(path.join(os.tmpdir(), 'fiches-cli-'));
}, 180_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('fiches serve', () => {
  it('creates the sample repository in a missing folder, serves its API, and releases it on SIGTERM', async () => {
    const repo = path.join(root, 'nouveau', 'depot');
    const served = await startFiches({ args: ['serve', '--repo', repo, '--port', '0'], env: dataEnv() });
    try {
      expect(served.lines).toHaveLength(1);
      expect(served.lines[0]).toBe(
        `Fiches est servi sur ${served.url} (dépôt\u00a0: ${repo}) — Ctrl+C pour arrêter`,
      );
      expect(await readdir(repo)).toContain('repository.json');
      const overview = (await callApi(served, 'repository:overview', {})) as {
        ok: boolean;
        value: { path: string };
      };
      expect(overview).toMatchObject({ ok: true, value: { path: repo } });
      expect(await callApi(served, 'app:info', {})).toMatchObject({ ok: true, value: { host: 'browser' } });
    } finally {
      expect(await served.stop()).toBe(0);
    }
    // The renderer may not be built when only build:node ran: that warning is the only one allowed.
    expect(served.errors.filter((line) => !line.includes('npm run build'))).toEqual([]);
    const reopened = await openRepository(repo, { create: 'never' });
    await reopened.close();
  });

  it('refuses a repository already open, naming who holds it', async () => {
    const repo = path.join(root, 'partage');
    const first = await startFiches({ args: ['serve', '--repo', repo], env: dataEnv() });
    try {
      const second = await runFiches(['serve', '--repo', repo]);
      expect(second.code).toBe(1);
      expect(second.stdout).toBe('');
      const lines = stderrLines(second);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^fiches\u00a0: Ce dépôt est déjà ouvert par /);
      expect(lines[0]).toContain('par «\u00a0fiches serve\u00a0» dans un terminal');
      expect(lines[0]).toContain(`processus ${first.child.pid}`);
      expect(lines[0]).toContain(os.hostname());
    } finally {
      await first.stop();
    }
  });

  it('comes back on the repository’s last port with the same key, or on another one said so', async () => {
    const repo = path.join(root, 'revient');
    const env = { FICHES_DATA_DIR: path.join(root, 'donnees-revient') };
    const first = await startFiches({ args: ['serve', '--repo', repo], env });
    expect(await first.stop()).toBe(0);
    const second = await startFiches({ args: ['serve', '--repo', repo], env });
    try {
      expect(second.url).toBe(first.url);
      expect(second.errors).toEqual([]);
    } finally {
      expect(await second.stop()).toBe(0);
    }
    // Another repository gets a port of its own.
    const other = await startFiches({ args: ['serve', '--repo', path.join(root, 'autre')], env });
    await other.stop();
    expect(other.origin).not.toBe(first.origin);
    expect(other.token).toBe(first.token);

    const port = Number(new URL(first.url).port);
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const third = await startFiches({ args: ['serve', '--repo', repo], env });
      await third.stop();
      expect(third.origin).not.toBe(first.origin);
      expect(third.errors.filter((line) => !line.includes('npm run build'))).toEqual([
        expect.stringContaining(`le port ${port} de la dernière fois est occupé`),
      ]);
    } finally {
      blocker.close();
    }
  });

  it('fails with one line when the port is taken, and leaves the repository unlocked', async () => {
    const repo = path.join(root, 'port-pris');
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = blocker.address() as AddressInfo;
      const run = await runFiches(['serve', '--repo', repo, '--port', String(port)]);
      expect(run.code).toBe(1);
      expect(stderrLines(run)).toEqual([expect.stringContaining(`le port ${port} est déjà utilisé`)]);
    } finally {
      blocker.close();
    }
    const reopened = await openRepository(repo, { create: 'never' });
    await reopened.close();
  });

  it('fails with one line and code 1 when --repo is a file', async () => {
    const file = path.join(root, 'note.txt');
    await writeFile(file, 'pas un dépôt');
    const run = await runFiches(['serve', '--repo', file]);
    expect(run.code).toBe(1);
    expect(stderrLines(run)).toHaveLength(1);
    expect(run.stderr).toMatch(/^fiches\u00a0: /);
  });

  it('fails with « lecture seule » on a repository it cannot write', async (context) => {
    // Root ignores permissions: the command runs as nobody, who may read but not write.
    const cannot = await whyNobodyCannotRun();
    if (cannot) context.skip(cannot);
    const work = await folderForNobody('fiches-cli-nobody-');
    try {
      const command = await fichesCommandIn(path.join(work, 'fiches'));
      const repo = path.join(work, 'depot');
      const created = await openRepository(repo, { create: 'if-missing' });
      await created.close();
      await chmod(repo, 0o555);
      const run = await runScript(command, ['serve', '--repo', repo], { ...NOBODY, cwd: work });
      expect(run.code, run.stderr).toBe(1);
      expect(stderrLines(run)).toHaveLength(1);
      expect(run.stderr).toContain('lecture seule');
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});

describe('usage errors', () => {
  it.each([
    [['exporte']],
    [['serve', '--port', 'abc']],
    [['serve', '--port', '70000']],
    [['serve', '--repo']],
    [['serve', '--repo', '--port', '8080']],
    [['serve', '--bavard']],
    [['serve', 'dossier']],
    [['--inconnu']],
  ])('fiches %j exits with code 2 and one line', async (args) => {
    const run = await runFiches(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(stderrLines(run)).toHaveLength(1);
    expect(run.stderr).toMatch(/^fiches\u00a0: .*fiches --help/);
  });
});

describe('help and version', () => {
  it('prints the version of package.json', async () => {
    const version = readAppVersion(APP_ROOT);
    const run = await runFiches(['--version']);
    expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('lists the commands', async () => {
    const run = await runFiches(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('serve');
    expect(run.stdout).toContain('start');
    expect((await runFiches(['serve', '--help'])).stdout).toContain('--port');
  });

  it('shows each form of a command on its own line, aligned with the others', async () => {
    const usage = (await runFiches(['--help'])).stdout.split('\n').filter((line) => /^\s*fiches /.test(line));
    expect(usage.filter((line) => line.includes('fiches export'))).toHaveLength(2);
    for (const line of usage) expect(line).toMatch(/^ {2}fiches /);
    const exportUsage = (await runFiches(['export', '--help'])).stdout.split('\n');
    expect(exportUsage[0]).toMatch(/^Usage\u00a0: fiches export /);
    expect(exportUsage[1]).toMatch(/^ {8}fiches export --format docx\|pdf --volume/);
  });

  it('names a version by its id, which no sync changes, rather than by its number as listed', async () => {
    const help = (await runFiches(['--help'])).stdout;
    const exportHelp = (await runFiches(['export', '--help'])).stdout;
    for (const text of [help, exportHelp]) {
      expect(text).toContain('[--revision VERSION]');
      expect(text).toContain('[--changes-since VERSION]');
      expect(text).not.toMatch(/--(revision|changes-since) N\b/);
    }
    expect(exportHelp).toMatch(
      /VERSION\u00a0: l’identifiant d’une version \(tel «\u00a0[0-9a-f]{12}-\d+\u00a0»/,
    );
  });
});

describe('fiches start', () => {
  it('without an Electron binary, says so in one line and serves the default repository', async () => {
    const dataDir = path.join(root, 'donnees');
    const emptyElectron = path.join(root, 'sans-electron');
    await mkdir(emptyElectron);
    const served = await startFiches({
      args: ['start'],
      env: { FICHES_DATA_DIR: dataDir, ELECTRON_OVERRIDE_DIST_PATH: emptyElectron },
    });
    try {
      expect(served.lines[0]).toBe(ELECTRON_MISSING_LINE);
      expect(served.lines[1]).toContain(served.url);
      expect(served.lines[1]).toContain(dataDir);
      expect(await callApi(served, 'repository:overview', {})).toMatchObject({ ok: true });
    } finally {
      expect(await served.stop()).toBe(0);
    }
  });
});

describe('fiches start, first time on a machine', () => {
  // Only meaningful where the binary is absent (here, and in CI); on a machine that has
  // Electron, start would rightly open the desktop app instead.
  it.skipIf(findElectronBinary() !== undefined)(
    'tries to fetch Electron, says so, and serves in the browser when the download fails',
    async () => {
      const dataDir = path.join(root, 'donnees');
      const env: NodeJS.ProcessEnv = {
        FICHES_DATA_DIR: dataDir,
        // A mirror that refuses at once: the download fails as on a closed network.
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
        ELECTRON_SKIP_BINARY_DOWNLOAD: '',
        ELECTRON_OVERRIDE_DIST_PATH: '',
      };
      const served = await startFiches({ args: ['start'], env, timeoutMs: 60_000 });
      try {
        expect(served.lines[0]).toBe(ELECTRON_DOWNLOAD_LINE);
        expect(served.lines[1]).toBe(ELECTRON_MISSING_LINE);
        expect(served.lines[2]).toContain(served.url);
        expect(await callApi(served, 'repository:overview', {})).toMatchObject({ ok: true });
      } finally {
        expect(await served.stop()).toBe(0);
      }
    },
  );
});

describe('bin/fiches.js', () => {
  it('says in one French line to build when dist/ is missing', async () => {
    const bin = path.join(root, 'sans-build', 'bin');
    await mkdir(bin, { recursive: true });
    await writeFile(path.join(bin, '..', 'package.json'), '{ "type": "module" }');
    await copyFile(FICHES_BIN, path.join(bin, 'fiches.js'));
    const run = await new Promise<Run>((resolve) => {
      execFile(process.execPath, [path.join(bin, 'fiches.js'), 'serve'], (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
      );
    });
    expect(run.code).toBe(1);
    expect(stderrLines(run)).toHaveLength(1);
    expect(run.stderr).toContain('npm run build');
  });
});
