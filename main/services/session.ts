import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppFailure } from '../../shared/result.js';
import { fr } from './french.js';
import { readingHandlers, repositoryHandlers, type ReadHandlers, type ServiceHandlers } from './handlers.js';
import { closeHistory } from './history/policy.js';
import { attachHistory, type HistoryOptions } from './history/service.js';
import { RepositoryContext } from './repository/context.js';
import { copySampleInto, createRepositoryAt } from './repository/create.js';
import { inspectFolder, type CreateOption } from './repository/folder.js';
import { RepositoryLayout } from './repository/layout.js';
import { historyWriter } from './repository/local-state.js';
import { acquireLock, type LockInstance, type RepositoryLock } from './repository/lock.js';
import { attachSync, type SyncOptions } from './sync/service.js';
import { TEMP_FILE_PATTERN } from './storage/durable-write.js';
import { ioFailure } from './storage/io-errors.js';

export type { ReadHandlers, ServiceHandlers } from './handlers.js';

/** One open repository: its handlers, valid until close(), which releases the lock. */
export interface RepositorySession<H = ServiceHandlers> {
  readonly path: string;
  readonly handlers: H;
  close(): Promise<void>;
}

/** A repository open for reading only (openRepositoryForReading). */
export type ReadingSession = RepositorySession<ReadHandlers>;

export interface OpenOptions {
  /** 'if-missing': a missing path or an empty folder gets the sample repository. */
  create: CreateOption;
  /** The history's clock and preferences file (tests); the real ones by default. */
  history?: HistoryOptions;
  /** Who opens it, as the lock tells a second instance: a window, `fiches serve`, a command. */
  instance?: LockInstance;
  /** Credentials and background syncs of a shared repository (main/services/sync). */
  sync?: SyncOptions;
}

async function takeLock(
  layout: RepositoryLayout,
  instance: LockInstance | undefined,
): Promise<RepositoryLock> {
  try {
    return await acquireLock(layout.lockFile, instance);
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new AppFailure(
        'read-only',
        fr`Le dossier « ${layout.root} » est en lecture seule : Fiches ne pourrait pas y enregistrer vos fiches. Choisissez un dossier où vous avez le droit d’écrire, ou copiez-y ce dépôt.`,
        { path: layout.root, errno: code },
      );
    }
    throw ioFailure(error, 'verrouiller', layout.display(layout.lockFile));
  }
}

/** Temp files of writes cut short by a crash: ours, and useless once we hold the lock. */
async function removeLeftoverTempFiles(layout: RepositoryLayout): Promise<void> {
  for (const dir of [layout.root, layout.sheetsDir, layout.familiesDir]) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    await Promise.all(
      names
        .filter((name) => TEMP_FILE_PATTERN.test(name))
        .map((name) => rm(join(dir, name), { force: true })),
    );
  }
}

/** Refuses calls once the session is closed: another window may hold the repository by then. */
function guarded<H extends object>(handlers: H, isOpen: () => boolean, root: string): H {
  const wrapped: Partial<Record<keyof H, unknown>> = {};
  for (const name of Object.keys(handlers) as (keyof H)[]) {
    const handler = handlers[name] as (request: unknown) => Promise<unknown>;
    wrapped[name] = (request: unknown) => {
      if (!isOpen()) {
        return Promise.reject(
          new AppFailure(
            'invalid-request',
            fr`Le dépôt « ${root} » a été fermé : rouvrez-le pour continuer.`,
          ),
        );
      }
      return handler(request);
    };
  }
  return wrapped as H;
}

/**
 * Opens the repository at `path`, creating it from the sample when allowed: checks the
 * folder, takes the lock (which also proves the folder is writable), then validates
 * repository.json and template.json. Every refusal is an AppFailure with a French message.
 */
export async function openRepository(path: string, options: OpenOptions): Promise<RepositorySession> {
  const root = resolve(path);
  const state = await inspectFolder(root, options.create);
  if (state === 'missing') await createRepositoryAt(root);
  const layout = new RepositoryLayout(root);
  const lock = await takeLock(layout, options.instance);
  try {
    if (state === 'empty') {
      try {
        await copySampleInto(root);
      } catch (error) {
        throw ioFailure(error, 'créer le dépôt dans', root);
      }
    }
    const context = new RepositoryContext(layout);
    attachHistory(context, { ...options.history, writer: await historyWriter(layout) });
    const sync = attachSync(context, { ...options.sync, newSample: state !== 'repository' });
    await context.repository();
    await context.template();
    await removeLeftoverTempFiles(layout);
    sync.startSchedule();
    let open = true;
    return {
      path: root,
      handlers: guarded(repositoryHandlers(context), () => open, root),
      async close() {
        if (!open) return;
        open = false;
        await context.queue.drain();
        // Sheets edited since their latest revision get one, after the last saves above.
        await closeHistory(context);
        // Then a shared repository syncs one last time, if its settings say so.
        await sync.close();
        await lock.release();
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/**
 * Opens the repository at `path` for reading only, beside the instance that may hold it
 * (the desktop app, `fiches serve`): CLI exports, and later volume exports and listings.
 * No lock is taken and nothing is ever written, not even a damaged file set aside (it is
 * reported in place) or a history's torn tail cut. What is read is whole: a sheet file is
 * replaced by a rename, so it is the old one or the new one; a history is read up to its
 * last whole record, and read again when it grew. Operations that write do not exist here:
 * a command that needs them opens the repository with openRepository, which refuses while
 * another instance holds it, naming that instance.
 */
export async function openRepositoryForReading(path: string): Promise<ReadingSession> {
  const root = resolve(path);
  await inspectFolder(root, 'never');
  const context = new RepositoryContext(new RepositoryLayout(root), 'read');
  attachHistory(context);
  await context.repository();
  await context.template();
  let open = true;
  return {
    path: root,
    handlers: guarded(readingHandlers(context), () => open, root),
    async close() {
      open = false;
    },
  };
}
