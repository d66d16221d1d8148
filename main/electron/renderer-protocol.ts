import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY } from '../host/csp.js';
import { contentTypeOf, fileIn, safeSegments } from '../host/static-files.js';
import { APP_SCHEME, appUrl, RENDERER_HOST } from './app-scheme.js';

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

function refusal(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * The answer of `app://fiches/…`: a file of the built renderer (index.html for "/"), with
 * its type and the renderer's CSP, or 404 for anything else: another host, a path out of
 * the folder (dot segments, encoded slashes, links), a folder, a missing file.
 */
export async function rendererResponse(rendererDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Méthode non autorisée.');
  const url = appUrl(request.url, RENDERER_HOST);
  const segments = url && safeSegments(url.pathname);
  const found = segments && (await fileIn(rendererDir, segments.length === 0 ? ['index.html'] : segments));
  if (!found) return refusal(404, 'Introuvable.');
  return new Response(request.method === 'HEAD' ? null : await readFile(found.file), {
    status: 200,
    headers: {
      ...SECURITY_HEADERS,
      'Content-Type': contentTypeOf(found.file),
      'Content-Length': String(found.size),
    },
  });
}

/** The default session (the window's) answers `app:` with the built renderer. After ready. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(rendererDir, request));
}
