import type { ErrorCode } from '../../../shared/result.js';

/**
 * The messages between a host and its worker process. Values cross by structured clone
 * (Node's `advanced` serialization, Electron's postMessage): Maps, typed arrays and plain
 * objects keep their shape, a Buffer may arrive as a Uint8Array, functions do not cross.
 */
export interface JobMessage {
  id: number;
  job: string;
  request: unknown;
}

export interface JobError {
  /** An AppFailure's code when the job failed with one; otherwise absent (an unexpected error). */
  code?: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type ReplyMessage =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: JobError };

/** What a worker offers: each job takes one request and answers one value. */
export type JobTable = Record<string, (request: never) => Promise<unknown>>;
