import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/api/dispatch.js';
import { MAX_IMAGE_BYTES } from '../../../shared/content/assets.js';
import type { ServiceHandlers } from '../session.js';
import { openFixturePerTest } from '../testing/fixture-per-test.js';
import { gifImage, jpegHeader, pngImage } from '../testing/images.js';
import { failure } from '../testing/failure.js';

let repo: string;
let h: ServiceHandlers;

openFixturePerTest((fixture) => {
  ({ repo, h } = fixture);
});

const request = (name: string, bytes: Buffer | string, mediaType = 'image/png') => ({
  name,
  mediaType,
  base64: Buffer.from(bytes).toString('base64'),
});

const assetFiles = async () =>
  (await readdir(join(repo, 'assets')).catch(() => [])).filter((n) => !n.startsWith('.'));

describe('assets:import', () => {
  it('stores a PNG under the SHA-256 of its bytes, and the same bytes only once', async () => {
    const png = pngImage(30, 20);
    const first = await h['assets:import'](request('graphique.png', png));
    expect(first).toMatchObject({
      mediaType: 'image/png',
      bytes: png.length,
      width: 30,
      height: 20,
      removed: [],
    });
    expect(first.assetId).toMatch(/^[0-9a-f]{64}\.png$/);
    const second = await h['assets:import'](request('copie du graphique.png', png));
    expect(second.assetId).toBe(first.assetId);
    expect(await assetFiles()).toEqual([first.assetId]);
    expect(await readFile(join(repo, 'assets', first.assetId))).toEqual(png);

    const other = await h['assets:import'](request('autre.png', pngImage(30, 21)));
    expect(other.assetId).not.toBe(first.assetId);
    expect(await assetFiles()).toHaveLength(2);
  });

  it('reads the type from the bytes: a JPEG named .png is stored as a JPEG, GIF and SVG are accepted', async () => {
    const jpeg = await h['assets:import'](request('photo.png', jpegHeader(4000, 3000)));
    expect(jpeg).toMatchObject({ mediaType: 'image/jpeg', width: 4000, height: 3000 });
    expect(jpeg.assetId).toMatch(/\.jpg$/);
    const gif = await h['assets:import'](request('anim.gif', gifImage(3, 2), 'image/gif'));
    expect(gif).toMatchObject({ mediaType: 'image/gif', width: 3, height: 2 });
    const svg = await h['assets:import'](
      request(
        'schema.svg',
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150"><rect width="10" height="10"/></svg>',
        'image/svg+xml',
      ),
    );
    expect(svg).toMatchObject({ mediaType: 'image/svg+xml', width: 300, height: 150, removed: [] });
  });

  it.each([
    ['a text file named .png', 'Ceci n’est pas une image.'],
    ['a PDF', '%PDF-1.7\n1 0 obj'],
    ['an HTML page', '<!doctype html><html><script>alert(1)</script></html>'],
    ['a WebP', Buffer.from('524946460000000057454250565038', 'hex')],
    ['an empty file', ''],
  ])('refuses %s with a French message, and stores nothing', async (_label, content) => {
    const error = await failure(h['assets:import'](request('graphique.png', Buffer.from(content))));
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(
      /«\u00a0graphique\.png\u00a0» n’est pas une image acceptée\u00a0: seules les images PNG, JPEG, GIF et SVG/,
    );
    expect(await assetFiles()).toEqual([]);
  });

  it('refuses a file that starts like a PNG but is not one', async () => {
    const fake = Buffer.concat([
      pngImage(2, 2).subarray(0, 8),
      Buffer.from('pas la suite attendue d’un PNG'),
    ]);
    const error = await failure(h['assets:import'](request('faux.png', fake)));
    expect(error.message).toMatch(/commence comme une image PNG mais n’en est pas une lisible/);
    expect(await assetFiles()).toEqual([]);
  });

  it('refuses an image over the limit before decoding it, saying the size and the limit', async () => {
    const tooBig = Buffer.alloc(50 * 1024 * 1024);
    pngImage(1, 1).copy(tooBig);
    const error = await failure(h['assets:import'](request('photo.png', tooBig)));
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(/pèse 50,0\u00a0Mo\u00a0: la limite est de 20\u00a0Mo/);
    expect(MAX_IMAGE_BYTES).toBe(20 * 1024 * 1024);
    expect(await assetFiles()).toEqual([]);
  });

  it('refuses a body that is not base64', async () => {
    const error = await failure(
      h['assets:import']({ name: 'x.png', mediaType: 'image/png', base64: '<script>alert(1)</script>' }),
    );
    expect(error.message).toMatch(/encodage invalide/);
  });

  it('stores an SVG cleaned of its script, handlers, foreign objects and external references', async () => {
    const hostile = `<?xml version="1.0"?>
<?xml-stylesheet href="https://evil.example/x.css"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100" onload="alert(1)">
  <script>alert(document.cookie)</script>
  <foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example"/></body></foreignObject>
  <a xlink:href="javascript:alert(1)"><rect width="10" height="10" fill="url(https://evil.example/p.svg#x)"/></a>
  <image href="https://evil.example/tracker.png" width="1" height="1"/>
  <use href="#bar"/>
  <animate attributeName="href" to="javascript:alert(1)"/>
  <style>@import url(https://evil.example/x.css);</style>
  <rect id="bar" width="50" height="20" fill="#1c5f9e" style="stroke: url(#grad)" onclick="alert(2)"/>
  <text x="5" y="90">Données 2019</text>
</svg>`;
    const imported = await h['assets:import'](request('piege.svg', hostile, 'image/svg+xml'));
    expect(imported.removed).toEqual(
      expect.arrayContaining(['onload', '<script>', '<foreignObject>', '<animate>', 'onclick']),
    );
    const stored = await readFile(join(repo, 'assets', imported.assetId), 'utf8');
    expect(stored).not.toMatch(
      /script|onload|onclick|foreignObject|iframe|evil\.example|javascript|animate|@import/i,
    );
    expect(stored).toContain(
      '<rect id="bar" width="50" height="20" fill="#1c5f9e" style="stroke:url(#grad)"/>',
    );
    expect(stored).toContain('<use href="#bar"/>');
    expect(stored).toContain('Données 2019');
    expect(imported).toMatchObject({ width: 200, height: 100 });
  });

  it.each([
    [
      'an XML bomb (entities)',
      '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>',
    ],
    ['broken XML', '<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>'],
    ['an svg root in another namespace', '<svg xmlns="http://example.org/not-svg"><rect/></svg>'],
  ])('refuses %s', async (_label, source) => {
    const error = await failure(h['assets:import'](request('dessin.svg', source, 'image/svg+xml')));
    expect(error.message).toMatch(/L’image SVG «\u00a0dessin\.svg\u00a0» est refusée/);
    expect(await assetFiles()).toEqual([]);
  });
});

