import type { IncomingMessage, ServerResponse } from 'node:http';
import { dispatch, type Handlers } from '../../shared/api/dispatch.js';
import { SESSION_EXPIRED } from '../../shared/api/web-auth.js';
import { fail, type ErrorCode, type Result } from '../../shared/result.js';
import { fr } from '../services/french.js';
import type { HostAuth } from './auth.js';

/** Large enough for a sheet full of pasted images (sent as data: URLs), small enough to refuse a flood. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface ApiContext {
  handlers: Handlers;
  auth: HostAuth;
  /** Our own origins (http://127.0.0.1:<port>, http://localhost:<port>). */
  origins: ReadonlySet<string>;
  onLog: (message: string) => void;
}

export function sendResult(res: ServerResponse, status: number, result: Result<unknown>): void {
  const body = JSON.stringify(result);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function refuse(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendResult(res, status, fail(code, message));
}

function isJsonContentType(value: string | undefined): boolean {
  return value?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** Resolves undefined once the body exceeded the limit (the rest is not read). */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function refuseTooLarge(res: ServerResponse): void {
  // The client may still be sending: close the connection rather than drain 32 MB more.
  res.setHeader('Connection', 'close');
  refuse(res, 413, 'invalid-request', fr`Requête trop volumineuse : 32\u00a0Mo au plus.`);
}

/** A browser names the page's origin: refused unless it is ours. False when it answered the refusal. */
export function checkOrigin(
  req: IncomingMessage,
  res: ServerResponse,
  origins: ReadonlySet<string>,
): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && !origins.has(origin)) {
    refuse(res, 403, 'forbidden', fr`Accès refusé : la requête vient d’un autre site.`);
    return false;
  }
  return true;
}

/**
 * POST with a JSON body, which another site cannot send without a preflight we never
 * answer. False when it answered the refusal.
 */
export function checkJsonPost(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    refuse(res, 405, 'invalid-request', fr`Méthode non autorisée : l’API n’accepte que POST.`);
    return false;
  }
  if (!isJsonContentType(req.headers['content-type'])) {
    refuse(res, 415, 'invalid-request', 'Le corps de la requête doit être du JSON (application/json).');
    return false;
  }
  return true;
}

/**
 * POST /api/<name>. The checks come before any parsing, cheapest first; together they
 * make sure only a page holding the user's key, talking to this launch, can call: another
 * site cannot read the key (it is in the URL fragment, never sent), cannot pass the Origin
 * check, and a session copied from the wire is worth nothing to another launch or origin
 * (shared/api/web-auth.ts).
 */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  rawName: string,
  origin: string,
  context: ApiContext,
): Promise<void> {
  if (!checkOrigin(req, res, context.origins)) return;
  if (!context.auth.isSession(origin, req.headers['x-fiches-session'])) {
    sendResult(
      res,
      401,
      fail(
        'forbidden',
        fr`Accès refusé : cette page n’est pas (ou plus) identifiée auprès de Fiches. Ouvrez Fiches avec l’adresse complète affichée au lancement.`,
        { reason: SESSION_EXPIRED },
      ),
    );
    return;
  }
  if (!checkJsonPost(req, res)) return;
  const declaredLength = Number(req.headers['content-length'] ?? 0);
  if (declaredLength > MAX_BODY_BYTES) {
    refuseTooLarge(res);
    return;
  }
  const body = await readBody(req);
  if (body === undefined) {
    refuseTooLarge(res);
    return;
  }
  let request: unknown;
  try {
    request = JSON.parse(body.toString('utf8'));
  } catch {
    refuse(res, 400, 'invalid-request', 'Le corps de la requête n’est pas du JSON valide.');
    return;
  }
  let name: string;
  try {
    name = decodeURIComponent(rawName);
  } catch {
    name = rawName;
  }
  const result = await dispatch(context.handlers, name, request, (error) =>
    context.onLog(fr`Erreur inattendue dans ${name} : ${(error as Error)?.stack ?? String(error)}`),
  );
  sendResult(res, 200, result);
}
