import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { composeHandlers } from '../../host/handlers.js';
import { openRepository, type RepositorySession } from '../../services/index.js';
import { browserAppHandlers } from '../app-handlers.js';
import { startWebHost, type WebHost } from '../host.js';
import { sessionOf } from './raw-http.js';

export interface TestHost {
  /** The temp folder: renderer/ (a built renderer's few files), depot/, and secret.txt beside them. */
  root: string;
  session: RepositorySession;
  host: WebHost;
  port: number;
  /** The session header of a page of http://127.0.0.1:<port>, after its handshake. */
  pageSession: Record<string, string>;
  /** What the host logged for the terminal. */
  logs: string[];
  close(): Promise<void>;
}

/**
 * A browser host on a new repository, serving a renderer of three files and one symbolic
 * link pointing out of its folder (to secret.txt).
 */
export async function startTestHost(): Promise<TestHost> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'fiches-web-'));
  const rendererDir = path.join(root, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Fiches</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
  await writeFile(path.join(rendererDir, 'assets', 'app.css'), 'body{}');
  await writeFile(path.join(root, 'secret.txt'), 'SECRET');
  await symlink(path.join(root, 'secret.txt'), path.join(rendererDir, 'assets', 'link.js'));

  const logs: string[] = [];
  const session = await openRepository(path.join(root, 'depot'), { create: 'if-missing' });
  const host = await startWebHost({
    handlers: composeHandlers(() => session.handlers, browserAppHandlers('9.9.9')),
    rendererDir,
    port: 0,
    onLog: (message) => logs.push(message),
  });
  const port = Number(new URL(host.url).port);
  return {
    root,
    session,
    host,
    port,
    pageSession: await sessionOf(port, host.token),
    logs,
    async close() {
      await host.close();
      await session.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
