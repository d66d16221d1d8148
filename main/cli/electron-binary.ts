import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const EXECUTABLE_BY_PLATFORM: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
  linux: 'electron',
};

function readInstalledPath(packageDir: string): string | undefined {
  try {
    return readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The Electron executable installed by the `electron` npm package, or undefined when
 * its download was skipped or blocked. We follow the package's own lookup (path.txt,
 * ELECTRON_OVERRIDE_DIST_PATH) instead of calling `require('electron')`: since
 * Electron 45 that require downloads a missing binary, printing to the terminal and
 * waiting on the network.
 */
export function findElectronBinary(): string | undefined {
  const packageDir = electronPackageDir();
  if (packageDir === undefined) return undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const executable =
    readInstalledPath(packageDir) ?? (override ? EXECUTABLE_BY_PLATFORM[process.platform] : undefined);
  if (executable === undefined) return undefined;
  const binary = path.join(override || path.join(packageDir, 'dist'), executable);
  return existsSync(binary) ? binary : undefined;
}

function electronPackageDir(): string | undefined {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/**
 * Whether `fiches start` may fetch a missing binary. Not when the user (or CI) asked to
 * skip it, nor with an override path, where the package itself never downloads.
 */
export function mayDownloadElectron(env: NodeJS.ProcessEnv = process.env): boolean {
  return (
    !env.ELECTRON_SKIP_BINARY_DOWNLOAD &&
    !env.ELECTRON_OVERRIDE_DIST_PATH &&
    electronPackageDir() !== undefined
  );
}

/**
 * Since Electron 45 the npm package downloads its binary on first use, not at install:
 * run the package's own installer (it honours ELECTRON_MIRROR and the cache). Resolves
 * false when it fails or takes longer than `timeoutMs`, never throws.
 */
export function downloadElectronBinary(timeoutMs = 10 * 60_000): Promise<boolean> {
  const packageDir = electronPackageDir();
  if (packageDir === undefined) return Promise.resolve(false);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(packageDir, 'install.js')], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
  });
}
