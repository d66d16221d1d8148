import { noCounts, startsOf, type Counts } from '../../../shared/content/numbering.js';

/** What one part holds: its figures, its tables, and how many of them lack a source. */
export interface PartCounts extends Counts {
  missingSources: number;
}

/** What a part's editor needs to number its blocks: where it starts, and when that changes. */
export interface NumberingSource {
  start(): Counts;
  report(counts: PartCounts): void;
  subscribe(listener: () => void): () => void;
}

const sameCounts = (a: Counts, b: Counts) => a.figure === b.figure && a.table === b.table;

/**
 * Numbering across the editors of one sheet: each part reports what it holds, and each
 * learns where its numbering starts (content/numbering.ts gives the order and the rule).
 * A part is told only when its own start moved, so typing never wakes the other editors.
 */
export class NumberingRegistry {
  private order: readonly string[] = [];
  private readonly counts = new Map<string, PartCounts>();
  private starts = new Map<string, Counts>();
  private readonly partListeners = new Map<string, Set<() => void>>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(initial: Iterable<[string, PartCounts]>) {
    for (const [key, counts] of initial) this.counts.set(key, counts);
  }

  setOrder(keys: readonly string[]): void {
    this.order = keys;
    this.recompute();
  }

  startOf(key: string): Counts {
    return this.starts.get(key) ?? noCounts();
  }

  missingSources(key: string): number {
    return this.counts.get(key)?.missingSources ?? 0;
  }

  sourceFor(key: string): NumberingSource {
    return {
      start: () => this.startOf(key),
      report: (counts) => this.report(key, counts),
      subscribe: (listener) => {
        let set = this.partListeners.get(key);
        if (!set) {
          set = new Set();
          this.partListeners.set(key, set);
        }
        set.add(listener);
        return () => set.delete(listener);
      },
    };
  }

  report(key: string, counts: PartCounts): void {
    const previous = this.counts.get(key);
    if (previous && sameCounts(previous, counts) && previous.missingSources === counts.missingSources) {
      return;
    }
    this.counts.set(key, counts);
    if (!previous || !sameCounts(previous, counts)) this.recompute();
    this.changed();
  }

  /** For the outline: any change of counts or sources. */
  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  }

  private recompute(): void {
    const starts = startsOf(this.order.map((key) => this.counts.get(key) ?? noCounts()));
    const next = new Map(this.order.map((key, index) => [key, starts[index] ?? noCounts()]));
    const moved = this.order.filter((key) => !sameCounts(this.startOf(key), next.get(key) ?? noCounts()));
    this.starts = next;
    // After the current transaction: an editor may be in the middle of its own update.
    queueMicrotask(() => {
      for (const key of moved) for (const listener of [...(this.partListeners.get(key) ?? [])]) listener();
    });
  }
}
