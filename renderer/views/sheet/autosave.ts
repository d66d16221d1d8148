import type { AppError, Result } from '../../../shared/result.js';

/**
 * Autosave of one open sheet, never losing a word. Editors only mark their part dirty
 * with a way to read it; nothing is serialised until a save starts. A save runs about a
 * second after the last change, or at once when asked (blur, leaving the sheet, the page
 * going away, Electron closing). Saves of a sheet are strictly sequential; a part edited
 * while a save is in flight is saved again by the next one; a failed save keeps its parts
 * dirty, so the next save (or Réessayer) sends them again.
 */
export type SaveState =
  { kind: 'saved' } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'error'; error: AppError };

export interface SaveOptions {
  /** The page is going away: the request must outlive it. */
  keepalive?: boolean;
}

export interface Entry<P> {
  part: P;
  value: unknown;
}

export interface AutosaverOptions<P> {
  keyOf: (part: P) => string;
  save: (batch: Entry<P>[], options: SaveOptions) => Promise<Result<unknown>>;
  /** Every value read for saving, so an editor mounted again starts from it. */
  onRead?: (part: P, value: unknown) => void;
  delayMs?: number;
}

interface Dirty<P> {
  part: P;
  read: () => unknown;
}

const SAVED: SaveState = { kind: 'saved' };
const DIRTY: SaveState = { kind: 'dirty' };
const SAVING: SaveState = { kind: 'saving' };

export class Autosaver<P> {
  private readonly dirty = new Map<string, Dirty<P>>();
  private readonly listeners = new Set<() => void>();
  private readonly delayMs: number;
  private state: SaveState = SAVED;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The tail of the chain of saves: each save starts when the previous one ended. */
  private queue: Promise<boolean> = Promise.resolve(true);
  private pending = 0;

  constructor(private readonly options: AutosaverOptions<P>) {
    this.delayMs = options.delayMs ?? 1000;
  }

  /** A part changed; `read` is called only when it is saved. */
  markDirty(part: P, read: () => unknown): void {
    this.dirty.set(this.options.keyOf(part), { part, read });
    if (this.state.kind === 'saved') this.setState(DIRTY);
    this.schedule();
  }

  /** The part is going away (its editor unmounts): keep its current value, not a reader of a dead editor. */
  freeze(part: P): void {
    const key = this.options.keyOf(part);
    const entry = this.dirty.get(key);
    if (!entry) return;
    const value = this.read(entry);
    this.dirty.set(key, { part, read: () => value });
  }

  /** Saves every dirty part now, after the saves already started. Resolves true when all went well. */
  flush(options: SaveOptions = {}): Promise<boolean> {
    this.cancelTimer();
    this.pending += 1;
    const run = this.queue.then(() => this.saveOnce(options));
    this.queue = run.finally(() => {
      this.pending -= 1;
    });
    return run;
  }

  /**
   * The page is being hidden or unloaded: it may never run another task, so waiting for a
   * save in flight is not an option. Send what is dirty right away, with keepalive.
   */
  flushOnExit(): void {
    if (this.pending === 0) {
      void this.flush({ keepalive: true });
      return;
    }
    if (this.dirty.size === 0) return;
    void this.options.save(this.takeBatch(), { keepalive: true });
  }

  /** Saves everything and reads no editor any more: the sheet is being left. */
  leave(): Promise<boolean> {
    for (const entry of this.dirty.values()) this.freeze(entry.part);
    return this.flush();
  }

  /** The sheet is gone (deleted): nothing left to save. */
  discard(): void {
    this.cancelTimer();
    this.dirty.clear();
    this.setState(SAVED);
  }

  /** Whether the part (by its key) has changes not yet sent. */
  isDirty(key: string): boolean {
    return this.dirty.has(key);
  }

  hasUnsaved(): boolean {
    return this.dirty.size > 0 || this.pending > 0;
  }

  getState = (): SaveState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private schedule(): void {
    this.cancelTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.delayMs);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private read(entry: Dirty<P>): unknown {
    const value = entry.read();
    this.options.onRead?.(entry.part, value);
    return value;
  }

  private takeBatch(): Entry<P>[] {
    const batch = [...this.dirty.values()].map((entry) => ({ part: entry.part, value: this.read(entry) }));
    this.dirty.clear();
    return batch;
  }

  private async saveOnce(options: SaveOptions): Promise<boolean> {
    if (this.dirty.size === 0) return this.state.kind !== 'error';
    const batch = this.takeBatch();
    this.setState(SAVING);
    let result: Result<unknown>;
    try {
      result = await this.options.save(batch, options);
    } catch (error) {
      result = {
        ok: false,
        error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
      };
    }
    if (!result.ok) {
      // Put the batch back unless the part changed again meanwhile (its newer reader wins).
      for (const { part, value } of batch) {
        const key = this.options.keyOf(part);
        if (!this.dirty.has(key)) this.dirty.set(key, { part, read: () => value });
      }
      this.setState({ kind: 'error', error: result.error });
      return false;
    }
    this.setState(this.dirty.size > 0 ? DIRTY : SAVED);
    return true;
  }

  private setState(state: SaveState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of [...this.listeners]) listener();
  }
}
