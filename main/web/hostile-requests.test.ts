import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeHandlers } from '../host/handlers.js';
import { openRepository, type RepositorySession } from '../services/index.js';
import { browserAppHandlers } from './app-handlers.js';
import { startWebHost, type WebHost } from './host.js';
import { sessionHeaders } from './testing/host-client.js';

/**
 * Requests built to bring the host down: nesting that would overflow a recursive parser,
 * attributes that would overflow every later walk of the sheet. Each gets a structured
 * answer, and the host keeps answering.
 */
let root: string;
let session: RepositorySession;
let host: WebHost;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'fiches-web-hostile-'));
  session = await openRepository(path.join(root, 'depot'), { create: 'if-missing' });
  host = await startWebHost({
    handlers: composeHandlers(() => session.handlers, browserAppHandlers('0.0.0-test')),
    rendererDir: path.join(root, 'renderer'),
    port: 0,
  });
});

afterAll(async () => {
  await host.close();
  await session.close();
  await rm(root, { recursive: true, force: true });
});

async function call(name: string, body: string): Promise<{ status: number; json: unknown }> {
  const origin = new URL(host.url).origin;
  const response = await fetch(new URL(`/api/${name}`, host.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(await sessionHeaders(origin, host.token)) },
    body,
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? undefined : JSON.parse(text) };
}

/** JSON text of a section whose paragraph lies `levels` blockquotes deep, built as text (no recursion). */
function deepSection(levels: number): string {
  const open = '{"type":"blockquote","content":['.repeat(levels);
  const close = ']}'.repeat(levels);
  return `{"type":"doc","content":[${open}{"type":"paragraph"}${close}]}`;
}

describe('the browser host facing hostile requests', () => {
  it.each([1_000, 100_000])('answers invalid-request as JSON to a section %i levels deep', async (levels) => {
    const body = `{"id":"big-data","patch":{"sections":{"passe":${deepSection(levels)}}}}`;
    const answer = await call('sheets:update', body);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(JSON.stringify(answer.json)).toMatch(/trop imbriqué/);
  });

  it('refuses a paragraph with 3,000-level attributes, and the sheet still records versions', async () => {
    const attrs = `${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}`;
    const section = `{"type":"doc","content":[{"type":"paragraph","attrs":{"style":${attrs}}}]}`;
    const statusOf = async () =>
      ((await call('sheets:get', '{"id":"big-data"}')).json as { value: { sheet: { status: string } } }).value
        .sheet.status;
    const before = await statusOf();
    const answer = await call(
      'sheets:update',
      `{"id":"big-data","patch":{"status":"published","sections":{"passe":${section}}}}`,
    );
    expect(answer.json).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const version = await call('history:recordVersion', '{"sheetId":"big-data","name":"Après"}');
    expect(version.json).toMatchObject({ ok: true });
    expect(await statusOf()).toBe(before);
  });

  it('refuses a javascript: link target', async () => {
    const link = '{"type":"link","attrs":{"href":"javascript:alert(document.domain)"}}';
    const section = `{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"x","marks":[${link}]}]}]}`;
    const answer = await call('sheets:update', `{"id":"big-data","patch":{"sections":{"passe":${section}}}}`);
    expect(answer.json).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('still answers afterwards', async () => {
    expect((await call('app:info', '{}')).json).toMatchObject({ ok: true });
  });
});
