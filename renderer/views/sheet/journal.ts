import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Entry } from './autosave.js';
import { partKey, type Part } from './parts.js';

/**
 * Edits the host has not acknowledged yet, kept in the browser (IndexedDB) so they survive
 * a reload, a closed tab or a crashed browser. Each save attempt writes its values before
 * it is sent; the host's acknowledgement removes them. Whatever is left when a sheet opens
 * is offered back (recovery.ts). One entry per sheet and part: the latest value wins.
 */
export interface JournalEntry {
  sheetId: string;
  /** partKey(part) */
  key: string;
  part: Part;
  value: unknown;
  /** What the host had for the part when these edits began: tells whether it changed since. */
  base: unknown;
  /** The open sheet (one per tab and opening) that wrote it. */
  writer: string;
  /** Its save attempt, counted per writer: an acknowledgement removes its own attempt or older ones. */
  attempt: number;
  /** When it was written (ISO 8601). */
  at: string;
}

/**
 * An entry as stored: the value and its base as JSON text, which IndexedDB copies as one
 * string where it would clone a long document node by node on the page's thread. Entries
 * written before that hold `value` and `base` as objects, and are read as they are.
 */
type StoredEntry = Omit<JournalEntry, 'value' | 'base'> &
  ({ valueJson: string | undefined; baseJson: string | undefined } | { value: unknown; base: unknown });

interface JournalSchema extends DBSchema {
  edits: { key: [string, string]; value: StoredEntry; indexes: { bySheet: string } };
}

function decoded(stored: StoredEntry): JournalEntry {
  if (!('valueJson' in stored)) return stored;
  const { valueJson, baseJson, ...entry } = stored;
  return { ...entry, value: parsed(valueJson), base: parsed(baseJson) };
}

function parsed(json: string | undefined): unknown {
  return json === undefined ? undefined : (JSON.parse(json) as unknown);
}

const DB_NAME = 'fiches-journal';
const DB_VERSION = 1;

/** The journal of this origin's pages. Every write is a transaction of its own, strictly durable. */
export class EditJournal {
  private constructor(private readonly db: IDBPDatabase<JournalSchema>) {}

  static async open(): Promise<EditJournal> {
    const db = await openDB<JournalSchema>(DB_NAME, DB_VERSION, {
      upgrade(database) {
        const store = database.createObjectStore('edits', { keyPath: ['sheetId', 'key'] });
        store.createIndex('bySheet', 'sheetId');
      },
    });
    return new EditJournal(db);
  }

  async keep(entries: StoredEntry[]): Promise<void> {
    if (entries.length === 0) return;
    // 'strict': on disk before the transaction completes, as a crash of the machine demands.
    const tx = this.db.transaction('edits', 'readwrite', { durability: 'strict' });
    await Promise.all([...entries.map((entry) => tx.store.put(entry)), tx.done]);
  }

  /** The host has these parts as attempt `attempt` of `writer` sent them: forget them, unless written again since. */
  async acknowledge(sheetId: string, writer: string, attempt: number, keys: string[]): Promise<void> {
    const tx = this.db.transaction('edits', 'readwrite', { durability: 'strict' });
    await Promise.all([
      ...keys.map(async (key) => {
        const entry = await tx.store.get([sheetId, key]);
        if (entry && entry.writer === writer && entry.attempt <= attempt)
          await tx.store.delete([sheetId, key]);
      }),
      tx.done,
    ]);
  }

  async entriesOf(sheetId: string): Promise<JournalEntry[]> {
    return (await this.db.getAllFromIndex('edits', 'bySheet', sheetId)).map(decoded);
  }

  /** The user took them back or gave them up. */
  async remove(sheetId: string, keys: string[]): Promise<void> {
    const tx = this.db.transaction('edits', 'readwrite', { durability: 'strict' });
    await Promise.all([...keys.map((key) => tx.store.delete([sheetId, key])), tx.done]);
  }

  close(): void {
    this.db.close();
  }
}

let shared: Promise<EditJournal | undefined> | undefined;

/** This page's journal; undefined where the browser has no IndexedDB (the host's save still works). */
export function pageJournal(): Promise<EditJournal | undefined> {
  shared ??= EditJournal.open().catch((error: unknown) => {
    console.warn('Fiches\u00a0: journal des modifications indisponible', error);
    return undefined;
  });
  return shared;
}

/** The autosaver serialised the value already (for the request too); anything else is serialised here. */
function jsonOf(entry: Entry<Part>): string | undefined {
  return entry.json ?? JSON.stringify(entry.value);
}

let writers = 0;

function newWriterId(): string {
  writers += 1;
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${writers}`;
}

/**
 * The journal as one open sheet's autosaver sees it: synchronous calls, written in order
 * behind the scenes. A journal that fails (storage full, refused) is reported in the
 * console and the host's save goes on without it.
 */
export class SheetJournal {
  readonly writer = newWriterId();
  private attempts = 0;
  /** The journal once opened (undefined: none), null until then. */
  private ready: EditJournal | undefined | null = null;
  private pending = new Set<Promise<unknown>>();
  /** Values the host acknowledged, as JSON text: the base of the next edits of the part. */
  private readonly acknowledgedJson = new Map<string, string | undefined>();
  /** What the host had for a part when the sheet was opened, serialised once. */
  private readonly loadedJson = new Map<string, string | undefined>();

  constructor(
    private readonly journal: Promise<EditJournal | undefined>,
    private readonly sheetId: string,
    /** What the host had for a part when the sheet was opened. */
    private readonly loadedValue: (part: Part) => unknown,
  ) {
    void journal.then((opened) => {
      this.ready = opened;
    });
  }

  /** A save attempt is about to send `batch`: keep it. Returns the attempt's number. */
  keep(batch: Entry<Part>[]): number {
    this.attempts += 1;
    const attempt = this.attempts;
    const at = new Date().toISOString();
    const entries = batch.map((entry): StoredEntry => {
      const key = partKey(entry.part);
      return {
        sheetId: this.sheetId,
        key,
        part: entry.part,
        valueJson: jsonOf(entry),
        baseJson: this.baseJson(key, entry.part),
        writer: this.writer,
        attempt,
        at,
      };
    });
    this.write((journal) => journal.keep(entries));
    return attempt;
  }

  acknowledged(attempt: number, batch: Entry<Part>[]): void {
    const keys = batch.map((entry) => {
      const key = partKey(entry.part);
      this.acknowledgedJson.set(key, jsonOf(entry));
      return key;
    });
    this.write((journal) => journal.acknowledge(this.sheetId, this.writer, attempt, keys));
  }

  private baseJson(key: string, part: Part): string | undefined {
    if (this.acknowledgedJson.has(key)) return this.acknowledgedJson.get(key);
    if (!this.loadedJson.has(key)) this.loadedJson.set(key, JSON.stringify(this.loadedValue(part)));
    return this.loadedJson.get(key);
  }

  /** Resolves once everything asked so far is written. */
  async settled(): Promise<void> {
    await this.journal;
    await Promise.all([...this.pending]);
  }

  /**
   * Starts the transaction now when the journal is open: IndexedDB runs transactions on a
   * store in the order they were created, and one created in a pagehide handler still
   * reaches the disk, where one waiting behind a promise chain might never start.
   */
  private write(work: (journal: EditJournal) => Promise<void>): void {
    const run =
      this.ready !== null
        ? this.ready
          ? work(this.ready)
          : Promise.resolve()
        : this.journal.then((journal) => (journal ? work(journal) : undefined));
    const tracked = run.catch((error: unknown) =>
      console.warn('Fiches\u00a0: écriture du journal impossible', error),
    );
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }
}
