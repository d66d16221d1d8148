import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeHandlers } from '../host/handlers.js';
import type { RepositorySession } from '../services/index.js';
import { browserAppHandlers } from './app-handlers.js';
import { startWebHost } from './host.js';
import { send, sessionOf, type Answer } from './testing/raw-http.js';
import { startTestHost, type TestHost } from './testing/test-host.js';

/** The browser host’s static files, its answer without a built renderer, and an unexpected service error. */
let root: string;
let session: RepositorySession;
let port: number;
let logs: string[];
let fixture: TestHost;

beforeAll(async () => {
  fixture = await startTestHost();
  ({ root, session, port, logs } = fixture);
});
afterAll(() => fixture?.close());

function errorCodeOf(answer: Answer): unknown {
  return (JSON.parse(answer.body) as { error?: { code?: unknown } }).error?.code;
}

describe('static files', () => {
  it('serves index.html for / with the security headers', async () => {
    const answer = await send(port, { path: '/', headers: { Host: `127.0.0.1:${port}` } });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<title>Fiches</title>');
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = answer.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves assets with their content type, and HEAD without a body', async () => {
    const js = await send(port, { path: '/assets/app.js?v=1', headers: { Host: `127.0.0.1:${port}` } });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const css = await send(port, {
      method: 'HEAD',
      path: '/assets/app.css',
      headers: { Host: `127.0.0.1:${port}` },
    });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body).toBe('');
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/index.html%00.js',
    '/%00',
    '/%E0%A4%A',
    '/assets/link.js',
    '/assets',
    '/missing.js',
  ])('answers 404 to %s', async (requestPath) => {
    const answer = await send(port, { path: requestPath, headers: { Host: `127.0.0.1:${port}` } });
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain('SECRET');
  });

  it('refuses to write', async () => {
    const answer = await send(port, {
      method: 'PUT',
      path: '/index.html',
      headers: { Host: `127.0.0.1:${port}` },
    });
    expect(answer.status).toBe(405);
    expect(await readFile(path.join(root, 'renderer', 'index.html'), 'utf8')).toContain(
      '<title>Fiches</title>',
    );
  });
});

describe('without a built renderer', () => {
  it('says in French to run npm run build, and still answers the API', async () => {
    const messages: string[] = [];
    const bare = await startWebHost({
      handlers: composeHandlers(() => session.handlers, browserAppHandlers('9.9.9')),
      rendererDir: path.join(root, 'nowhere'),
      port: 0,
      onLog: (message) => messages.push(message),
    });
    try {
      const barePort = Number(new URL(bare.url).port);
      const page = await send(barePort, { path: '/', headers: { Host: `127.0.0.1:${barePort}` } });
      expect(page.status).toBe(503);
      expect(page.body).toContain('npm run build');
      expect(page.body).toContain('n’est pas construite');
      expect(messages.join('\n')).toContain('npm run build');
      const info = await send(barePort, {
        method: 'POST',
        path: '/api/app:info',
        headers: {
          Host: `127.0.0.1:${barePort}`,
          'Content-Type': 'application/json',
          ...(await sessionOf(barePort, bare.token)),
        },
        body: '{}',
      });
      expect(info.status).toBe(200);
    } finally {
      await bare.close();
    }
  });
});

describe('an unexpected error in a service', () => {
  it('answers internal to the page and logs the details for the terminal', async () => {
    const messages: string[] = [];
    const failing = await startWebHost({
      handlers: composeHandlers(
        () => ({
          ...session.handlers,
          'repository:overview': async () => {
            throw new Error('disque débranché');
          },
        }),
        browserAppHandlers('9.9.9'),
      ),
      rendererDir: path.join(root, 'renderer'),
      port: 0,
      onLog: (message) => messages.push(message),
    });
    try {
      const failingPort = Number(new URL(failing.url).port);
      const answer = await send(failingPort, {
        method: 'POST',
        path: '/api/repository:overview',
        headers: {
          Host: `127.0.0.1:${failingPort}`,
          'Content-Type': 'application/json',
          ...(await sessionOf(failingPort, failing.token)),
        },
        body: '{}',
      });
      expect(answer.status).toBe(200);
      expect(errorCodeOf(answer)).toBe('internal');
      expect(messages.join('\n')).toContain('disque débranché');
      expect(logs).toEqual([]);
    } finally {
      await failing.close();
    }
  });
});
