import { app, session, shell, type Session, type WebContents } from 'electron';
import { externalLinkTarget } from './links.js';

/**
 * Nothing the page can ask for is granted: no permission (camera, notifications,
 * clipboard…), no device (HID, USB, serial, whether asked for or already known), no
 * screen capture. Device pickers get no listener: Electron then cancels them itself.
 */
export function denyPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
  target.setDisplayMediaRequestHandler((_request, callback) => callback(null));
}

/**
 * No navigation away from the page it loaded, in any frame; no new window (safe links go
 * to the system's browser instead); no <webview>.
 */
function confine(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  // will-navigate only sees the main frame; this one sees every frame, iframes included.
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const target = externalLinkTarget(url);
    if (target !== undefined) void shell.openExternal(target);
    return { action: 'deny' };
  });
}

/** Applied before any window exists, to the default session and every web contents the app creates. */
export function hardenApp(): void {
  // The renderer's Content-Security-Policy comes with its files (renderer-protocol.ts).
  denyPermissions(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => confine(contents));
}
