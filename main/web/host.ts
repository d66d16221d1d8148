import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Handlers } from '../../shared/api/dispatch.js';
import { fail } from '../../shared/result.js';
import { fr } from '../services/french.js';
import { handleApi, sendResult } from './api.js';
import { setSecurityHeaders } from './headers.js';
import { serveStatic } from './static.js';

export interface WebHostOptions {
  handlers: Handlers;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Where to report what the user of the page cannot see: unexpected errors, a missing build. */
  onLog?: (message: string) => void;
}

export interface WebHost {
  /** The address to open, token included (in the fragment, so it never reaches a server or a log). */
  url: string;
  token: string;
  close(): Promise<void>;
}

const API_PREFIX = '/api/';

/**
 * The browser host: the renderer and the API on 127.0.0.1 only. Every request must name
 * us in its Host header, so a page from a DNS-rebound domain pointing at 127.0.0.1 gets
 * nothing, not even the static files.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const onLog = options.onLog ?? (() => {});
  const token = randomBytes(32).toString('base64url');
  let hosts: ReadonlySet<string> = new Set();
  let origins: ReadonlySet<string> = new Set();

  if (!existsSync(path.join(options.rendererDir, 'index.html'))) {
    onLog(
      fr`L’interface n’est pas construite (${options.rendererDir} est absent ou incomplet) : lancez « npm run build ».`,
    );
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    setSecurityHeaders(res);
    const isApi = (req.url ?? '').startsWith(API_PREFIX);
    if (!hosts.has((req.headers.host ?? '').toLowerCase())) {
      const message = fr`Accès refusé : adresse d’hôte inattendue.`;
      if (isApi) {
        sendResult(res, 403, fail('forbidden', message));
      } else {
        res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(message);
      }
      return;
    }
    if (isApi) {
      const rawName = (req.url ?? '').slice(API_PREFIX.length).split(/[?#]/)[0] ?? '';
      await handleApi(req, res, rawName, { handlers: options.handlers, token, origins, onLog });
    } else {
      await serveStatic(req, res, options.rendererDir);
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      onLog(fr`Erreur du serveur : ${(error as Error)?.stack ?? String(error)}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
