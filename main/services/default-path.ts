import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/**
 * Where the application keeps its data, the folder Electron calls userData, computed
 * without Electron so every host (desktop, browser host, CLI) agrees on it.
 * FICHES_DATA_DIR overrides it (tests, portable installs).
 */
export function appDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.FICHES_DATA_DIR) return resolve(env.FICHES_DATA_DIR);
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Fiches');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Fiches');
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const config =
    env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(config, 'Fiches');
}

/** The repository opened when the user has not chosen one: created with the sample on first start. */
export function defaultRepositoryPath(): string {
  return join(appDataDir(), 'depot');
}
