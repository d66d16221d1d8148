import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../export/pdf/chromium-path.js';
import type { ServiceHandlers } from '../session.js';
import { openFixturePerTest } from '../testing/fixture-per-test.js';

/**
 * The proof that matters: the stored file, opened in Chromium as a document (what a user
 * does who double-clicks it in assets/), asks for nothing outside itself. Every request
 * the page makes is intercepted and recorded; the same file before cleaning shows that
 * the interception sees such requests.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: await findChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});
afterAll(async () => {
  await browser?.close();
});

let dir: string;
let repo: string;
let h: ServiceHandlers;
openFixturePerTest((fixture) => {
  ({ dir, repo, h } = fixture);
});

const REMOTE = 'http://evil.test';

/** The spellings the sanitiser once let through, and their neighbours, each where it fetches. */
const hostile = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300"
  style="background-image: u\\72l(${REMOTE}/root-escaped.png)">
  <style>
    @\\69mport "${REMOTE}/import-escaped.css";
    @import url(${REMOTE}/import.css);
    @font-face { font-family: Piege; src: url(${REMOTE}/font.woff2); }
    text { font-family: Piege; }
    .a { mask-image: image-set("${REMOTE}/image-set.png" 1x); }
    .b { mask-image: u\\000072l(${REMOTE}/long-escape.png); }
    .c { --remote: url(${REMOTE}/custom-property.png); mask-image: var(--remote); }
    .d { mask-image: \\75 rl(${REMOTE}/spaced-escape.png); }
  </style>
  <rect class="a" width="100" height="100"/>
  <rect class="b" x="100" width="100" height="100"/>
  <rect class="c" x="200" width="100" height="100"/>
  <rect class="d" x="300" width="100" height="100"/>
  <rect y="100" width="100" height="100" style="mask-image: url(\\68ttp://evil.test/url-escaped.png)"/>
  <rect x="100" y="100" width="100" height="100" filter="url(${REMOTE}/filter.svg#f)"/>
  <rect x="200" y="100" width="100" height="100" style="mask-image: -webkit-image-set('${REMOTE}/webkit.png' 1x)"/>
  <text x="10" y="250">Données 2019</text>
</svg>`;

/** Opens `file` in Chromium as a document and answers every address it asked for, besides itself. */
async function requestsOf(file: string): Promise<string[]> {
  const context = await browser.newContext();
  const requested: string[] = [];
  const self = pathToFileURL(file).href;
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === self) return route.continue();
    requested.push(url);
    return route.abort();
  });
  try {
    const page = await context.newPage();
    await page.goto(self, { waitUntil: 'load' });
    // Fonts and masks are fetched when first painted.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300))),
    );
    return requested;
  } finally {
    await context.close();
  }
}

describe('a hostile SVG, stored then opened as a document', () => {
  it('fetches nothing once cleaned, though the original fetches remote addresses', async () => {
    const original = join(dir, 'original.svg');
    await writeFile(original, hostile);
    const before = await requestsOf(original);
    expect(before.some((url) => url.includes('root-escaped'))).toBe(true);
    expect(before.some((url) => url.includes('import-escaped'))).toBe(true);
    expect(before.some((url) => url.includes('image-set'))).toBe(true);

    const imported = await h['assets:import']({
      name: 'piege.svg',
      mediaType: 'image/svg+xml',
      base64: Buffer.from(hostile).toString('base64'),
    });
    const stored = join(repo, 'assets', imported.assetId);
    expect(await requestsOf(stored)).toEqual([]);
    // The drawing itself is still there.
    expect(await readFile(stored, 'utf8')).toContain('Données 2019');
  });
});
