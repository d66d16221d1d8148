import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../host/csp.js';
import { findAppRoot } from '../services/app-root.js';
import { RENDERER_URL } from './app-scheme.js';
import { rendererResponse, serveRenderer } from './renderer-protocol.js';
import { protocol } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

/**
 * `app://fiches/…` as Chromium asks it of the handler: the files of the built renderer with
 * their types and the CSP, and nothing from outside that folder, however the path is spelt.
 */

let root: string;
let renderer: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'fiches-protocol-'));
  renderer = path.join(root, 'renderer');
  await mkdir(path.join(renderer, 'assets', 'sub'), { recursive: true });
  await writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>Fiches</title>');
  await writeFile(path.join(renderer, 'assets', 'index-abc.js'), 'export {};');
  await writeFile(path.join(renderer, 'assets', 'pdf.worker.min-abc.mjs'), 'export {};');
  await writeFile(path.join(renderer, 'assets', 'index-abc.css'), 'body {}');
  await writeFile(path.join(renderer, 'assets', 'police.woff2'), 'wOF2');
  await writeFile(path.join(renderer, 'assets', 'schéma à jour.svg'), '<svg/>');
  await writeFile(path.join(renderer, 'assets', 'données.bin'), 'x');
  await writeFile(path.join(root, 'secret.txt'), 'secret');
  await symlink(path.join(root, 'secret.txt'), path.join(renderer, 'assets', 'lien.js'));
  await symlink(root, path.join(renderer, 'dehors'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => rendererResponse(renderer, new Request(url, { method }));

describe('files of the renderer', () => {
  it.each([
    ['app://fiches/index.html', 'text/html; charset=utf-8', '<!doctype html><title>Fiches</title>'],
    ['app://fiches/', 'text/html; charset=utf-8', '<!doctype html><title>Fiches</title>'],
    [
      'app://fiches/index.html#/fiche/big-data',
      'text/html; charset=utf-8',
      '<!doctype html><title>Fiches</title>',
    ],
    ['app://fiches/assets/index-abc.js', 'text/javascript; charset=utf-8', 'export {};'],
    ['app://fiches/assets/pdf.worker.min-abc.mjs', 'text/javascript; charset=utf-8', 'export {};'],
    ['app://fiches/assets/index-abc.css', 'text/css; charset=utf-8', 'body {}'],
    ['app://fiches/assets/police.woff2', 'font/woff2', 'wOF2'],
    ['app://fiches/assets/sch%C3%A9ma%20%C3%A0%20jour.svg', 'image/svg+xml', '<svg/>'],
    ['app://fiches/assets/donn%C3%A9es.bin', 'application/octet-stream', 'x'],
  ])('serves %s as %s, with the CSP', async (url, type, body) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(type);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toBe(body);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://fiches/assets/index-abc.js', 'HEAD');
    expect([response.status, response.headers.get('Content-Length'), await response.text()]).toEqual([
      200,
      '10',
      '',
    ]);
  });

  it('refuses other methods', async () => {
    expect((await get('app://fiches/index.html', 'POST')).status).toBe(405);
  });
});

describe('nothing else', () => {
  it.each([
    'app://fiches/../secret.txt',
    'app://fiches/assets/../../secret.txt',
    'app://fiches/%2e%2e/secret.txt',
    'app://fiches/%2E%2E%2Fsecret.txt',
    'app://fiches/..%2fsecret.txt',
    'app://fiches/assets%2f..%2f..%2fsecret.txt',
    'app://fiches/..%5csecret.txt',
    'app://fiches/assets/..%5c..%5csecret.txt',
    'app://fiches/index.html%00.js',
    'app://fiches//etc/passwd',
    'app://fiches/C:%5cWindows%5cwin.ini',
    'app://fiches/%',
    'app://fiches/assets/lien.js',
    'app://fiches/dehors/secret.txt',
    'app://fiches/assets',
    'app://fiches/assets/sub',
    'app://fiches/absent.js',
    'app://print/index.html',
    'app://fiches.evil.example/index.html',
    'app://fiches:8080/index.html',
  ])('answers 404 to %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
  });

  it('refuses a raw path that was never normalised', async () => {
    // Chromium and undici normalise dot segments; the handler does not rely on it.
    const raw = { method: 'GET', url: 'app://fiches/../../secret.txt' } as Request;
    expect((await rendererResponse(renderer, raw)).status).toBe(404);
  });
});

describe('the built renderer, as the window loads it', () => {
  const built = path.join(findAppRoot(), 'dist', 'renderer');

  beforeAll(() => serveRenderer(built));

  it('serves the page, every script and stylesheet it names, and the PDF.js worker as JavaScript', async () => {
    const page = await protocol.fetch(RENDERER_URL);
    expect(page.status).toBe(200);
    const html = await page.text();
    const linked = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((match) => match[1] ?? '');
    const workers = (await readdir(path.join(built, 'assets'))).filter((name) =>
      /^pdf\.worker.*\.mjs$/.test(name),
    );
    expect(linked.length).toBeGreaterThanOrEqual(2);
    expect(workers).toHaveLength(1);
    for (const file of [...linked, ...workers.map((name) => `assets/${name}`)]) {
      const response = await protocol.fetch(`app://fiches/${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('Content-Type'), file).toMatch(/^text\/(javascript|css); charset=utf-8$/);
      const same = Buffer.from(await response.arrayBuffer()).equals(await readFile(path.join(built, file)));
      expect(same, `${file} is the built file`).toBe(true);
    }
  });
});
