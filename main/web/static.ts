import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentTypeOf, fileIn, safeSegments } from '../host/static-files.js';
import { fr } from '../services/french.js';

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
    'Content-Type': contentTypeOf(found.file),
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
