import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeHandlers } from '../host/handlers.js';
import { openRepository, type RepositorySession } from '../services/index.js';
import { HELLO_PATH, SESSION_HEADER, shakeHands } from '../../shared/api/web-auth.js';
import { MAX_BODY_BYTES } from './api.js';
import { browserAppHandlers } from './app-handlers.js';
import { startWebHost, type WebHost } from './host.js';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Raw HTTP, because fetch() would normalise the paths and refuse to set Host. */
function send(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

let root: string;
let session: RepositorySession;
let host: WebHost;
let port: number;
/** The session header of a page of http://127.0.0.1:<port>, after its handshake. */
let pageSession: Record<string, string>;
const logs: string[] = [];

/** A page's handshake with the host on `hostPort`, as `hostName` names it, holding `key`. */
async function handshake(hostPort: number, key: string, hostName = '127.0.0.1') {
  return shakeHands(key, `http://${hostName}:${hostPort}`, async (body) => {
    const answer = await send(hostPort, {
      method: 'POST',
      path: HELLO_PATH,
      headers: { Host: `${hostName}:${hostPort}`, 'Content-Type': 'application/json' },
      body,
    });
    return JSON.parse(answer.body) as unknown;
  });
}

async function sessionOf(hostPort: number, key: string, hostName?: string): Promise<Record<string, string>> {
  const outcome = await handshake(hostPort, key, hostName);
  if (!outcome.ok) throw new Error(`handshake failed: ${outcome.reason}`);
  return { [SESSION_HEADER]: outcome.session };
}

function api(name: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  return send(port, {
    method: 'POST',
    path: `/api/${name}`,
    headers: {
      Host: `127.0.0.1:${port}`,
      'Content-Type': 'application/json',
      ...pageSession,
      ...headers,
    },
    body,
  });
}

function errorCodeOf(answer: Answer): unknown {
  return (JSON.parse(answer.body) as { error?: { code?: unknown } }).error?.code;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'fiches-web-'));
  const rendererDir = path.join(root, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Fiches</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
  await writeFile(path.join(rendererDir, 'assets', 'app.css'), 'body{}');
  await writeFile(path.join(root, 'secret.txt'), 'SECRET');
  await symlink(path.join(root, 'secret.txt'), path.join(rendererDir, 'assets', 'link.js'));

  session = await openRepository(path.join(root, 'depot'), { create: 'if-missing' });
  host = await startWebHost({
    handlers: composeHandlers(() => session.handlers, browserAppHandlers('9.9.9')),
    rendererDir,
    port: 0,
    onLog: (message) => logs.push(message),
  });
  port = Number(new URL(host.url).port);
  pageSession = await sessionOf(port, host.token);
});

afterAll(async () => {
  await host?.close();
  await session?.close();
  await rm(root, { recursive: true, force: true });
});

