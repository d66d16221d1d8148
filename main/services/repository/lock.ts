import { open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname, uptime, userInfo } from 'node:os';
import { dirname } from 'node:path';
import { formatFrenchDate } from '../../../shared/dates.js';
import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';
import { syncDirectory } from '../storage/durable-write.js';

/**
 * One writer per repository: `.fiches.lock` is created exclusively and names its holder,
 * so a second window (or a second machine on a shared folder) is told who has it open.
 */
export interface LockHolder {
  pid: number;
  hostname: string;
  user: string;
  app: 'Fiches';
  startedAt: string;
}

export interface RepositoryLock {
  readonly holder: LockHolder;
  release(): Promise<void>;
}

/** A lock file without a readable holder is only trusted while it may still be being written. */
const UNREADABLE_LOCK_GRACE_MS = 5_000;

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    // userInfo() throws when the uid has no passwd entry (containers).
    return process.env.USER ?? process.env.USERNAME ?? `uid ${process.getuid?.() ?? '?'}`;
  }
}

function isHolder(value: unknown): value is LockHolder {
  const v = value as Partial<LockHolder> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    Number.isInteger(v.pid) &&
    (v.pid as number) > 0 &&
    typeof v.hostname === 'string' &&
    typeof v.user === 'string' &&
    typeof v.startedAt === 'string'
  );
}

async function readHolder(file: string): Promise<LockHolder | 'missing' | 'unreadable'> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    return isHolder(parsed) ? parsed : 'unreadable';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
}

/**
 * Whether the holder (of this machine) still runs. A lock older than the last boot is stale
 * whatever its pid: after a reboot the pid may belong to an unrelated process.
 */
function isAlive(holder: LockHolder): boolean {
  const bootedAt = Date.now() - uptime() * 1000;
  if (Date.parse(holder.startedAt) < bootedAt - 60_000) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sameHolder(a: LockHolder, b: LockHolder): boolean {
  return a.pid === b.pid && a.hostname === b.hostname && a.startedAt === b.startedAt;
}

function lockedFailure(holder: LockHolder): AppFailure {
  return new AppFailure(
    'locked',
    fr`Ce dépôt est déjà ouvert par ${holder.user} sur ${holder.hostname} (processus ${holder.pid}) depuis le ${formatFrenchDate(holder.startedAt, { time: true })} : fermez l’autre fenêtre de Fiches ou ouvrez un autre dépôt.`,
    { holder },
  );
}

async function createExclusive(file: string, holder: LockHolder): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(`${JSON.stringify(holder, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await syncDirectory(dirname(file));
  return true;
}

/**
 * Takes the lock or throws AppFailure('locked'). A lock left by a process of this machine
 * that is no longer running is taken over; one from another machine cannot be checked and
 * is respected. File system errors (read-only folder…) are thrown as they are, for the
 * caller to translate.
 */
export async function acquireLock(file: string): Promise<RepositoryLock> {
  const holder: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    user: currentUser(),
    app: 'Fiches',
    startedAt: new Date().toISOString(),
  };
  // A stale lock is removed and creation tried again; losing that race to another instance ends as locked.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (await createExclusive(file, holder)) return heldLock(file, holder);
    const existing = await readHolder(file);
    if (existing === 'missing') continue;
    if (existing === 'unreadable') {
      const age = Date.now() - (await stat(file)).mtimeMs;
      if (age < UNREADABLE_LOCK_GRACE_MS) {
        throw new AppFailure(
          'locked',
          fr`Ce dépôt est en cours d’ouverture par une autre fenêtre de Fiches : réessayez dans quelques secondes.`,
        );
      }
    } else if (existing.hostname !== holder.hostname || isAlive(existing)) {
      throw lockedFailure(existing);
    }
    await removeIfUnchanged(file, existing);
  }
  const last = await readHolder(file);
  throw typeof last === 'object'
    ? lockedFailure(last)
    : new AppFailure('locked', fr`Ce dépôt est en cours d’ouverture par une autre fenêtre de Fiches.`);
}

/** Narrows the window in which two instances both take over the same stale lock. */
async function removeIfUnchanged(file: string, seen: LockHolder | 'unreadable'): Promise<void> {
  const now = await readHolder(file);
  const unchanged =
    seen === 'unreadable' ? now === 'unreadable' : typeof now === 'object' && sameHolder(now, seen);
  if (!unchanged) return;
  try {
    await unlink(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function heldLock(file: string, holder: LockHolder): RepositoryLock {
  let released = false;
  return {
    holder,
    async release() {
      if (released) return;
      released = true;
      const current = await readHolder(file);
      if (typeof current === 'object' && sameHolder(current, holder)) await unlink(file);
    },
  };
}
