import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { AppFailure } from '../../shared/result.js';
import { fr } from '../services/french.js';
import {
  openRepository,
  type OpenOptions,
  type RepositorySession,
  type ServiceHandlers,
} from '../services/index.js';
import type { LockInstance } from '../services/repository/lock.js';
import type { SyncOptions } from '../services/sync/service.js';

async function canonical(folder: string): Promise<string> {
  try {
    return await realpath(folder);
  } catch {
    return path.resolve(folder);
  }
}

/** How a host opens its repositories: who it is (as the lock names it), and how they sync. */
export interface HostOpening {
  /** The desktop window by default; `fiches serve` for the browser host. */
  instance?: LockInstance;
  /** Every repository the host opens syncs with the host's credentials, in the background. */
  sync?: SyncOptions;
}

/**
 * The repository a host has open, which the desktop host can swap for another while
 * its window lives on. A switch opens the new repository before closing the old one, so
 * a folder that cannot be opened (locked, damaged, read-only…) leaves the user where
 * they were instead of with nothing open.
 */
export class CurrentRepository {
  #session: RepositorySession | undefined;

  private constructor(
    session: RepositorySession,
    private readonly options: OpenOptions,
  ) {
    this.#session = session;
  }

  static async open(folder: string, opening: HostOpening = {}): Promise<CurrentRepository> {
    const options: OpenOptions = {
      create: 'if-missing',
      instance: opening.instance ?? 'desktop',
      ...(opening.sync ? { sync: opening.sync } : {}),
    };
    return new CurrentRepository(await openRepository(path.resolve(folder), options), options);
  }

  get path(): string {
    return this.#current().path;
  }

  get handlers(): ServiceHandlers {
    return this.#current().handlers;
  }

  /** Answers false when the folder is the one already open (nothing to do). */
  async switchTo(folder: string): Promise<boolean> {
    const current = this.#current();
    if ((await canonical(folder)) === (await canonical(current.path))) return false;
    const next = await openRepository(path.resolve(folder), this.options);
    this.#session = next;
    await current.close();
    return true;
  }

  async close(): Promise<void> {
    const session = this.#session;
    this.#session = undefined;
    await session?.close();
  }

  #current(): RepositorySession {
    // Only reachable while the app quits: a late call must fail as data, not crash.
    if (this.#session === undefined) throw new AppFailure('io', fr`Le dépôt est fermé : relancez Fiches.`);
    return this.#session;
  }
}
