/** A count waits for an idle moment at most this long, so a busy page still gets its counts. */
const IDLE_TIMEOUT_MS = 2000;

/** Runs `task` when the page is idle (or soon, where there is no such notion); returns its cancellation. */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(task, 0);
    return () => clearTimeout(timer);
  }
  const request = requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
  return () => cancelIdleCallback(request);
}

/**
 * Words of each part, for the outline. Counting reads the blocks that changed since the last
 * count (editor/doc-words.ts), and still runs once typing pauses, never per keystroke, and
 * when the page has nothing more urgent to do: after a 4 MB web page is pasted, counting
 * its words and showing the count cost some 300 ms, which ran while the page was still
 * being drawn. Only components subscribed here re-render.
 */
export class WordCounts {
  private readonly words: Map<string, number>;
  /** The pending count of each part: waiting for typing to pause, then for an idle moment. */
  private readonly pending = new Map<string, () => void>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(
    initial: Iterable<[string, number]>,
    private readonly delayMs = 500,
  ) {
    this.words = new Map(initial);
  }

  get(key: string): number {
    return this.words.get(key) ?? 0;
  }

  set(key: string, words: number): void {
    if (this.words.get(key) === words) return;
    this.words.set(key, words);
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  }

  /** Counts the part's words once it has not changed for a moment, at the page's next idle moment. */
  recountLater(key: string, words: () => number): void {
    this.pending.get(key)?.();
    const count = () => {
      this.pending.delete(key);
      this.set(key, words());
    };
    const timer = setTimeout(() => this.pending.set(key, whenIdle(count)), this.delayMs);
    this.pending.set(key, () => clearTimeout(timer));
  }

  dispose(): void {
    for (const cancel of this.pending.values()) cancel();
    this.pending.clear();
  }

  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
