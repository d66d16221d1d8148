import type { AppError, ErrorCode, Result } from '../../../shared/result.js';

/**
 * Autosave of one open sheet, never losing a word. Editors only mark their part dirty
 * with a way to read it; nothing is serialised until a save starts. A save runs about a
 * second after the last change, or at once when asked (blur, leaving the sheet, the page
 * going away, Electron closing). Saves of a sheet are strictly sequential; a part edited
 * while a save is in flight is saved again by the next one; a failed save keeps its parts
 * dirty, so the next save (or Réessayer) sends them again, and one that may succeed later
 * (the host restarting, a full disk) is tried again by itself, less and less often. Each
 * batch goes to the journal (journal.ts) before it is sent, and leaves it once the host
 * acknowledged it.
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
  /**
   * The value as JSON text, serialised once per save attempt and shared by the journal and
   * the request: a long sheet's document costs a tenth of a second to serialise, and
   * several to clone as objects into IndexedDB.
   */
  json?: string;
}

/** Where a batch waits until the host acknowledged it (journal.ts). */
export interface SaveJournal<P> {
  /** The batch is about to be sent; returns this attempt's number. */
  keep(batch: Entry<P>[]): number;
  acknowledged(attempt: number, batch: Entry<P>[]): void;
}

export interface AutosaverOptions<P> {
  keyOf: (part: P) => string;
  save: (batch: Entry<P>[], options: SaveOptions) => Promise<Result<unknown>>;
  /** Every value read for saving, so an editor mounted again starts from it. */
  onRead?: (part: P, value: unknown) => void;
  journal?: SaveJournal<P>;
  delayMs?: number;
  /** The first automatic retry after a failure; each next one waits twice as long, up to a cap. */
  retryMs?: number;
}

/** Failures that waiting cannot mend: the same request would be refused again. */
const FINAL_FAILURES: ReadonlySet<ErrorCode> = new Set([
  'invalid-request',
  'invalid-content',
  'not-found',
  'unsupported',
]);

const MAX_RETRY_MS = 15_000;

interface Dirty<P> {
  part: P;
  read: () => unknown;
  /** The value's JSON text, where its editor writes it faster than JSON.stringify (editor/doc-json.ts). */
  json?: (() => string) | undefined;
}

const SAVED: SaveState = { kind: 'saved' };
const DIRTY: SaveState = { kind: 'dirty' };
const SAVING: SaveState = { kind: 'saving' };

export class Autosaver<P> {
  private readonly dirty = new Map<string, Dirty<P>>();
  private readonly listeners = new Set<() => void>();
  private readonly delayMs: number;
  private readonly retryMs: number;
  private state: SaveState = SAVED;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The wait before the next automatic retry, while saves fail. */
  private nextRetryMs: number;
  /** Left or discarded: nothing is retried any more. */
  private stopped = false;
  /** The tail of the chain of saves: each save starts when the previous one ended. */
  private queue: Promise<boolean> = Promise.resolve(true);
  private pending = 0;

  constructor(private readonly options: AutosaverOptions<P>) {
    this.delayMs = options.delayMs ?? 1000;
    this.retryMs = options.retryMs ?? 2000;
    this.nextRetryMs = this.retryMs;
  }

  /** A part changed; `read` (and `json`, its value as JSON text) is called only when it is saved. */
  markDirty(part: P, read: () => unknown, json?: () => string): void {
    this.dirty.set(this.options.keyOf(part), { part, read, json });
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
    void this.send(this.takeBatch(), { keepalive: true });
  }

  /**
   * Saves everything and reads no editor any more: the sheet is being left. What still
   * fails stays in the journal, offered back when the sheet opens again; this autosaver
   * tries no more, so it never competes with the next opening.
   */
  leave(): Promise<boolean> {
    for (const entry of this.dirty.values()) this.freeze(entry.part);
    const last = this.flush();
    this.stopped = true;
    return last;
  }

  /** The sheet is gone (deleted): nothing left to save. */
  discard(): void {
    this.stopped = true;
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
    const batch = [...this.dirty.values()].map((entry) => {
      const value = this.read(entry);
      return { part: entry.part, value, json: entry.json?.() ?? JSON.stringify(value) };
    });
    this.dirty.clear();
    return batch;
  }

  private async saveOnce(options: SaveOptions): Promise<boolean> {
    if (this.dirty.size === 0) return this.state.kind !== 'error';
    const batch = this.takeBatch();
    this.setState(SAVING);
    const result = await this.send(batch, options);
    if (!result.ok) {
      this.setState({ kind: 'error', error: result.error });
      this.retryLater(result.error.code);
      return false;
    }
    this.nextRetryMs = this.retryMs;
    this.setState(this.dirty.size > 0 ? DIRTY : SAVED);
    return true;
  }

  /** One attempt: journal, send, then forget from the journal or put the batch back. */
  private async send(batch: Entry<P>[], options: SaveOptions): Promise<Result<unknown>> {
    const attempt = this.options.journal?.keep(batch);
    let result: Result<unknown>;
    try {
      result = await this.options.save(batch, options);
    } catch (error) {
      console.error('Fiches\u00a0: enregistrement', error);
      result = {
        ok: false,
        error: {
          code: 'internal',
          message: 'Erreur inattendue de la page pendant l’enregistrement',
        },
      };
    }
    if (result.ok) {
      if (attempt !== undefined) this.options.journal?.acknowledged(attempt, batch);
      return result;
    }
    // Put the batch back unless the part changed again meanwhile (its newer reader wins).
    for (const { part, value, json } of batch) {
      const key = this.options.keyOf(part);
      if (!this.dirty.has(key))
        this.dirty.set(key, { part, read: () => value, json: json === undefined ? undefined : () => json });
    }
    return result;
  }

  private retryLater(code: ErrorCode): void {
    if (this.stopped || FINAL_FAILURES.has(code) || this.timer !== undefined) return;
    const wait = this.nextRetryMs;
    this.nextRetryMs = Math.min(wait * 2, MAX_RETRY_MS);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, wait);
  }

  private setState(state: SaveState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of [...this.listeners]) listener();
  }
}