describe('the address', () => {
  it('is on 127.0.0.1 with the token in the fragment only', () => {
    expect(host.url).toBe(`http://127.0.0.1:${port}/#token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('POST /api/<name>', () => {
  it('answers a Result from the real repository', async () => {
    const answer = await api('repository:overview', '{}');
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    const result = JSON.parse(answer.body) as { ok: boolean; value: { path: string; families: unknown[] } };
    expect(result.ok).toBe(true);
    expect(result.value.path).toBe(session.path);
    expect(result.value.families.length).toBeGreaterThan(0);
  });

  it('answers app:info as the browser host, and refuses repository:choose with the way to do it', async () => {
    expect(JSON.parse((await api('app:info', '{}')).body)).toEqual({
      ok: true,
      value: { host: 'browser', version: '9.9.9', canChooseRepository: false },
    });
    const choose = JSON.parse((await api('repository:choose', '{}')).body) as {
      error: { code: string; message: string };
    };
    expect(choose.error.code).toBe('unsupported');
    expect(choose.error.message).toContain('fiches serve --repo DOSSIER');
  });

  it('accepts localhost as Host and our own Origin, with a session for that origin', async () => {
    const answer = await api('app:info', '{}', {
      Host: `localhost:${port}`,
      Origin: `http://localhost:${port}`,
      ...(await sessionOf(port, host.token, 'localhost')),
    });
    expect(answer.status).toBe(200);
  });

  it('refuses a missing or wrong session (401: the page shakes hands again)', async () => {
    const missing = await send(port, {
      method: 'POST',
      path: '/api/repository:overview',
      headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(missing.status).toBe(401);
    expect(errorCodeOf(missing)).toBe('forbidden');
    expect(JSON.parse(missing.body)).toMatchObject({ error: { details: { reason: 'session-expired' } } });
    const wrong = await api('repository:overview', '{}', {
      [SESSION_HEADER]: `${pageSession[SESSION_HEADER]?.slice(1)}x`,
    });
    expect(wrong.status).toBe(401);
  });

  it('refuses the key itself: a page never sends it, so a copy from the wire is no use', async () => {
    const answer = await send(port, {
      method: 'POST',
      path: '/api/repository:overview',
      headers: {
        Host: `127.0.0.1:${port}`,
        'Content-Type': 'application/json',
        'X-Fiches-Token': host.token,
      },
      body: '{}',
    });
    expect(answer.status).toBe(401);
  });

  it('refuses a session made for another origin or another launch of the same key', async () => {
    const forLocalhost = await sessionOf(port, host.token, 'localhost');
    expect((await api('app:info', '{}', forLocalhost)).status).toBe(401);
    const other = await startWebHost({
      handlers: composeHandlers(() => session.handlers, browserAppHandlers('9.9.9')),
      rendererDir: path.join(root, 'renderer'),
      port: 0,
      key: host.token,
    });
    try {
      expect(other.url).toBe(`http://127.0.0.1:${other.port}/#token=${host.token}`);
      const otherSession = await sessionOf(other.port, host.token);
      expect((await api('app:info', '{}', otherSession)).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('proves at hello that it holds the key: a page with another key sees a wrong host', async () => {
    expect((await handshake(port, host.token)).ok).toBe(true);
    expect(await handshake(port, 'A'.repeat(43))).toEqual({ ok: false, reason: 'wrong-host' });
  });

  it('refuses a hello from another site, not JSON, or too long', async () => {
    const hello = (headers: Record<string, string>, body: string) =>
      send(port, {
        method: 'POST',
        path: HELLO_PATH,
        headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', ...headers },
        body,
      });
    const nonce = JSON.stringify({ nonce: 'n'.repeat(43) });
    expect((await hello({ Origin: 'http://evil.example' }, nonce)).status).toBe(403);
    expect((await hello({ 'Content-Type': 'text/plain' }, nonce)).status).toBe(415);
    expect((await hello({}, '{"nonce":')).status).toBe(400);
    expect((await hello({}, JSON.stringify({ nonce: 'n'.repeat(5000) }))).status).toBe(400);
    expect((await hello({ Host: `evil.example:${port}` }, nonce)).status).toBe(403);
  });

  it('refuses another Host (DNS rebinding), on the API and the static files', async () => {
    const rebound = await api('repository:overview', '{}', { Host: `evil.example:${port}` });
    expect(rebound.status).toBe(403);
    expect(errorCodeOf(rebound)).toBe('forbidden');
    const otherPort = await api('repository:overview', '{}', { Host: `127.0.0.1:${port + 1}` });
    expect(otherPort.status).toBe(403);
    const page = await send(port, { path: '/', headers: { Host: `evil.example:${port}` } });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain('<title>Fiches</title>');
  });

  it('refuses a foreign Origin, even with a right session', async () => {
    const answer = await api('repository:overview', '{}', { Origin: 'http://evil.example' });
    expect(answer.status).toBe(403);
    expect(errorCodeOf(answer)).toBe('forbidden');
    const opaque = await api('repository:overview', '{}', { Origin: 'null' });
    expect(opaque.status).toBe(403);
  });

  it('refuses other methods and content types', async () => {
    const get = await send(port, {
      path: '/api/repository:overview',
      headers: { Host: `127.0.0.1:${port}`, ...pageSession },
    });
    expect(get.status).toBe(405);
    const text = await api('repository:overview', '{}', { 'Content-Type': 'text/plain' });
    expect(text.status).toBe(415);
    expect(errorCodeOf(text)).toBe('invalid-request');
  });

  it('answers invalid-request for bad JSON, an unknown operation, a schema mismatch and a path in an id', async () => {
    const badJson = await api('repository:overview', '{"oops":');
    expect(badJson.status).toBe(400);
    expect(errorCodeOf(badJson)).toBe('invalid-request');
    expect(errorCodeOf(await api('files:read', '{}'))).toBe('invalid-request');
    expect(errorCodeOf(await api('sheets:get', '{"id":42}'))).toBe('invalid-request');
    expect(errorCodeOf(await api('sheets:get', '{"id":"../../repository"}'))).toBe('invalid-request');
    expect(errorCodeOf(await api('sheets:get', '{"id":"big-data","extra":true}'))).toBe('invalid-request');
  });

  it('refuses a body over 32 MB, declared or streamed', async () => {
    const huge = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
    const declared = await api('repository:overview', huge.toString());
    expect(declared.status).toBe(413);
    expect(errorCodeOf(declared)).toBe('invalid-request');

    const streamed = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/repository:overview',
          headers: {
            Host: `127.0.0.1:${port}`,
            'Content-Type': 'application/json',
            ...pageSession,
            'Transfer-Encoding': 'chunked',
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      for (let i = 0; i < 33; i++) req.write(chunk);
      req.end();
    });
    expect(streamed).toBe(413);

    // The host is still fine afterwards.
    expect((await api('app:info', '{}')).status).toBe(200);
  });
});

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
