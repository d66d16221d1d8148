import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { constants, getPriority } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppFailure } from '../../shared/result.js';
import { WorkerPool } from '../services/worker/pool.js';

/**
 * Electron replaced at the module boundary: `utilityProcess.fork` starts a plain Node child
 * that has Electron's `process.parentPort` (emulated), so the real worker entry runs its
 * Electron branch and a real native panic ends a real process.
 */

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const shim = pathToFileURL(here('../services/testing/utility-process-shim.ts')).href;

/** The part of Electron's UtilityProcess the launcher uses, over a Node child. */
class FakeUtilityProcess extends EventEmitter {
  readonly child: ChildProcess;
  readonly stderr;

  constructor(modulePath: string) {
    super();
    this.child = fork(modulePath, [], {
      execArgv: ['--import', tsx, '--import', shim],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.stderr = this.child.stderr;
    this.child.once('spawn', () => this.emit('spawn'));
    this.child.on('message', (message) => this.emit('message', message));
    // Electron reports one exit code, the one waitpid gives; a signal is 128 + its number.
    this.child.on('exit', (code, signal) =>
      this.emit('exit', code ?? 128 + (signal ? constants.signals[signal] : 0)),
    );
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  postMessage(message: unknown): void {
    this.child.send(message as never);
  }

  kill(): boolean {
    return this.child.kill();
  }
}

const electron = vi.hoisted(() => ({
  utilityProcess: { fork: vi.fn((modulePath: string) => new FakeUtilityProcess(modulePath)) },
}));
vi.mock('electron', () => electron);

const { utilityLauncher } = await import('./worker-launcher.js');

let pool: WorkerPool | undefined;
afterEach(async () => {
  await pool?.close();
  electron.utilityProcess.fork.mockClear();
});

const limits = {
  timeoutMs: 30_000,
  onTimeout: () => new AppFailure('internal', 'Trop long.'),
};

describe('worker processes in the desktop app', () => {
  it('are utility processes running the worker entry, which answers through parentPort', async () => {
    const entry = here('../services/worker/entry.ts');
    pool = new WorkerPool(entry, { launcher: () => utilityLauncher });
    const outcome = await pool.run<{ svg: string }>(
      'sanitize-svg',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"/>'),
      limits,
    );
    expect(outcome.svg).toBe('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    expect(electron.utilityProcess.fork).toHaveBeenCalledTimes(1);
    expect(electron.utilityProcess.fork).toHaveBeenCalledWith(
      entry,
      [],
      expect.objectContaining({ stdio: ['ignore', 'ignore', 'pipe'] }),
    );
  });

  it('lose only their job to a native panic: the main process lives on and starts another', async () => {
    pool = new WorkerPool(here('../services/testing/worker-fixture.ts'), { launcher: () => utilityLauncher });
    const first = await pool.run<number>('pid', null, limits);
    const error = await pool.run('panic', null, limits).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppFailure);
    expect(error).toMatchObject({
      message: expect.stringMatching(/^Le traitement s’est arrêté brutalement \(code de sortie 134\)/),
      details: { reason: 'worker-crashed', job: 'panic', stderr: expect.stringContaining('panicked') },
    });
    const second = await pool.run<number>('pid', null, limits);
    expect(second).not.toBe(first);
    // Below the main process, as Node's workers are below their host.
    expect(getPriority(second)).toBe(Math.min(19, getPriority() + 10));
    expect(electron.utilityProcess.fork).toHaveBeenCalledTimes(2);
  });
});
