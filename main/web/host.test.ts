import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELLO_PATH, SESSION_HEADER } from '../../shared/api/web-auth.js';
import { composeHandlers } from '../host/handlers.js';
import type { RepositorySession } from '../services/index.js';
import { MAX_BODY_BYTES } from './api.js';
import { browserAppHandlers } from './app-handlers.js';
import { startWebHost, type WebHost } from './host.js';
import { handshake, send, sessionOf, type Answer } from './testing/raw-http.js';
import { startTestHost, type TestHost } from './testing/test-host.js';

/** The browser host’s address and API: sessions, Host and Origin checks, request bodies. */
let root: string;
let session: RepositorySession;
let host: WebHost;
let port: number;
/** The session header of a page of http://127.0.0.1:<port>, after its handshake. */
let pageSession: Record<string, string>;
let fixture: TestHost;

beforeAll(async () => {
  fixture = await startTestHost();
  ({ root, session, host, port, pageSession } = fixture);
});
afterAll(() => fixture?.close());

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
