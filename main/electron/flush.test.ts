import { describe, expect, it, vi } from 'vitest';
import { FLUSH_CHANNEL, FLUSHED_CHANNEL } from './channels.js';
import { requestFlush } from './flush.js';
import { FakeWebContents, ipcMain, session } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

/** Main asks the page to save and waits for its answer: from that page, to that request, or not for long. */

const page = () => new FakeWebContents(session.defaultSession);
const asFake = (contents: FakeWebContents) => contents as unknown as Parameters<typeof requestFlush>[0];

describe('requestFlush', () => {
  it('waits for the page’s answer to this very request', async () => {
    const contents = page();
    const other = page();
    let done = false;
    const flushing = requestFlush(asFake(contents), 10_000).then(() => (done = true));
    const [[channel, id]] = contents.sent as [[string, number]];
    expect(channel).toBe(FLUSH_CHANNEL);
    ipcMain.emit(FLUSHED_CHANNEL, { sender: other }, id);
    ipcMain.emit(FLUSHED_CHANNEL, { sender: contents }, id + 1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(done).toBe(false);
    ipcMain.emit(FLUSHED_CHANNEL, { sender: contents }, id);
    await flushing;
    expect(ipcMain.listenerCount(FLUSHED_CHANNEL)).toBe(0);
  });

  it('gives up after its timeout: a hung page does not keep the app from quitting', async () => {
    const contents = page();
    await requestFlush(asFake(contents), 20);
    expect(contents.sent).toHaveLength(1);
    expect(ipcMain.listenerCount(FLUSHED_CHANNEL)).toBe(0);
  });

  it('asks nothing of a page that is gone', async () => {
    const contents = page();
    contents.destroyed = true;
    await requestFlush(asFake(contents), 10_000);
    expect(contents.sent).toEqual([]);
  });
});
