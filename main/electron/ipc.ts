import { ipcMain, type WebFrameMain } from 'electron';
import { dispatch, type Handlers } from '../../shared/api/dispatch.js';
import { fail } from '../../shared/result.js';
import { fr } from '../services/french.js';
import { isRendererPage } from './app-scheme.js';
import { INVOKE_CHANNEL } from './channels.js';

export interface InvokeOptions {
  handlers: Handlers;
  /** The main frame of our window, looked up per call: the window may be recreated. */
  mainFrame: () => WebFrameMain | undefined;
  onInternalError: (error: unknown) => void;
}

function isTrustedSender(frame: WebFrameMain | null, options: InvokeOptions): boolean {
  const main = options.mainFrame();
  return (
    frame !== null &&
    main !== undefined &&
    frame.processId === main.processId &&
    frame.routingId === main.routingId &&
    isRendererPage(frame.url)
  );
}

/**
 * The only IPC entry point: a call from anything but our window's own page (an iframe,
 * a page it was navigated to, another renderer process) is refused before its request
 * is even parsed.
 */
export function registerInvokeHandler(options: InvokeOptions): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, name: unknown, request: unknown) => {
    if (!isTrustedSender(event.senderFrame, options)) {
      return fail('forbidden', fr`Accès refusé : cette page n’est pas celle de Fiches.`);
    }
    return dispatch(options.handlers, name, request, options.onInternalError);
  });
}
