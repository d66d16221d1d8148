import { useCallback, useEffect, useState } from 'react';
import type { AppError, Result } from '../../shared/result.js';

export type Loaded<T> =
  { state: 'loading' } | { state: 'error'; error: AppError } | { state: 'ready'; value: T };

/**
 * Runs an API call when the component mounts (and when `reload` is called), keeping the
 * last answer: a view renders "loading", the French error, or the value, never a blank.
 */
export function useResult<T>(load: () => Promise<Result<T>>): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    void load().then((result) => {
      if (!current) return;
      setLoaded(
        result.ok ? { state: 'ready', value: result.value } : { state: 'error', error: result.error },
      );
    });
    return () => {
      current = false;
    };
  }, [load, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return [loaded, reload];
}
