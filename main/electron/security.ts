import { app, session, shell } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../host/csp.js';
import { externalLinkTarget } from './links.js';

/**
 * Applied before any window exists, to every web contents the app will ever create:
 * no navigation away from our page, no new windows (safe links go to the system
 * browser instead), no <webview>, no permission (camera, notifications…) granted.
 */
export function hardenApp(): void {
  const defaultSession = session.defaultSession;
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  // The renderer also carries the policy in a <meta> tag: older Electrons gave file:// no headers hook.
  defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const target = externalLinkTarget(url);
      if (target !== undefined) void shell.openExternal(target);
      return { action: 'deny' };
    });
  });
}
