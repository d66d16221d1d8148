import { randomBytes } from 'node:crypto';
import { link, open, readFile, rm, stat, unlink } from 'node:fs/promises';
import { hostname, uptime, userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { formatFrenchDate } from '../../../shared/dates.js';
import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';
import { syncDirectory } from '../storage/durable-write.js';
import { processStartTime } from './process-start.js';

/**
 * One writer per repository: `.fiches.lock` is created exclusively, whole, and names its
 * holder, so a second window, a terminal (or a second machine on a shared folder) is told
 * who has it open, and what to close.
 */

/** What holds the repository: a desktop window, `fiches serve` in a terminal, another `fiches` command. */
export const lockInstances = ['desktop', 'serve', 'command'] as const;
export type LockInstance = (typeof lockInstances)[number];

export interface LockHolder {
  pid: number;
  hostname: string;
  user: string;
  app: 'Fiches';
  startedAt: string;
  /** Absent from the locks of older versions. */
  instance?: LockInstance;
  /** When the holding process started (process-start.ts), where the system tells. */
  processStartedAt?: string;
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
    typeof v.startedAt === 'string' &&
    (v.instance === undefined || lockInstances.includes(v.instance)) &&
    (v.processStartedAt === undefined || typeof v.processStartedAt === 'string')
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

/** Start times measured twice (to the second, the boot time itself to the second) agree within this. */
const START_TIME_SLACK_MS = 2_000;

/**
 * Whether the holder (of this machine) still runs. A lock older than the last boot is stale
 * whatever its pid. A live pid is the holder's only if its process started when the lock
 * says (or, for a lock that does not say, before the lock was taken): pids are reused, and
 * an unrelated process now bearing the holder's must not block the repository.
 */
async function isAlive(holder: LockHolder): Promise<boolean> {
  const bootedAt = Date.now() - uptime() * 1000;
  if (Date.parse(holder.startedAt) < bootedAt - 60_000) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const started = await processStartTime(holder.pid);
  if (started === undefined) return true;
  if (holder.processStartedAt !== undefined) {
    return Math.abs(started - Date.parse(holder.processStartedAt)) <= START_TIME_SLACK_MS;
  }
  return started <= Date.parse(holder.startedAt) + START_TIME_SLACK_MS;
}

function sameHolder(a: LockHolder, b: LockHolder): boolean {
  return a.pid === b.pid && a.hostname === b.hostname && a.startedAt === b.startedAt;
}

/** Who holds it and what to do about it, as the holder's instance tells. */
function holderWords(holder: LockHolder): { who: string; advice: string } {
  switch (holder.instance) {
    case 'desktop':
      return { who: 'dans une fenêtre de Fiches', advice: 'fermez cette fenêtre' };
    case 'serve':
      return {
        who: 'par «\u00a0fiches serve\u00a0» dans un terminal',
        advice: 'arrêtez-le (Ctrl+C dans ce terminal)',
      };
    case 'command':
      return { who: 'par une commande fiches dans un terminal', advice: 'attendez qu’elle se termine' };
    default:
      return {
        who: 'par une autre instance de Fiches',
        advice: 'fermez l’autre fenêtre ou arrêtez l’autre commande de Fiches',
      };
  }
}

function lockedFailure(holder: LockHolder): AppFailure {
  const { who, advice } = holderWords(holder);
  return new AppFailure(
    'locked',
    fr`Ce dépôt est déjà ouvert par ${holder.user} sur ${holder.hostname} ${who} (processus ${holder.pid}) depuis le ${formatFrenchDate(holder.startedAt, { time: true })} : ${advice}, ou ouvrez un autre dépôt.`,
    { holder },
  );
}

/**
 * Creates the lock file with its whole content or not at all: written and fsynced under a
 * name of its own, then linked to the lock's name, which fails if the lock exists. So a
 * racing instance never reads a lock half-written. Where hard links are not supported
 * (some network and FAT file systems), an exclusive create is the fallback.
 */
async function createExclusive(file: string, holder: LockHolder): Promise<boolean> {
  const content = `${JSON.stringify(holder, null, 2)}\n`;
  // Not named like the temp files of writes: the instance holding the lock removes those on opening.
  const temp = join(
    dirname(file),
    `${basename(file)}.${process.pid}-${randomBytes(6).toString('hex')}.claim`,
  );
  await writeNew(temp, content);
  try {
    await link(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (!LINK_UNSUPPORTED.has(code ?? '')) throw error;
    try {
      await writeNew(file, content);
    } catch (fallback) {
      if ((fallback as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw fallback;
    }
  } finally {
    await rm(temp, { force: true });
  }
  await syncDirectory(dirname(file));
  return true;
}

const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

async function writeNew(file: string, content: string): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Takes the lock or throws AppFailure('locked'). A lock left by a process of this machine
 * that is no longer running is taken over; one from another machine cannot be checked and
 * is respected. File system errors (read-only folder…) are thrown as they are, for the
 * caller to translate.
 */
export async function acquireLock(file: string, instance?: LockInstance): Promise<RepositoryLock> {
  const processStartedAt = await processStartTime(process.pid);
  const holder: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    user: currentUser(),
    app: 'Fiches',
    startedAt: new Date().toISOString(),
    ...(instance ? { instance } : {}),
    ...(processStartedAt !== undefined ? { processStartedAt: new Date(processStartedAt).toISOString() } : {}),
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
          fr`Ce dépôt est en cours d’ouverture par une autre instance de Fiches : réessayez dans quelques secondes.`,
        );
      }
    } else if (existing.hostname !== holder.hostname || (await isAlive(existing))) {
      throw lockedFailure(existing);
    }
    await removeIfUnchanged(file, existing);
  }
  const last = await readHolder(file);
  throw typeof last === 'object'
    ? lockedFailure(last)
    : new AppFailure('locked', fr`Ce dépôt est en cours d’ouverture par une autre instance de Fiches.`);
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
