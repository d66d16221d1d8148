import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../shared/api/dispatch.js';
import { INVOKE_CHANNEL } from './channels.js';
import { registerInvokeHandler } from './ipc.js';
import { FakeFrame, ipcMain } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

/** The one IPC entry point, called as Electron calls it: with the frame that sent the message. */

const window = {
  mainFrame: new FakeFrame('app://fiches/index.html#/fiche/big-data', 4, 1) as FakeFrame | undefined,
};
const internalErrors: unknown[] = [];
const answered = vi.fn(async () => ({ host: 'electron', version: '1.0.0', canChooseRepository: true }));

beforeAll(() => {
  registerInvokeHandler({
    handlers: { 'app:info': answered } as unknown as Handlers,
    mainFrame: () => window.mainFrame as never,
    onInternalError: (error) => internalErrors.push(error),
  });
});

const invoke = (frame: FakeFrame | null, name: unknown, request: unknown = {}) =>
  ipcMain.invokeFrom(frame, INVOKE_CHANNEL, name, request);

describe('the sender check', () => {
  it('answers our window’s own page, whatever its route', async () => {
    answered.mockClear();
    for (const url of [
      'app://fiches/index.html',
      'app://fiches/index.html#/fiche/big-data',
      'app://fiches/index.html#/',
    ]) {
      const frame = new FakeFrame(url, 4, 1);
      expect(await invoke(frame, 'app:info'), url).toMatchObject({ ok: true, value: { host: 'electron' } });
    }
    expect(answered).toHaveBeenCalledTimes(3);
  });

  it.each([
    ['an iframe of the page', new FakeFrame('app://fiches/index.html', 4, 2)],
    ['another renderer process', new FakeFrame('app://fiches/index.html', 5, 1)],
    [
      'a page loaded from file:',
      new FakeFrame('file:///opt/Fiches/resources/app.asar/dist/renderer/index.html', 4, 1),
    ],
    ['a web page', new FakeFrame('https://evil.example/index.html', 4, 1)],
    ['another page of ours', new FakeFrame('app://fiches/assets/pdf.worker.min.mjs', 4, 1)],
    ['another host of our scheme', new FakeFrame('app://print/index.html', 4, 1)],
    ['a look-alike', new FakeFrame('app://fiches.evil.example/index.html', 4, 1)],
    ['a page with credentials in its address', new FakeFrame('app://user@fiches/index.html', 4, 1)],
    ['a page with a query', new FakeFrame('app://fiches/index.html?x=1', 4, 1)],
    ['no frame (it went away)', null],
  ])('refuses %s before the request is even parsed', async (_what, frame) => {
    answered.mockClear();
    expect(await invoke(frame, 'app:info')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke(frame, 'not-an-operation')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(answered).not.toHaveBeenCalled();
  });

  it('refuses everyone while there is no window', async () => {
    const saved = window.mainFrame;
    window.mainFrame = undefined;
    try {
      expect(await invoke(new FakeFrame('app://fiches/index.html', 4, 1), 'app:info')).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    } finally {
      window.mainFrame = saved;
    }
  });
});

describe('what the page asks', () => {
  const page = () => new FakeFrame('app://fiches/index.html', 4, 1);

  it('is checked against the contract', async () => {
    expect(await invoke(page(), 'fs:readFile', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(await invoke(page(), 'app:info', { extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('gets a Result even when the handler throws, and main logs the cause', async () => {
    answered.mockRejectedValueOnce(new Error('boom'));
    expect(await invoke(page(), 'app:info')).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(internalErrors).toHaveLength(1);
  });
});
