import { wordCount } from '../../../shared/content/doc.js';

/**
 * Words of each part, for the outline. Counting reads the whole part, so it runs once
 * typing pauses, never per keystroke; only components subscribed here re-render.
 */
export class WordCounts {
  private readonly words: Map<string, number>;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
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

  /** Counts the part's text once it has not changed for a moment. */
  recountLater(key: string, text: () => string): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.set(key, wordCount(text()));
      }, this.delayMs),
    );
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
