import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { familyColours, resolveColour, splitPlaceholders } from '../../../../shared/model/layout.js';
import { RepositoryLayout } from '../../repository/layout.js';
import { defaultLayoutFile, loadLayout } from './load-layout.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fiches-layout-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function shippedJson(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(defaultLayoutFile(), 'utf8')) as Record<string, unknown>;
}

describe('loadLayout', () => {
  it('reads the shipped layout and finds its font files', async () => {
    const loaded = await loadLayout();
    expect(loaded.source).toBe('templates/layout.json');
    expect(loaded.layout.columns.count).toBe(2);
    expect(loaded.layout.captions.separator).toBe('\u00a0: ');
    expect(loaded.fontFiles.regular).toMatch(/SourceSans3-Regular\.ttf$/);
    const family = familyColours(loaded.layout, 'evolutions-technologiques', 4);
    expect(resolveColour(loaded.layout, 'family', family)).toBe(family.main);
    expect(resolveColour(loaded.layout, 'muted', family)).toBe(loaded.layout.colours.muted);
    expect(familyColours(loaded.layout, 'a-family-of-our-own', 7)).toEqual(
      loaded.layout.colours.fallbackFamilies[1],
    );
  });

  it('prefers the repository’s own layout.json', async () => {
    const own = { ...(await shippedJson()), name: 'Maison' };
    await writeFile(join(dir, 'layout.json'), JSON.stringify(own));
    const loaded = await loadLayout(new RepositoryLayout(dir));
    expect(loaded.source).toBe('layout.json');
    expect(loaded.layout.name).toBe('Maison');
  });

  it('gives a layout written before list markers could be set the shipped ones, and checks them', async () => {
    const shipped = await shippedJson();
    const { lists, ...older } = shipped;
    await writeFile(join(dir, 'layout.json'), JSON.stringify(older));
    expect((await loadLayout(new RepositoryLayout(dir))).layout.lists).toEqual(lists);

    await writeFile(
      join(dir, 'layout.json'),
      JSON.stringify({ ...older, lists: { numbers: ['grec'], bullets: ['–'] } }),
    );
    await expect(loadLayout(new RepositoryLayout(dir))).rejects.toThrow(/lists\.numbers\.0/);
  });

  it('names the file and the field of an invalid layout', async () => {
    const own = await shippedJson();
    (own.columns as Record<string, unknown>).count = 'deux';
    await writeFile(join(dir, 'layout.json'), JSON.stringify(own));
    await expect(loadLayout(new RepositoryLayout(dir))).rejects.toMatchObject({
      code: 'invalid-template',
      message: expect.stringMatching(/layout\.json\u00a0: columns\.count/),
    });
  });

  it('rejects an unknown header field and a font that is not there', async () => {
    const own = await shippedJson();
    own.header = { left: '{famille}', center: '', right: '' };
    await writeFile(join(dir, 'layout.json'), JSON.stringify(own));
    await expect(loadLayout(new RepositoryLayout(dir))).rejects.toThrow(/header\.left.*\{famille\}/);

    const fonts = await shippedJson();
    (fonts.font as { files: Record<string, string> }).files.bold = './../../etc/passwd';
    await writeFile(join(dir, 'layout.json'), JSON.stringify(fonts));
    await expect(loadLayout(new RepositoryLayout(dir))).rejects.toThrow(/font\.files\.bold/);
  });

  it('rejects a damaged layout.json instead of falling back', async () => {
    await writeFile(join(dir, 'layout.json'), '{ pas du json');
    await expect(loadLayout(new RepositoryLayout(dir))).rejects.toMatchObject({ code: 'invalid-template' });
  });
});

describe('splitPlaceholders', () => {
  it('cuts text and fields apart', () => {
    expect(splitPlaceholders('Page {page} sur {pages}')).toEqual([
      { text: 'Page ' },
      { field: 'page' },
      { text: ' sur ' },
      { field: 'pages' },
    ]);
  });
});
