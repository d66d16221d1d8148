import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { getPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/result.js';
import { WorkerPool, type JobLimits } from './pool.js';

const fixture = fileURLToPath(new URL('../testing/worker-fixture.ts', import.meta.url));

let pool: WorkerPool;
afterEach(async () => {
  await pool?.close();
});

const deadline = (timeoutMs = 30_000): JobLimits => ({
  timeoutMs,
  onTimeout: () => new AppFailure('internal', 'Trop long.', { reason: 'deadline' }),
});

async function rejection(promise: Promise<unknown>): Promise<AppFailure> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppFailure);
  return error as AppFailure;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('worker processes', () => {
  it('survive a native panic: the job fails in French, this process lives on, the next job gets a new worker', async () => {
    pool = new WorkerPool(fixture);
    const before = await pool.run<number>('pid', null, deadline());
    const error = await rejection(pool.run('panic', null, deadline()));
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(
      /^Le traitement s’est arrêté brutalement \((arrêté par le signal SIGABRT|code de sortie 134)\)/,
    );
    expect(error.details).toMatchObject({ reason: 'worker-crashed', job: 'panic' });
    expect(String(error.details?.stderr)).toContain('panicked');
    expect(alive(before)).toBe(false);
    const after = await pool.run<number>('pid', null, deadline());
    expect(after).not.toBe(before);
    expect(after).not.toBe(process.pid);
  });

  it('run below their host, so the host keeps answering while a worker (and what it starts) works', async () => {
    pool = new WorkerPool(fixture);
    const worker = await pool.run<number>('pid', null, deadline());
    expect(getPriority(worker)).toBe(Math.min(19, getPriority() + 10));
  });

  it('keep a worker warm between jobs, and carry values and failures across', async () => {
    pool = new WorkerPool(fixture);
    const first = await pool.run<number>('pid', null, deadline());
    expect(await pool.run<number>('pid', null, deadline())).toBe(first);
    const value = { bytes: new Uint8Array([1, 2, 3]), map: new Map([['a', 1]]) };
    expect(await pool.run('echo', value, deadline())).toEqual(value);
    const failure = await rejection(pool.run('fail', 'Image refusée.', deadline()));
    expect(failure).toMatchObject({
      code: 'unsupported',
      message: 'Image refusée.',
      details: { asked: 'Image refusée.' },
    });
    // A failed job leaves its worker usable.
    expect(await pool.run<number>('pid', null, deadline())).toBe(first);
  });

  it('abandon a job past its deadline: its worker is killed and the caller’s failure reported', async () => {
    pool = new WorkerPool(fixture);
    const pid = await pool.run<number>('pid', null, deadline());
    const error = await rejection(pool.run('sleep', 60_000, deadline(300)));
    expect(error.message).toBe('Trop long.');
    await expect.poll(() => alive(pid), { timeout: 10_000 }).toBe(false);
    expect(await pool.run<number>('pid', null, deadline())).not.toBe(pid);
  });

  it('stop a job its caller aborts: its worker is killed at once, a waiting job leaves the queue', async () => {
    pool = new WorkerPool(fixture, { maxWorkers: 1 });
    const pid = await pool.run<number>('pid', null, deadline());
    const controller = new AbortController();
    const running = rejection(pool.run('sleep', 60_000, { ...deadline(), signal: controller.signal }));
    const waiting = rejection(pool.run('pid', null, { ...deadline(), signal: controller.signal }));
    controller.abort();
    for (const stopped of [await running, await waiting])
      expect(stopped.details).toMatchObject({ reason: 'cancelled' });
    await expect.poll(() => alive(pid), { timeout: 10_000 }).toBe(false);
    // Aborted before it starts: never sent to a worker.
    expect(
      (await rejection(pool.run('pid', null, { ...deadline(), signal: controller.signal }))).details,
    ).toMatchObject({
      reason: 'cancelled',
    });
    expect(pool.size).toBe(0);
    expect(await pool.run<number>('pid', null, deadline())).not.toBe(pid);
  });

  it('queue jobs beyond their number of workers, the wait counting against the deadline', async () => {
    pool = new WorkerPool(fixture, { maxWorkers: 1 });
    await pool.run('pid', null, deadline());
    const long = pool.run('sleep', 1500, deadline());
    const impatient = rejection(pool.run('pid', null, deadline(200)));
    const patient = pool.run<number>('pid', null, deadline());
    expect((await impatient).message).toBe('Trop long.');
    expect(await long).toBe(1500);
    expect(typeof (await patient)).toBe('number');
    expect(pool.size).toBe(1);
  });

  it('are processes because a panic in a worker thread takes the whole process down', async () => {
    // The alternative that looks lighter, shown failing: resvg panics inside a worker_thread.
    const script = `
      const { Worker } = require('node:worker_threads');
      new Worker(\`
        const { Resvg } = require('@resvg/resvg-js');
        new Resvg('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1000000"/>', { fitTo: { mode: 'width', value: 800 } }).render();
      \`, { eval: true })
        .on('error', () => console.log('caught'))
        .on('exit', () => console.log('survived'));
    `;
    const child = spawn(process.execPath, ['-e', script], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const [code, signal] = (await once(child, 'close')) as [number | null, string | null];
    expect(stdout).toBe('');
    expect(signal === 'SIGABRT' || code === 134).toBe(true);
  });
});
