import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { AppFailure } from '../../shared/result.js';
import { fr } from '../services/french.js';
import { openRepository, type RepositorySession, type ServiceHandlers } from '../services/index.js';
import type { SyncOptions } from '../services/sync/service.js';

async function canonical(folder: string): Promise<string> {
  try {
    return await realpath(folder);
  } catch {
    return path.resolve(folder);
  }
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
    /** Every repository this host opens syncs with the host's credentials, in the background. */
    private readonly sync: SyncOptions,
  ) {
    this.#session = session;
  }

  static async open(folder: string, sync: SyncOptions = {}): Promise<CurrentRepository> {
    return new CurrentRepository(
      await openRepository(path.resolve(folder), { create: 'if-missing', sync }),
      sync,
    );
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
    const next = await openRepository(path.resolve(folder), { create: 'if-missing', sync: this.sync });
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
