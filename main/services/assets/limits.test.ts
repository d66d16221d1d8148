import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/result.js';
import type { ServiceHandlers } from '../session.js';
import { openFixturePerTest } from '../testing/fixture-per-test.js';
import { jpegHeader } from '../testing/images.js';

/**
 * What an image may weigh in work, not only in bytes: its proportions, its pixels, the
 * number and nesting of an SVG's elements. Each limit is refused at the door with a French
 * message saying the figure and the limit, and nothing is stored.
 */

let repo: string;
let h: ServiceHandlers;

openFixturePerTest((fixture) => {
  ({ repo, h } = fixture);
});

const svgRequest = (source: string, name = 'dessin.svg') => ({
  name,
  mediaType: 'image/svg+xml',
  base64: Buffer.from(source).toString('base64'),
});

async function refusal(request: { name: string; mediaType: string; base64: string }): Promise<AppFailure> {
  const error = await h['assets:import'](request).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppFailure);
  expect((await readdir(join(repo, 'assets')).catch(() => [])).filter((n) => !n.startsWith('.'))).toEqual([]);
  return error as AppFailure;
}

const svg = (attributes: string, body = '<rect width="1" height="1"/>') =>
  `<svg xmlns="http://www.w3.org/2000/svg" ${attributes}>${body}</svg>`;

describe('the proportions and size of an image', () => {
  it('refuses an SVG whose viewBox is 1 × 1,000,000, saying its proportions and the limit', async () => {
    const error = await refusal(svgRequest(svg('viewBox="0 0 1 1000000"')));
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(
      /L’image «\u00a0dessin\.svg\u00a0» est refusée\u00a0: ses proportions sont extrêmes \(1 × 1\u202f000\u202f000\)/,
    );
    expect(error.message).toContain('au plus 50\u00a0fois plus haute que large');
    expect(error.details).toMatchObject({ reason: 'proportions' });
  });

  it.each([
    ['a zero width', 'width="0" height="100"'],
    ['an empty viewBox', 'viewBox="0 0 0 0"'],
    ['an infinite viewBox', 'viewBox="0 0 1e400 1"'],
    ['a negative height', 'viewBox="0 0 100 -100"'],
  ])('refuses an SVG with %s', async (_label, attributes) => {
    const error = await refusal(svgRequest(svg(attributes)));
    expect(error.message).toMatch(/L’image SVG «\u00a0dessin\.svg\u00a0» est refusée\u00a0: sa taille/);
  });

  it('accepts a wide banner and an SVG without any size (drawn at 100 × 100 by convention)', async () => {
    const banner = await h['assets:import'](svgRequest(svg('viewBox="0 0 4000 200"')));
    expect(banner).toMatchObject({ width: 4000, height: 200 });
    await expect(h['assets:import'](svgRequest(svg('')))).resolves.toMatchObject({ removed: [] });
  });

  it('refuses a JPEG of 3.6 billion pixels and one 2,000 times wider than high', async () => {
    const huge = await refusal({
      name: 'bombe.jpg',
      mediaType: 'image/jpeg',
      base64: jpegHeader(60_000, 60_000).toString('base64'),
    });
    expect(huge.message).toMatch(
      /L’image «\u00a0bombe\.jpg\u00a0» est refusée\u00a0: elle compte 3\u202f600\u00a0millions de pixels \(60\u202f000 × 60\u202f000\)\u00a0: la limite est de 50\u00a0millions/,
    );
    const strip = await refusal({
      name: 'bande.jpg',
      mediaType: 'image/jpeg',
      base64: jpegHeader(20_000, 10).toString('base64'),
    });
    expect(strip.message).toContain('ses proportions sont extrêmes (20\u202f000 × 10)');
  });
});

describe('the work an SVG asks for', () => {
  it('refuses 560,000 shapes before parsing them, saying the count and the limit', async () => {
    const shapes = Array.from({ length: 560_000 }, (_, i) => `<path d="M${i % 900} 1h3v3z"/>`).join('');
    const error = await refusal(svgRequest(svg('viewBox="0 0 1000 1000"', shapes), 'carte.svg'));
    expect(error.message).toMatch(
      /L’image SVG «\u00a0carte\.svg\u00a0» est refusée\u00a0: elle compte plus de 100\u202f000\u00a0éléments de dessin/,
    );
    expect(error.details).toMatchObject({ reason: 'too-complex' });
  });

  it('refuses groups nested 5,000 deep (no stack overflow, a French message)', async () => {
    const nested = `${'<g>'.repeat(5000)}<rect width="1" height="1"/>${'</g>'.repeat(5000)}`;
    const error = await refusal(svgRequest(svg('viewBox="0 0 10 10"', nested)));
    expect(error.message).toMatch(/est refusée\u00a0: ses éléments sont imbriqués sur plus de 100 niveaux/);
  });

  it('accepts a drawing of 20,000 shapes', async () => {
    const shapes = Array.from({ length: 20_000 }, (_, i) => `<circle cx="${i % 500}" cy="5" r="1"/>`).join(
      '',
    );
    await expect(h['assets:import'](svgRequest(svg('viewBox="0 0 500 10"', shapes)))).resolves.toMatchObject({
      width: 500,
      height: 10,
    });
  });
});
