import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL, bridgeMembers, type FichesBridge } from '../../shared/api/bridge.js';
import { FLUSH_CHANNEL, FLUSHED_CHANNEL, INVOKE_CHANNEL, MENU_CHANNEL } from './channels.js';
import { contextBridge, FakeEvent, ipcRenderer } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

/** The preload as the page sees it: what it exposes, and what it passes to main and back. */

let bridge: FichesBridge;

beforeAll(async () => {
  await import('./preload.js');
  bridge = contextBridge.exposed.get(BRIDGE_GLOBAL) as FichesBridge;
});

beforeEach(() => {
  ipcRenderer.send.mockClear();
  ipcRenderer.invoke.mockClear();
});

/** Lets the preload's pending callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the surface', () => {
  it('exposes the bridge declared in shared/api, as window.fiches, and nothing else', () => {
    expect([...contextBridge.exposed.keys()]).toEqual([BRIDGE_GLOBAL]);
    expect(Object.keys(bridge).sort()).toEqual([...bridgeMembers].sort());
    for (const member of bridgeMembers) expect(typeof bridge[member], member).toBe('function');
  });
});

describe('invoke', () => {
  it('passes an operation of the contract to main and answers what main answers', async () => {
    const answer = await bridge.invoke('sheets:get', { id: 'big-data' });
    expect(ipcRenderer.invoke.mock.calls).toEqual([[INVOKE_CHANNEL, 'sheets:get', { id: 'big-data' }]]);
    expect(answer).toEqual({ ok: true, value: 'answered by main' });
  });

  it.each([
    'fs:readFile',
    '__proto__',
    'constructor',
    'toString',
    'SHEETS:GET',
    '',
    42,
    undefined,
    { toString: () => 'sheets:get' },
  ])('refuses %j without asking main', async (name) => {
    const answer = await bridge.invoke(name as string, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });
});

describe('flush requests', () => {
  it('runs the page’s callback, then answers main with the request’s id', async () => {
    const order: string[] = [];
    ipcRenderer.send.mockImplementation(() => order.push('answered'));
    bridge.onFlushRequest(async () => {
      await settle();
      order.push('saved');
    });
    ipcRenderer.emit(FLUSH_CHANNEL, new FakeEvent(), 7);
    await settle();
    await settle();
    expect(order).toEqual(['saved', 'answered']);
    expect(ipcRenderer.send.mock.calls).toEqual([[FLUSHED_CHANNEL, 7]]);
  });

  it('answers even when the callback fails, or when nobody listens any more', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const unsubscribe = bridge.onFlushRequest(() => Promise.reject(new Error('disque plein')));
    ipcRenderer.emit(FLUSH_CHANNEL, new FakeEvent(), 8);
    await settle();
    unsubscribe();
    ipcRenderer.emit(FLUSH_CHANNEL, new FakeEvent(), 9);
    await settle();
    expect(ipcRenderer.send.mock.calls).toEqual([
      [FLUSHED_CHANNEL, 8],
      [FLUSHED_CHANNEL, 9],
    ]);
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });

  it('keeps the latest callback: an older unsubscribe does not remove a newer one', async () => {
    const first = vi.fn(async () => undefined);
    const second = vi.fn(async () => undefined);
    const unsubscribeFirst = bridge.onFlushRequest(first);
    bridge.onFlushRequest(second);
    unsubscribeFirst();
    ipcRenderer.emit(FLUSH_CHANNEL, new FakeEvent(), 10);
    await settle();
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([0, 1]);
  });
});

describe('menu commands', () => {
  it('gives the page the menu’s known commands, and drops anything else', () => {
    const received: string[] = [];
    const unsubscribe = bridge.onMenuCommand((command) => received.push(command));
    for (const command of ['export:docx', 'export:pdf', 'export:exe', 'fs:rm', 42, null]) {
      ipcRenderer.emit(MENU_CHANNEL, new FakeEvent(), command);
    }
    unsubscribe();
    ipcRenderer.emit(MENU_CHANNEL, new FakeEvent(), 'export:docx');
    expect(received).toEqual(['export:docx', 'export:pdf']);
  });
});
