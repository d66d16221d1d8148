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
  const require = createRequire(import.meta.url);
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const executable =
    readInstalledPath(packageDir) ?? (override ? EXECUTABLE_BY_PLATFORM[process.platform] : undefined);
  if (executable === undefined) return undefined;
  const binary = path.join(override || path.join(packageDir, 'dist'), executable);
  return existsSync(binary) ? binary : undefined;
}
