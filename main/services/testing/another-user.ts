import { spawn } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findAppRoot } from '../app-root.js';
import { bundleScript } from './child-script.js';

/**
 * Root is refused nothing, so a test that needs a permission refused runs its subject as
 * user nobody. What nobody runs must not depend on where the checkout lies (a clone in a
 * folder only its owner may enter): it runs from a temp folder of its own, with a copy of
 * what it needs.
 */
export const NOBODY = { uid: 65534, gid: 65534 } as const;

function runsAsNobody(args: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { ...NOBODY, cwd: '/', stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
}

/** Why nobody cannot run a test's subject on this machine, or undefined when it can. */
export async function whyNobodyCannotRun(): Promise<string | undefined> {
  if (process.platform === 'win32' || process.getuid?.() !== 0) {
    return 'only root can run a process as another user';
  }
  if (!(await runsAsNobody(['-e', '']))) return `user nobody cannot run ${process.execPath}`;
  const check = `require('node:fs').accessSync(${JSON.stringify(tmpdir())}, require('node:fs').constants.X_OK)`;
  if (!(await runsAsNobody(['-e', check]))) return `user nobody cannot enter the temp folder ${tmpdir()}`;
  return undefined;
}

/** A new temp folder that nobody may enter and read (not write): put there what nobody runs or reads. */
export async function folderForNobody(prefix: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  await chmod(folder, 0o755);
  return folder;
}

/**
 * The `fiches` command from the current sources, bundled into `folder` with what it needs
 * at run time: its package.json (how it finds its own folder), templates/ and
 * playwright-core (which finds its files beside itself and cannot be bundled). Answers the
 * script to run with node.
 */
export async function fichesCommandIn(folder: string): Promise<string> {
  const appRoot = findAppRoot();
  await mkdir(join(folder, 'dist'), { recursive: true });
  await cp(join(appRoot, 'package.json'), join(folder, 'package.json'));
  await cp(join(appRoot, 'templates'), join(folder, 'templates'), { recursive: true });
  await cp(
    join(appRoot, 'node_modules', 'playwright-core'),
    join(folder, 'node_modules', 'playwright-core'),
    {
      recursive: true,
    },
  );
  const run = join(appRoot, 'main', 'cli', 'run.ts');
  const source = `import { runCli } from ${JSON.stringify(run)};\nprocess.exitCode = await runCli(process.argv.slice(2));\n`;
  const script = await bundleScript(source, join(folder, 'dist'), 'fiches.mjs', ['playwright-core']);
  for (const path of [folder, join(folder, 'dist')]) await chmod(path, 0o755);
  return script;
}
