import { expect } from 'vitest';
import { AppFailure } from '../../../shared/result.js';

/** The AppFailure `promise` ends with; the test fails if it succeeds or fails otherwise. */
export async function failure(promise: Promise<unknown>): Promise<AppFailure> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppFailure);
  return error as AppFailure;
}
