import { AppFailure, errorCodes, type ErrorCode } from '../../../shared/result.js';
import { fr } from '../french.js';
import { workerLauncher, type WorkerExit, type WorkerLauncher, type WorkerProcess } from './launcher.js';
import type { JobError, JobMessage, ReplyMessage } from './protocol.js';

/**
 * Worker processes for the host: each runs one job at a time, is kept warm for the next
 * (loading docx and resvg takes longer than most jobs), and is killed when its job passes
 * its deadline or when it has idled for a while. A worker that dies mid-job (a native
 * panic, the system killing it) fails that job only; the next job gets a new worker.
 */

export interface JobLimits {
  /** The job, waiting for a free worker included, never takes longer. */
  timeoutMs: number;
  /** The failure to report when it does: the caller knows what was being done. */
  onTimeout(): AppFailure;
  /** When it aborts, the job is stopped (its worker killed) and fails at once. */
  signal?: AbortSignal;
}

export interface PoolOptions {
  launcher?: () => WorkerLauncher;
  /** Jobs run side by side at most; further ones wait their turn. */
  maxWorkers?: number;
  /** A worker idle that long is stopped. */
  idleMs?: number;
}

interface Pending {
  id: number;
  job: string;
  resolve(value: unknown): void;
  reject(error: AppFailure): void;
}

class Worker {
  pending: Pending | undefined;
  exited = false;
  idleTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly process: WorkerProcess,
    onExit: (worker: Worker, exit: WorkerExit) => void,
  ) {
    process.onMessage((message) => {
      const reply = message as ReplyMessage;
      const pending = this.pending;
      if (!pending || reply.id !== pending.id) return;
      this.pending = undefined;
      if (reply.ok) pending.resolve(reply.value);
      else pending.reject(failureOf(reply.error));
    });
    process.onExit((exit) => {
      this.exited = true;
      onExit(this, exit);
    });
  }
}

function failureOf(error: JobError): AppFailure {
  const code: ErrorCode = error.code && errorCodes.includes(error.code) ? error.code : 'internal';
  return new AppFailure(code, error.message, error.details);
}

function describeExit(exit: WorkerExit): string {
  if (exit.signal) return fr`arrêté par le signal ${exit.signal}`;
  return fr`code de sortie ${exit.code ?? 'inconnu'}`;
}

export function crashFailure(job: string, exit: WorkerExit): AppFailure {
  return new AppFailure(
    'internal',
    fr`Le traitement s’est arrêté brutalement (${describeExit(exit)}) ; l’application, elle, continue.`,
    {
      reason: 'worker-crashed',
      job,
      code: exit.code,
      signal: exit.signal,
      stderr: exit.stderr.slice(-500),
    },
  );
}

/** A job its caller stopped (a cancelled volume): the caller says what that means to the user. */
export function jobAbortedFailure(): AppFailure {
  return new AppFailure('invalid-request', 'Traitement annulé.', { reason: 'cancelled' });
}

export class WorkerPool {
  readonly #entry: string;
  readonly #launcher: () => WorkerLauncher;
  readonly #maxWorkers: number;
  readonly #idleMs: number;
  readonly #idle: Worker[] = [];
  readonly #busy = new Set<Worker>();
  readonly #waiting: (() => void)[] = [];
  #nextId = 1;

  constructor(entry: string, options: PoolOptions = {}) {
    this.#entry = entry;
    this.#launcher = options.launcher ?? workerLauncher;
    this.#maxWorkers = options.maxWorkers ?? 2;
    this.#idleMs = options.idleMs ?? 30_000;
  }

  /** How many worker processes are alive (for tests and the logs). */
  get size(): number {
    return this.#idle.length + this.#busy.size;
  }

  run<T>(job: string, request: unknown, limits: JobLimits): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const { signal } = limits;
      let worker: Worker | undefined;
      let settled = false;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        outcome();
      };
      const start = () => {
        if (settled) return this.#next();
        worker = this.#take();
        const id = this.#nextId++;
        worker.pending = {
          id,
          job,
          resolve: (value) => {
            this.#release(worker as Worker);
            finish(() => resolve(value as T));
          },
          reject: (error) => {
            if (!(worker as Worker).exited) this.#release(worker as Worker);
            finish(() => reject(error));
          },
        };
        worker.process.postMessage({ id, job, request } satisfies JobMessage);
      };
      /** Past its deadline or stopped by its caller: out of the queue, its worker killed. */
      const abandon = (failure: AppFailure) => {
        const waitingIndex = this.#waiting.indexOf(start);
        if (waitingIndex >= 0) this.#waiting.splice(waitingIndex, 1);
        if (worker) {
          worker.pending = undefined;
          this.#discard(worker);
        }
        finish(() => reject(failure));
      };
      const onAbort = () => abandon(jobAbortedFailure());
      const timer = setTimeout(() => abandon(limits.onTimeout()), limits.timeoutMs);
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      if (this.#busy.size >= this.#maxWorkers) this.#waiting.push(start);
      else {
        try {
          start();
        } catch (error) {
          finish(() => reject(error));
        }
      }
    });
  }

  /** Stops every worker; jobs under way fail as if their worker had crashed. */
  async close(): Promise<void> {
    for (const worker of [...this.#idle, ...this.#busy]) this.#discard(worker);
  }

  #take(): Worker {
    const idle = this.#idle.pop();
    const worker = idle ?? this.#spawn();
    clearTimeout(worker.idleTimer);
    worker.process.setIdle(false);
    this.#busy.add(worker);
    return worker;
  }

  #spawn(): Worker {
    return new Worker(this.#launcher()(this.#entry), (worker, exit) => {
      const pending = worker.pending;
      worker.pending = undefined;
      this.#forget(worker);
      pending?.reject(crashFailure(pending.job, exit));
    });
  }

  #release(worker: Worker): void {
    this.#busy.delete(worker);
    if (worker.exited) return this.#next();
    worker.process.setIdle(true);
    worker.idleTimer = setTimeout(() => this.#discard(worker), this.#idleMs);
    worker.idleTimer.unref();
    this.#idle.push(worker);
    this.#next();
  }

  #discard(worker: Worker): void {
    this.#forget(worker);
    if (!worker.exited) worker.process.kill();
  }

  #forget(worker: Worker): void {
    clearTimeout(worker.idleTimer);
    const index = this.#idle.indexOf(worker);
    if (index >= 0) this.#idle.splice(index, 1);
    if (this.#busy.delete(worker)) this.#next();
  }

  #next(): void {
    if (this.#busy.size >= this.#maxWorkers) return;
    this.#waiting.shift()?.();
  }
}
