import { protocol } from 'electron';

/**
 * The desktop app's own scheme: the renderer is `app://fiches/index.html`, served from the
 * built renderer folder, and the printer's documents are `app://print/<id>.html`, served
 * from memory in the printer's session. Pages get a real origin (`app://fiches`) instead
 * of file://'s opaque one, so the page, its modules and the PDF.js worker are same-origin
 * under the CSP's 'self', and file: needs no privilege of Electron's (the
 * grantFileProtocolExtraPrivileges fuse is off).
 */
export const APP_SCHEME = 'app';
export const RENDERER_HOST = 'fiches';
export const PRINT_HOST = 'print';
export const RENDERER_URL = `${APP_SCHEME}://${RENDERER_HOST}/index.html`;

/**
 * Before the app is ready, and once: Electron keeps only the last call. Standard (origin,
 * relative URLs), secure (a secure context, as https), fetch and CORS-mode requests
 * (module scripts, the PDF.js module worker), V8 code cache for a faster start.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

/** The URL parsed, when it is one of ours on `host`. */
export function appUrl(url: string, host: string): URL | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const plain = parsed.username === '' && parsed.password === '' && parsed.port === '';
  return parsed.protocol === `${APP_SCHEME}:` && parsed.hostname === host && plain ? parsed : undefined;
}

/** The renderer's page, on any route (routes are in the fragment); nothing else of ours. */
export function isRendererPage(url: string): boolean {
  const parsed = appUrl(url, RENDERER_HOST);
  return parsed !== undefined && parsed.pathname === '/index.html' && parsed.search === '';
}
