import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { getPriority, setPriority } from 'node:os';
import { pathToFileURL } from 'node:url';

/**
 * How a host starts a process of its own for work that could crash it or hold its event
 * loop (rendering an SVG, building a document). A process, not a worker thread: a native
 * addon that panics (resvg) aborts its whole process, threads included.
 *
 * Two implementations: `child_process.fork` here (CLI, browser host, tests) and Electron's
 * `utilityProcess`, which the desktop shell injects (main/electron/worker-launcher.ts):
 * in Electron's main process `process.execPath` is the Electron binary, and the packaged
 * app's `runAsNode` fuse forbids running it as Node.
 */
export interface WorkerProcess {
  postMessage(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once, however the process ended; `stderr` is the end of what it printed there. */
  onExit(listener: (exit: WorkerExit) => void): void;
  kill(): void;
  /** While idle, the child does not keep the host's process alive (a CLI can exit). */
  setIdle(idle: boolean): void;
}

export interface WorkerExit {
  code: number | null;
  signal: string | null;
  stderr: string;
}

export type WorkerLauncher = (entry: string) => WorkerProcess;

/** What a crashed child said last (a panic's message): kept for the logs, never shown as is. */
export const STDERR_TAIL = 4000;

export function appendTail(tail: string, chunk: string): string {
  const joined = tail + chunk;
  return joined.length > STDERR_TAIL ? joined.slice(-STDERR_TAIL) : joined;
}

/** How much less CPU priority a worker has than its host (nice steps; Windows maps it to a class). */
const WORKER_PRIORITY_STEP = 10;

/**
 * A worker process runs below its host: on two cores, a PDF export's Chromium (started by
 * the worker, and inheriting its priority) once took the CPU from the host for 118 ms, and
 * the host's other requests waited. The worker loses nothing while the host is idle.
 * Best effort: where the system refuses, the worker runs at the host's priority.
 */
export function runBelowHost(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    setPriority(pid, Math.min(19, getPriority() + WORKER_PRIORITY_STEP));
  } catch {
    // Not permitted here (a sandbox, a policy): the worker keeps the host's priority.
  }
}

/**
 * Run from the TypeScript sources (tests, `vitest`), the entry is a .ts file: the child
 * loads it through tsx, a development dependency. Built (dist/), it is plain JavaScript.
 */
function loaderArguments(entry: string): string[] {
  if (!entry.endsWith('.ts')) return [];
  const tsx = createRequire(import.meta.url).resolve('tsx');
  return ['--import', pathToFileURL(tsx).href];
}

export const nodeLauncher: WorkerLauncher = (entry) => {
  const child = fork(entry, [], {
    execArgv: loaderArguments(entry),
    // Buffers, Maps and typed arrays cross as they are (structured clone), not as JSON.
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    // Should a development build of the desktop app ever use this launcher, the Electron
    // binary then runs the entry as Node instead of opening a second app.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  runBelowHost(child.pid);
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (stderr = appendTail(stderr, chunk)));
  // A child that cannot start still ends with 'close'; this only keeps the error for the logs.
  child.on('error', (error) => (stderr = appendTail(stderr, `${error.message}\n`)));
  return {
    postMessage: (message) => child.send(message as never),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => {
      // 'close' waits for stderr to be read to its end: the panic's message is in it.
      child.once('close', (code, signal) => listener({ code, signal, stderr }));
    },
    kill: () => {
      child.kill('SIGKILL');
    },
    setIdle: (idle) => {
      // The stderr pipe is a socket: it too holds the event loop open.
      const handles = [child, child.channel, child.stderr as unknown as { ref(): void; unref(): void }];
      for (const handle of handles) {
        if (idle) handle?.unref();
        else handle?.ref();
      }
    },
  };
};

let chosen: WorkerLauncher = nodeLauncher;

/** The desktop shell calls this at start, before any job runs. */
export function useWorkerLauncher(launcher: WorkerLauncher): void {
  chosen = launcher;
}

export function workerLauncher(): WorkerLauncher {
  return chosen;
}
