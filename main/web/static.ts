import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fr } from '../services/french.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function sendText(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  head: boolean,
): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(head ? undefined : body);
}

function notFound(res: ServerResponse, head: boolean): void {
  sendText(res, 404, 'text/plain; charset=utf-8', 'Introuvable.', head);
}

function notBuiltPage(rendererDir: string): string {
  return fr`<!doctype html>
<html lang="fr">
<meta charset="utf-8">
<title>Fiches : interface non construite</title>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
<h1>L’interface de Fiches n’est pas construite</h1>
<p>Le dossier <code>${escapeHtml(rendererDir)}</code> ne contient pas <code>index.html</code>.</p>
<p>Dans le dossier de Fiches, lancez <code>npm run build</code>, puis rechargez cette page.</p>
</body>
</html>
`;
}

/**
 * Maps a raw request path to path segments, refusing anything that could name a file
 * outside the folder once decoded: dot segments (plain or percent-encoded), encoded
 * slashes, backslashes and null bytes. Undefined means "refuse".
 */
export function safeSegments(rawPath: string): string[] | undefined {
  const segments: string[] = [];
  for (const raw of rawPath.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment) || segment.includes(':')) {
      return undefined;
    }
    if (segment !== '') segments.push(segment);
  }
  return segments;
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

async function fileIn(root: string, segments: string[]): Promise<{ file: string; size: number } | undefined> {
  try {
    const realRoot = await realpath(root);
    // Symbolic links inside the folder must not lead out of it either.
    const file = await realpath(path.join(realRoot, ...segments));
    if (!isInside(realRoot, file)) return undefined;
    const info = await stat(file);
    return info.isFile() ? { file, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}

/** GET and HEAD of the built renderer: files from rendererDir only, index.html for "/". */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  rendererDir: string,
): Promise<void> {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) {
    res.setHeader('Allow', 'GET, HEAD');
    sendText(res, 405, 'text/plain; charset=utf-8', 'Méthode non autorisée.', false);
    return;
  }
  const rawPath = (req.url ?? '/').split(/[?#]/)[0] ?? '/';
  const segments = safeSegments(rawPath);
  if (segments === undefined) {
    notFound(res, head);
    return;
  }
  const found = await fileIn(rendererDir, segments.length === 0 ? ['index.html'] : segments);
  if (found === undefined) {
    if ((await fileIn(rendererDir, ['index.html'])) === undefined) {
      sendText(res, 503, 'text/html; charset=utf-8', notBuiltPage(rendererDir), head);
    } else {
      notFound(res, head);
    }
    return;
  }
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': found.size,
    'Cache-Control': 'no-cache',
  });
  if (head) {
    res.end();
    return;
  }
  createReadStream(found.file)
    .on('error', () => res.destroy())
    .pipe(res);
}
