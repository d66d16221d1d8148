import { ipcMain, type WebFrameMain } from 'electron';
import { fileURLToPath } from 'node:url';
import { dispatch, type Handlers } from '../../shared/api/dispatch.js';
import { fail } from '../../shared/result.js';
import { fr } from '../services/french.js';
import { INVOKE_CHANNEL } from './channels.js';

export interface InvokeOptions {
  handlers: Handlers;
  /** The main frame of our window, looked up per call: the window may be recreated. */
  mainFrame: () => WebFrameMain | undefined;
  /** dist/renderer/index.html, the only page allowed to call. */
  rendererIndex: string;
  onInternalError: (error: unknown) => void;
}

function isRendererUrl(url: string, rendererIndex: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'file:') return false;
    const file = fileURLToPath(parsed);
    // Windows paths compare case-insensitively (the drive letter's case varies).
    return process.platform === 'win32'
      ? file.toLowerCase() === rendererIndex.toLowerCase()
      : file === rendererIndex;
  } catch {
    return false;
  }
}

function isTrustedSender(frame: WebFrameMain | null, options: InvokeOptions): boolean {
  const main = options.mainFrame();
  return (
    frame !== null &&
    main !== undefined &&
    frame.processId === main.processId &&
    frame.routingId === main.routingId &&
    isRendererUrl(frame.url, options.rendererIndex)
  );
}

/**
 * The only IPC entry point: a call from anything but our window's own page (an iframe,
 * a page it was navigated to) is refused before its request is even parsed.
 */
export function registerInvokeHandler(options: InvokeOptions): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, name: unknown, request: unknown) => {
    if (!isTrustedSender(event.senderFrame, options)) {
      return fail('forbidden', fr`Accès refusé : cette page n’est pas celle de Fiches.`);
    }
    return dispatch(options.handlers, name, request, options.onInternalError);
  });
}
