import { chmod, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEY_FILE, loadBrowserKey } from './key-file.js';

const posix = process.platform !== 'win32';

let root: string;
const logs: string[] = [];
const log = (message: string) => logs.push(message);

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'fiches-key-'));
  logs.length = 0;
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the browser host key', () => {
  it('is created once, private to its user, in a data folder created private, and kept', async () => {
    const dataDir = path.join(root, 'nouveau', 'Fiches');
    const key = await loadBrowserKey(dataDir, log);
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await loadBrowserKey(dataDir, log)).toBe(key);
    expect((await readFile(path.join(dataDir, KEY_FILE), 'utf8')).trim()).toBe(key);
    if (posix) {
      expect((await stat(path.join(dataDir, KEY_FILE))).mode & 0o777).toBe(0o600);
      expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    }
    // No temporary file left behind.
    expect(await readdir(dataDir)).toEqual([KEY_FILE]);
    expect(logs).toEqual([]);
  });

  it('is the same for launches that create it at the same time', async () => {
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadBrowserKey(root, log)));
    expect(new Set(keys).size).toBe(1);
    expect(await readdir(root)).toEqual([KEY_FILE]);
  });

  it.runIf(posix)('is replaced, and said so, when other users could read it', async () => {
    const first = await loadBrowserKey(root, log);
    await chmod(path.join(root, KEY_FILE), 0o644);
    const second = await loadBrowserKey(root, log);
    expect(second).not.toBe(first);
    expect((await stat(path.join(root, KEY_FILE))).mode & 0o777).toBe(0o600);
    expect(logs.join('\n')).toContain('d’autres utilisateurs pouvaient la lire');
  });

  it('is replaced when unreadable, and never followed through a link', async () => {
    await writeFile(path.join(root, KEY_FILE), 'pas une clé', { mode: 0o600 });
    const key = await loadBrowserKey(root, log);
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(logs.join('\n')).toContain('illisible');

    const elsewhere = path.join(root, 'ailleurs.key');
    await writeFile(elsewhere, `${'B'.repeat(43)}\n`, { mode: 0o600 });
    await rm(path.join(root, KEY_FILE));
    await symlink(elsewhere, path.join(root, KEY_FILE));
    const replaced = await loadBrowserKey(root, log);
    expect(replaced).not.toBe('B'.repeat(43));
    expect(await readFile(elsewhere, 'utf8')).toBe(`${'B'.repeat(43)}\n`);
  });
});
