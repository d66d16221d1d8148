import { ipcMain, type IpcMainEvent, type WebContents } from 'electron';
import { FLUSH_CHANNEL, FLUSHED_CHANNEL } from './channels.js';

const FLUSH_TIMEOUT_MS = 3_000;
let lastRequestId = 0;

/**
 * Asks the renderer to save what its autosave still holds, before the repository is
 * closed or switched, and waits for its answer. A renderer that hangs or has crashed
 * must not keep the app from quitting, hence the timeout.
 */
export function requestFlush(contents: WebContents, timeoutMs = FLUSH_TIMEOUT_MS): Promise<void> {
  if (contents.isDestroyed() || contents.isCrashed()) return Promise.resolve();
  const id = ++lastRequestId;
  return new Promise((resolve) => {
    const onFlushed = (event: IpcMainEvent, answeredId: unknown) => {
      if (event.sender === contents && answeredId === id) done();
    };
    const done = () => {
      clearTimeout(timer);
      ipcMain.off(FLUSHED_CHANNEL, onFlushed);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    ipcMain.on(FLUSHED_CHANNEL, onFlushed);
    contents.send(FLUSH_CHANNEL, id);
  });
}
