import { contextBridge, ipcRenderer } from 'electron';
import { opNames } from '../../shared/api/contract.js';
import { fail } from '../../shared/result.js';
import { FLUSH_CHANNEL, FLUSHED_CHANNEL, INVOKE_CHANNEL, MENU_CHANNEL } from './channels.js';

/**
 * The whole surface the renderer gets: `invoke` for the contract's operations and
 * nothing else, and one hook to save before the app closes or switches repository.
 * Bundled by esbuild into one CommonJS file because a sandboxed preload cannot load
 * modules of its own.
 */
const allowed: ReadonlySet<string> = new Set(opNames);
let flushCallback: (() => unknown) | undefined;
let menuCallback: ((command: string) => unknown) | undefined;

ipcRenderer.on(MENU_CHANNEL, (_event, command: unknown) => {
  if (typeof command === 'string') menuCallback?.(command);
});

ipcRenderer.on(FLUSH_CHANNEL, (_event, id: unknown) => {
  void (async () => {
    try {
      await flushCallback?.();
    } finally {
      ipcRenderer.send(FLUSHED_CHANNEL, id);
    }
  })();
});

contextBridge.exposeInMainWorld('fiches', {
  invoke(name: unknown, request: unknown): Promise<unknown> {
    if (typeof name !== 'string' || !allowed.has(name)) {
      return Promise.resolve(fail('forbidden', `Opération inconnue\u00a0: ${String(name).slice(0, 80)}.`));
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, name, request);
  },
  /** One callback at a time (a later call replaces it); returns the unsubscribe function. */
  onFlushRequest(callback: () => unknown): () => void {
    flushCallback = callback;
    return () => {
      if (flushCallback === callback) flushCallback = undefined;
    };
  },
  /** The menu's commands for the page (Fichier › Exporter…); one callback at a time, like onFlushRequest. */
  onMenuCommand(callback: (command: string) => unknown): () => void {
    menuCallback = callback;
    return () => {
      if (menuCallback === callback) menuCallback = undefined;
    };
  },
});
