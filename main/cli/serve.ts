import path from 'node:path';
import { AppFailure } from '../../shared/result.js';
import { composeHandlers, readAppVersion } from '../host/handlers.js';
import { closeWorkers } from '../services/worker/run-job.js';
import { fr } from '../services/french.js';
import { appDataDir } from '../services/default-path.js';
import { CurrentRepository } from '../host/current-repository.js';
import { defaultRepositoryPath, findAppRoot } from '../services/index.js';
import { environmentCredentials, MemoryCredentialStore } from '../services/sync/credentials.js';
import { browserAppHandlers } from '../web/app-handlers.js';
import { startWebHost, type WebHost } from '../web/host.js';
import { loadBrowserKey } from '../web/key-file.js';
import { PortMemory } from '../web/port-memory.js';

export interface ServeOptions {
  /** Absent: the default repository in the app's data folder. */
  repo: string | undefined;
  /** Absent: the port this repository was served on last time, if free (0: any free port). */
  port: number | undefined;
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Resolves on the first stop signal. Listening starts before the repository is opened,
 * so a Ctrl+C during the opening still closes it; a second signal is left to Node's
 * default, an immediate exit.
 */
function listenForStop(): { stopped: Promise<void>; dispose(): void } {
  let dispose = () => {};
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      dispose();
      resolve();
    };
    dispose = () => {
      for (const signal of STOP_SIGNALS) process.off(signal, stop);
    };
    for (const signal of STOP_SIGNALS) process.on(signal, stop);
  });
  return { stopped, dispose };
}

async function startHost(port: number, start: (port: number) => Promise<WebHost>): Promise<WebHost> {
  try {
    return await start(port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new AppFailure('io', fr`le port ${port} est déjà utilisé : choisissez-en un autre avec --port.`);
    }
    if (code === 'EACCES') {
      throw new AppFailure('io', fr`le port ${port} est réservé : choisissez-en un au-dessus de 1024.`);
    }
    throw error;
  }
}

const log = (message: string) => process.stderr.write(fr`fiches : ${message}\n`);

/**
 * The port asked for, else the repository's last one: a page keeps its origin, so a tab
 * left open finds Fiches again. When that port is taken, any free one, said on stderr.
 */
async function startOnItsPort(
  requested: number | undefined,
  memory: PortMemory,
  repository: string,
  start: (port: number) => Promise<WebHost>,
): Promise<WebHost> {
  if (requested !== undefined) return startHost(requested, start);
  const last = await memory.portOf(repository);
  let host: WebHost | undefined;
  if (last !== undefined) {
    try {
      host = await start(last);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' && code !== 'EACCES') throw error;
      log(
        fr`le port ${last} de la dernière fois est occupé, Fiches prend un autre port. Un onglet resté ouvert à l’ancienne adresse garde ses modifications : libérez le port ${last} et relancez « fiches serve » pour qu’il les enregistre.`,
      );
    }
  }
  host ??= await startHost(0, start);
  await memory.remember(repository, host.port);
  return host;
}

/**
 * `fiches serve`: the repository behind the browser host until Ctrl+C, then the
 * repository is closed so its lock is released for the next launch.
 */
export async function serve(options: ServeOptions): Promise<number> {
  const appRoot = findAppRoot();
  const version = readAppVersion(appRoot);
  const repoPath = path.resolve(options.repo ?? defaultRepositoryPath());
  const stop = listenForStop();
  try {
    // Credentials of a shared repository: from the environment, or given in the page; in memory only.
    const credentials = new MemoryCredentialStore(environmentCredentials());
    const session = await CurrentRepository.open(repoPath, {
      instance: 'serve',
      sync: { credentials, background: true },
    });
    let host: WebHost;
    try {
      const dataDir = appDataDir();
      const key = await loadBrowserKey(dataDir, log);
      host = await startOnItsPort(options.port, new PortMemory(dataDir, log), session.path, (port) =>
        startWebHost({
          handlers: composeHandlers(
            () => session.handlers,
            browserAppHandlers(version, { current: session, credentials }),
          ),
          rendererDir: path.join(appRoot, 'dist', 'renderer'),
          port,
          key,
          onLog: log,
        }),
      );
    } catch (error) {
      await session.close();
      throw error;
    }
    process.stdout.write(
      fr`Fiches est servi sur ${host.url} (dépôt : ${session.path}) — Ctrl+C pour arrêter\n`,
    );
    await stop.stopped;
    await host.close();
    await session.close();
    return 0;
  } finally {
    // The worker processes (and the browser of their PDF exports), if any were started.
    await closeWorkers();
    stop.dispose();
  }
}