describe('assets:read', () => {
  it('gives back the stored bytes and their type', async () => {
    const png = pngImage(5, 5);
    const { assetId } = await h['assets:import'](request('a.png', png));
    expect(await h['assets:read']({ assetId })).toEqual({
      mediaType: 'image/png',
      base64: png.toString('base64'),
    });
  });

  it('says which file is missing, in French, when an asset was removed', async () => {
    const { assetId } = await h['assets:import'](request('a.png', pngImage(5, 5)));
    await rm(join(repo, 'assets', assetId));
    const error = await failure(h['assets:read']({ assetId }));
    expect(error.code).toBe('not-found');
    expect(error.message).toContain(
      `Image introuvable\u00a0: le fichier assets/${assetId} manque dans le dépôt`,
    );
  });

  it('reports a file whose content no longer matches its name as damaged, in French', async () => {
    const png = pngImage(5, 5);
    const { assetId } = await h['assets:import'](request('a.png', png));
    const altered = Buffer.from(png);
    altered.writeUInt8(altered.readUInt8(altered.length - 20) ^ 0xff, altered.length - 20);
    await writeFile(join(repo, 'assets', assetId), altered);
    const error = await failure(h['assets:read']({ assetId }));
    expect(error.code).toBe('damaged');
    expect(error.message).toBe(
      `Image endommagée\u00a0: le fichier assets/${assetId} ne correspond plus à l’image importée (modifié ou abîmé depuis). Remplacez l’image de cette figure, ou remettez le fichier d’origine.`,
    );
    expect(error.details).toMatchObject({ assetId, reason: 'hash-mismatch' });
  });

  it('refuses a name that is not an asset name, before touching the disk', async () => {
    for (const assetId of ['../repository.json', `${'a'.repeat(64)}.exe`, `${'A'.repeat(64)}.png`]) {
      const result = await dispatch(h as never, 'assets:read', { assetId });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
  });
});
