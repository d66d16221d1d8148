import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WordCounts } from './counts.js';

describe('word counts of the outline', () => {
  let idle: (() => void)[];

  beforeEach(() => {
    vi.useFakeTimers();
    idle = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    vi.stubGlobal('cancelIdleCallback', (handle: number) => {
      idle[handle - 1] = () => undefined;
    });
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('counts once typing has paused, when the page is idle, reading the words only then', () => {
    const counts = new WordCounts([['passe', 2]], 500);
    const words = vi.fn(() => 3);
    counts.recountLater('passe', words);
    counts.recountLater('passe', words);
    vi.advanceTimersByTime(500);
    expect(words).not.toHaveBeenCalled();
    expect(counts.get('passe')).toBe(2);
    expect(idle).toHaveLength(1);
    idle[0]?.();
    expect(words).toHaveBeenCalledTimes(1);
    expect(counts.get('passe')).toBe(3);
  });

  it('counts nothing once disposed, whether still waiting for the pause or for the idle moment', () => {
    const counts = new WordCounts([], 500);
    const words = vi.fn(() => 2);
    counts.recountLater('a', words);
    vi.advanceTimersByTime(500);
    counts.recountLater('b', words);
    counts.dispose();
    vi.advanceTimersByTime(1000);
    for (const callback of idle) callback();
    expect(words).not.toHaveBeenCalled();
  });
});
