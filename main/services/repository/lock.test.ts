import { spawn, spawnSync } from 'node:child_process';
import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/result.js';
import { tempDir } from '../testing/fixtures.js';
import { acquireLock, type LockHolder } from './lock.js';
import { processStartTime } from './process-start.js';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await tempDir();
  file = join(dir, '.fiches.lock');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A pid that surely belongs to no running process: one that just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

const holderFile = (holder: Partial<LockHolder>) =>
  writeFile(
    file,
    JSON.stringify({
      pid: 1,
      hostname: hostname(),
      user: 'camille',
      app: 'Fiches',
      startedAt: new Date().toISOString(),
      ...holder,
    }),
  );

describe('repository lock', () => {
  it('records its holder and releases only its own lock', async () => {
    const lock = await acquireLock(file);
    const written = JSON.parse(await readFile(file, 'utf8')) as LockHolder;
    expect(written).toMatchObject({
      pid: process.pid,
      hostname: hostname(),
      user: userInfo().username,
      app: 'Fiches',
    });
    await lock.release();
    await expect(readFile(file)).rejects.toMatchObject({ code: 'ENOENT' });

    const second = await acquireLock(file);
    await holderFile({ pid: process.pid, startedAt: '2020-01-01T00:00:00.000Z' });
    await second.release();
    // Someone else's lock (rewritten behind our back) is left alone.
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ startedAt: '2020-01-01T00:00:00.000Z' });
  });

  it('refuses a lock held by a live process, naming user, host and pid', async () => {
    await holderFile({ pid: process.pid, user: 'camille' });
    const error = (await acquireLock(file).catch((caught: unknown) => caught)) as AppFailure;
    expect(error).toBeInstanceOf(AppFailure);
    expect(error.code).toBe('locked');
    expect(error.message).toContain('camille');
    expect(error.message).toContain(`processus ${process.pid}`);
    expect(error.message).toContain(hostname());
    expect(error.details?.holder).toMatchObject({ user: 'camille', pid: process.pid });
  });

  it('takes over a stale lock left by a dead process of this machine', async () => {
    const pid = deadPid();
    await holderFile({ pid });
    const lock = await acquireLock(file);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it('respects a lock from another machine, which it cannot check', async () => {
    await holderFile({ pid: deadPid(), hostname: 'poste-de-dominique' });
    await expect(acquireLock(file)).rejects.toMatchObject({ code: 'locked' });
  });

  it('takes over an unreadable lock only once it is old', async () => {
    await writeFile(file, '');
    await expect(acquireLock(file)).rejects.toMatchObject({ code: 'locked' });
    const old = new Date(Date.now() - 60_000);
    await utimes(file, old, old);
    const lock = await acquireLock(file);
    expect(lock.holder.pid).toBe(process.pid);
    await lock.release();
  });

  it('dates the holder’s lock in French: « depuis le 1er décembre »', async () => {
    const startedAt = new Date(2025, 11, 1, 9, 15).toISOString();
    await holderFile({ hostname: 'poste-de-camille', startedAt });
    await expect(acquireLock(file)).rejects.toThrow(/depuis le 1er décembre 2025 à 09:15/);
  });
});

/** A live process unrelated to any lock, started now. */
async function unrelatedProcess(): Promise<{ pid: number; stop(): void }> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('spawn', resolve));
  return { pid: child.pid as number, stop: () => child.kill('SIGKILL') };
}

const knowsStartTimes = (await processStartTime(process.pid)) !== undefined;

describe('a lock whose pid was reused', () => {
  it.skipIf(!knowsStartTimes)(
    'is taken over when its pid now belongs to a process started after the lock',
    async () => {
      const other = await unrelatedProcess();
      try {
        await holderFile({ pid: other.pid, startedAt: new Date(Date.now() - 60_000).toISOString() });
        const lock = await acquireLock(file);
        expect(lock.holder.pid).toBe(process.pid);
        await lock.release();
      } finally {
        other.stop();
      }
    },
  );

  it.skipIf(!knowsStartTimes)(
    'is taken over when its pid’s process did not start when the lock says',
    async () => {
      const started = (await processStartTime(process.pid)) as number;
      await holderFile({ pid: process.pid, processStartedAt: new Date(started + 3_600_000).toISOString() });
      const lock = await acquireLock(file);
      await lock.release();
      // The same process, as recorded: respected.
      await holderFile({ pid: process.pid, processStartedAt: new Date(started).toISOString() });
      await expect(acquireLock(file)).rejects.toMatchObject({ code: 'locked' });
    },
  );

  it('records when its own process started, where the system tells', async () => {
    const lock = await acquireLock(file);
    const written = JSON.parse(await readFile(file, 'utf8')) as LockHolder;
    if (knowsStartTimes) expect(Date.parse(written.processStartedAt ?? '')).toBeLessThanOrEqual(Date.now());
    await lock.release();
  });
});

describe('the holder named truthfully', () => {
  it.each([
    ['desktop', /dans une fenêtre de Fiches .*\u00a0: fermez cette fenêtre/],
    [
      'serve',
      /par «\u00a0fiches serve\u00a0» dans un terminal .*\u00a0: arrêtez-le \(Ctrl\+C dans ce terminal\)/,
    ],
    ['command', /par une commande fiches dans un terminal .*\u00a0: attendez qu’elle se termine/],
    [undefined, /: fermez l’autre fenêtre ou arrêtez l’autre commande de Fiches/],
  ] as const)('%s', async (instance, message) => {
    await holderFile({ pid: process.pid, ...(instance ? { instance } : {}) });
    const error = (await acquireLock(file).catch((caught: unknown) => caught)) as AppFailure;
    expect(error.message).toMatch(/^Ce dépôt est déjà ouvert par camille sur /);
    expect(error.message).toMatch(message);
  });

  it('is what a lock records', async () => {
    const lock = await acquireLock(file, 'serve');
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ instance: 'serve' });
    await lock.release();
  });
});

describe('instances racing for the lock', () => {
  it('all but one get the holder’s name, never a half-written lock', async () => {
    const attempts = await Promise.allSettled(Array.from({ length: 12 }, () => acquireLock(file, 'serve')));
    const won = attempts.filter((attempt) => attempt.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const attempt of attempts) {
      if (attempt.status === 'rejected') {
        expect((attempt.reason as AppFailure).message).toMatch(
          /^Ce dépôt est déjà ouvert par .*fiches serve/,
        );
      }
    }
    await (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof acquireLock>>>).value.release();
  });
});
