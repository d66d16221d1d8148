import { AppFailure } from '../../../shared/result.js';
import type { JobError, JobMessage, JobTable, ReplyMessage } from './protocol.js';

/**
 * The child's side: answers the host's job messages, one at a time (the pool sends the
 * next only after the reply), over Node's IPC channel or Electron's parentPort.
 */

interface Channel {
  onMessage(listener: (message: JobMessage) => void): void;
  post(message: ReplyMessage): void;
}

/** Electron's utility process: `process.parentPort` (not in Node's types). */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

function parentChannel(): Channel {
  const port = (process as { parentPort?: ParentPort }).parentPort;
  if (port) {
    return {
      onMessage: (listener) => port.on('message', (event) => listener(event.data as JobMessage)),
      post: (message) => port.postMessage(message),
    };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error('worker started without a channel to its host');
  // The host went away (closed, crashed): nothing is left to answer.
  process.on('disconnect', () => process.exit(0));
  return {
    onMessage: (listener) => process.on('message', (message) => listener(message as JobMessage)),
    post: (message) => send(message),
  };
}

function jobError(error: unknown): JobError {
  if (error instanceof AppFailure) {
    return { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

export function serveJobs(jobs: JobTable): void {
  const channel = parentChannel();
  channel.onMessage(({ id, job, request }) => {
    const run = Object.hasOwn(jobs, job) ? jobs[job] : undefined;
    const answer = run
      ? run(request as never)
      : Promise.reject(new Error(`unknown job ${JSON.stringify(job)}`));
    answer.then(
      (value) => channel.post({ id, ok: true, value }),
      (error: unknown) => channel.post({ id, ok: false, error: jobError(error) }),
    );
  });
}
