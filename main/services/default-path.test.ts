import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { findAppRoot, templatesDir } from './app-root.js';
import { appDataDir, defaultRepositoryPath } from './default-path.js';

const home = '/home/camille';

describe('app data folder', () => {
  const saved = process.env.FICHES_DATA_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.FICHES_DATA_DIR;
    else process.env.FICHES_DATA_DIR = saved;
  });

  it('follows each system’s convention, like Electron’s userData', () => {
    expect(appDataDir({}, 'linux', home)).toBe(join(home, '.config', 'Fiches'));
    expect(appDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', home)).toBe(join('/xdg', 'Fiches'));
    expect(appDataDir({ XDG_CONFIG_HOME: 'relatif' }, 'linux', home)).toBe(join(home, '.config', 'Fiches'));
    expect(appDataDir({}, 'darwin', home)).toBe(join(home, 'Library', 'Application Support', 'Fiches'));
    expect(appDataDir({ APPDATA: 'C:\\Users\\camille\\AppData\\Roaming' }, 'win32', home)).toBe(
      join('C:\\Users\\camille\\AppData\\Roaming', 'Fiches'),
    );
  });

  it('is overridden by FICHES_DATA_DIR, and holds the default repository', () => {
    process.env.FICHES_DATA_DIR = '/tmp/fiches-donnees';
    expect(defaultRepositoryPath()).toBe(join(resolve('/tmp/fiches-donnees'), 'depot'));
  });
});

describe('app root', () => {
  it('is the folder of the fiches package, and holds the templates', async () => {
    const manifest = JSON.parse(await readFile(join(findAppRoot(), 'package.json'), 'utf8')) as {
      name: string;
    };
    expect(manifest.name).toBe('fiches');
    expect(templatesDir()).toBe(join(findAppRoot(), 'templates'));
  });
});
