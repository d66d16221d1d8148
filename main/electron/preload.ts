import { contextBridge, ipcRenderer } from 'electron';
import {
  BRIDGE_GLOBAL,
  isMenuCommand,
  type FichesBridge,
  type MenuCommand,
} from '../../shared/api/bridge.js';
import { isOpName } from '../../shared/api/contract.js';
import { fail } from '../../shared/result.js';
import { FLUSH_CHANNEL, FLUSHED_CHANNEL, INVOKE_CHANNEL, MENU_CHANNEL } from './channels.js';

/**
 * The whole surface the renderer gets, the bridge declared in shared/api: `invoke` for the
 * contract's operations and nothing else, and two hooks (save before the app closes or
 * switches repository; the menu's commands). Bundled by esbuild into one CommonJS file
 * because a sandboxed preload cannot load modules of its own.
 */
let flushCallback: (() => Promise<unknown>) | undefined;
let menuCallback: ((command: MenuCommand) => void) | undefined;

ipcRenderer.on(MENU_CHANNEL, (_event, command: unknown) => {
  if (isMenuCommand(command)) menuCallback?.(command);
});

ipcRenderer.on(FLUSH_CHANNEL, (_event, id: unknown) => {
  void (async () => {
    try {
      await flushCallback?.();
    } catch (error) {
      // The page shows its own save error; main only needs to know it may go on.
      console.error('fiches: flush failed', error);
    } finally {
      ipcRenderer.send(FLUSHED_CHANNEL, id);
    }
  })();
});

const bridge = {
  invoke(name, request) {
    if (!isOpName(name)) {
      return Promise.resolve(fail('forbidden', `Opération inconnue\u00a0: ${String(name).slice(0, 80)}.`));
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, name, request);
  },
  onFlushRequest(callback) {
    flushCallback = callback;
    return () => {
      if (flushCallback === callback) flushCallback = undefined;
    };
  },
  onMenuCommand(callback) {
    menuCallback = callback;
    return () => {
      if (menuCallback === callback) menuCallback = undefined;
    };
  },
} satisfies FichesBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
