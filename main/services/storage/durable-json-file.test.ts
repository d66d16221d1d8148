import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/fixtures.js';
import { DamagedFileError, DurableJSONFile } from './durable-json-file.js';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Data {
  title: string;
  tags: string[];
}

describe('DurableJSONFile with lowdb', () => {
  it('round-trips data through Low, even with NODE_ENV=test (no in-memory preset)', async () => {
    expect(process.env.NODE_ENV).toBe('test');
    const path = join(dir, 'data.json');
    const db = new Low<Data | null>(new DurableJSONFile<Data | null>(path), null);
    await db.read();
    expect(db.data).toBeNull();
    db.data = { title: 'Big Data 🚀 « données »', tags: ['a', 'b'] };
    await db.write();

    const again = new Low<Data | null>(new DurableJSONFile<Data | null>(path), null);
    await again.read();
    expect(again.data).toEqual({ title: 'Big Data 🚀 « données »', tags: ['a', 'b'] });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(again.data);
    expect(await readdir(dir)).toEqual(['data.json']);
  });

  it('reads a file saved with a byte order mark', async () => {
    const path = join(dir, 'bom.json');
    await writeFile(path, '\uFEFF{"title":"ok","tags":[]}');
    expect(await new DurableJSONFile<Data>(path).read()).toEqual({ title: 'ok', tags: [] });
  });

  it.each([
    ['truncated', '{"title": "Big Da'],
    ['empty', ''],
    ['not JSON', 'title = "x"'],
  ])(
    'throws DamagedFileError with a French reason for a %s file, and leaves it as it is',
    async (_, text) => {
      const path = join(dir, 'bad.json');
      await writeFile(path, text);
      const error = await new DurableJSONFile(path).read().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DamagedFileError);
      expect((error as DamagedFileError).reason).toMatch(/^JSON tronqué ou invalide\u00a0: /);
      expect(await readFile(path, 'utf8')).toBe(text);
    },
  );
});
