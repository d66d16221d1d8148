import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/fixtures.js';
import { moveDurable, TEMP_FILE_PATTERN, writeFileDurable } from './durable-write.js';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileDurable', () => {
  it('writes the content, replaces the old one and leaves no temp file', async () => {
    const target = join(dir, 'sheet.json');
    await writeFileDurable(target, 'première version');
    await writeFileDurable(target, 'seconde version, plus longue');
    expect(await readFile(target, 'utf8')).toBe('seconde version, plus longue');
    expect(await readdir(dir)).toEqual(['sheet.json']);
  });

  it('writes bytes as they are', async () => {
    const target = join(dir, 'image.bin');
    const bytes = Uint8Array.from([0, 255, 10, 13, 0xef, 0xbb, 0xbf]);
    await writeFileDurable(target, bytes);
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
  });

  it('leaves the target untouched and removes its temp file when the data cannot be written', async () => {
    const target = join(dir, 'sheet.json');
    await writeFile(target, 'bon contenu');
    await expect(writeFileDurable(target, 42 as unknown as string)).rejects.toThrow();
    expect(await readFile(target, 'utf8')).toBe('bon contenu');
    expect(await readdir(dir)).toEqual(['sheet.json']);
  });

  it('fails without a trace when the target is a folder (rename onto a directory)', async () => {
    const target = join(dir, 'sheet.json');
    await mkdir(target);
    await writeFile(join(target, 'inside.txt'), 'à garder');
    await expect(writeFileDurable(target, '{}')).rejects.toThrow();
    expect(await readFile(join(target, 'inside.txt'), 'utf8')).toBe('à garder');
    expect(await readdir(dir)).toEqual(['sheet.json']);
  });

  it('fails and writes nothing when the target folder was replaced by a file', async () => {
    const folder = join(dir, 'sheets');
    await writeFile(folder, 'un fichier à la place du dossier');
    await expect(writeFileDurable(join(folder, 'big-data.json'), '{}')).rejects.toMatchObject({
      code: 'ENOTDIR',
    });
    expect(await readFile(folder, 'utf8')).toBe('un fichier à la place du dossier');
    expect(await readdir(dir)).toEqual(['sheets']);
  });

  it('names its temp files so a clean-up can recognise them, and only them', () => {
    expect(TEMP_FILE_PATTERN.test('.big-data.json.1234.0123456789ab.tmp')).toBe(true);
    expect(TEMP_FILE_PATTERN.test('big-data.json')).toBe(false);
    expect(TEMP_FILE_PATTERN.test('.big-data.json.tmp')).toBe(false);
  });
});

describe('moveDurable', () => {
  it('moves a file between folders with its bytes', async () => {
    await mkdir(join(dir, 'a'));
    await mkdir(join(dir, 'b'));
    await writeFile(join(dir, 'a', 'f.json'), '{"x":1}');
    await moveDurable(join(dir, 'a', 'f.json'), join(dir, 'b', 'g.json'));
    expect(await readdir(join(dir, 'a'))).toEqual([]);
    expect(await readFile(join(dir, 'b', 'g.json'), 'utf8')).toBe('{"x":1}');
  });
});
