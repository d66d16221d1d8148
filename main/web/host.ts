import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Handlers } from '../../shared/api/dispatch.js';
import { HELLO_PATH } from '../../shared/api/web-auth.js';
import { fail } from '../../shared/result.js';
import { fr } from '../services/french.js';
import { handleApi, sendResult } from './api.js';
import { handleHello, HostAuth, randomId } from './auth.js';
import { setSecurityHeaders } from './headers.js';
import { serveStatic } from './static.js';

export interface WebHostOptions {
  handlers: Handlers;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  /**
   * The user's key (main/web/key-file.ts), so a page stays authorised across restarts;
   * without one, a fresh key for this launch only.
   */
  key?: string;
  /** Where to report what the user of the page cannot see: unexpected errors, a missing build. */
  onLog?: (message: string) => void;
}

export interface WebHost {
  /** The address to open, key included (in the fragment, so it never reaches a server or a log). */
  url: string;
  /** The key in the address; pages prove they hold it without sending it (shared/api/web-auth.ts). */
  token: string;
  port: number;
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
  const token = options.key ?? randomId();
  const auth = new HostAuth(token);
  let hosts: ReadonlySet<string> = new Set();
  let origins: ReadonlySet<string> = new Set();

  if (!existsSync(path.join(options.rendererDir, 'index.html'))) {
    onLog(
      fr`L’interface n’est pas construite (${options.rendererDir} est absent ou incomplet) : lancez « npm run build ».`,
    );
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    setSecurityHeaders(res);
    const url = req.url ?? '';
    const isApi = url.startsWith(API_PREFIX) || url === HELLO_PATH;
    const host = (req.headers.host ?? '').toLowerCase();
    if (!hosts.has(host)) {
      const message = fr`Accès refusé : adresse d’hôte inattendue.`;
      if (isApi) {
        sendResult(res, 403, fail('forbidden', message));
      } else {
        res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(message);
      }
      return;
    }
    // The page's origin as the browser sees it: the Host header, checked just above.
    const origin = `http://${host}`;
    if (url === HELLO_PATH) {
      await handleHello(req, res, origin, { auth, origins });
    } else if (isApi) {
      const rawName = url.slice(API_PREFIX.length).split(/[?#]/)[0] ?? '';
      await handleApi(req, res, rawName, origin, { handlers: options.handlers, auth, origins, onLog });
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
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
