import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { composeHandlers } from '../host/handlers.js';
import { openRepository, type RepositorySession } from '../services/index.js';
import { INVOKE_CHANNEL } from './channels.js';

/**
 * The desktop transport facing hostile requests. IPC carries objects, not JSON text: a
 * request can nest without limit or contain itself. Electron is replaced at the module
 * boundary; the handler registered on the invoke channel is called as Electron would.
 */
type Invoke = (event: unknown, name: unknown, request: unknown) => Promise<unknown>;
const registered = vi.hoisted(() => new Map<string, Invoke>());
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: Invoke) => registered.set(channel, handler) },
}));

const { registerInvokeHandler } = await import('./ipc.js');
const { RENDERER_URL } = await import('./app-scheme.js');

let root: string;
let session: RepositorySession;
const frame = { processId: 4, routingId: 1, url: RENDERER_URL };
const internalErrors: unknown[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'fiches-ipc-'));
  session = await openRepository(path.join(root, 'depot'), { create: 'if-missing' });
  const unused = () => Promise.reject(new Error('not under test'));
  registerInvokeHandler({
    handlers: composeHandlers(() => session.handlers, {
      'app:info': unused,
      'repository:choose': unused,
      'export:save': unused,
      'sync:join': unused,
      'sync:joinProgress': unused,
      'volume:save': unused,
    }),
    mainFrame: () => frame as never,
    onInternalError: (error) => internalErrors.push(error),
  });
});

afterAll(async () => {
  await session.close();
  await rm(root, { recursive: true, force: true });
});

const invoke = (name: string, request: unknown) =>
  (registered.get(INVOKE_CHANNEL) as Invoke)({ senderFrame: frame }, name, request);

function deepSection(levels: number): unknown {
  let node: unknown = { type: 'paragraph' };
  for (let i = 0; i < levels; i += 1) node = { type: 'blockquote', content: [node] };
  return { type: 'doc', content: [node] };
}

describe('the IPC handler facing hostile requests', () => {
  it.each([1_000, 100_000])('answers invalid-request to a section %i levels deep', async (levels) => {
    const answer = await invoke('sheets:update', {
      id: 'big-data',
      patch: { sections: { passe: deepSection(levels) } },
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('answers invalid-request to a section that contains itself', async () => {
    const section: Record<string, unknown> = { type: 'doc' };
    section.content = [{ type: 'paragraph', content: [section] }];
    const answer = await invoke('sheets:update', { id: 'big-data', patch: { sections: { passe: section } } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('answers invalid-request to attributes 3,000 levels deep, and nothing reached the services', async () => {
    let style: unknown = 1;
    for (let i = 0; i < 3_000; i += 1) style = { a: style };
    const section = { type: 'doc', content: [{ type: 'paragraph', attrs: { style } }] };
    const answer = await invoke('sheets:update', { id: 'big-data', patch: { sections: { passe: section } } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(internalErrors).toEqual([]);
    expect(await invoke('history:recordVersion', { sheetId: 'big-data', name: 'Après' })).toMatchObject({
      ok: true,
    });
  });
});
