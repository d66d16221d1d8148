/**
 * Results cross every boundary (IPC, HTTP, CLI) as data, never as thrown exceptions:
 * Electron's IPC keeps only an error's message, and a structured code lets the UI
 * choose what to say and the tests check what happened.
 */
export const errorCodes = [
  'invalid-request',
  'invalid-content',
  'not-found',
  'already-exists',
  'damaged',
  'locked',
  'read-only',
  'not-a-repository',
  'invalid-template',
  'io',
  'unsupported',
  'forbidden',
  /** The host did not answer at all (stopped, restarting): nothing was done, try again later. */
  'unreachable',
  /** A shared repository's server wants credentials, or refused those given: ask again. */
  'unauthorized',
  /** A shared repository's server cannot be reached: work goes on, the next sync sends it. */
  'offline',
  /** A shared repository's server refused what was asked (not a Fiches repository, not empty…). */
  'remote',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface AppError {
  code: ErrorCode;
  /** Shown to the user as is: French, says what happened and what to do. */
  message: string;
  /** Machine-readable specifics (the file, the field, the holder of a lock…). */
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <T = never>(
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): Result<T> => ({ ok: false, error: details ? { code, message, details } : { code, message } });

/** An error a service throws deep inside; the dispatcher turns it into a failed Result. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppFailure';
  }

  toError(): AppError {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}
