import { readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DocNode } from '../shared/content/doc.js';
import { openRepository, type ServiceHandlers } from '../main/services/index.js';
import { sampleRepository } from './fixtures.js';
import { percentile, report } from './stats.js';

const REVISIONS = 1000;
const SAVES = 150;

/**
 * Big Data with one paragraph changed: the n-th edit gives paragraph n (cycling through the
 * sheet) a new ending, so every revision differs by one paragraph while the sheet keeps its
 * size (saves with and without history then write the same amount).
 */
class Editor {
  private edits = 0;
  private readonly places: Array<{ id: string; index: number; block: DocNode }>;

  constructor(private sections: Record<string, DocNode>) {
    this.places = Object.entries(sections).flatMap(([id, doc]) =>
      (doc.content ?? [])
        .map((block, index) => ({ id, index, block }))
        .filter(({ block }) => block.type === 'paragraph'),
    );
  }

  next(): Record<string, DocNode> {
    this.edits += 1;
    const place = this.places[this.edits % this.places.length] as (typeof this.places)[number];
    const doc = this.sections[place.id] as DocNode;
    const content = [...(doc.content ?? [])];
    const inline = [...(place.block.content ?? []), { type: 'text', text: ` Révision ${this.edits}.` }];
    content[place.index] = { ...place.block, content: inline };
    this.sections = { ...this.sections, [place.id]: { ...doc, content } };
    return { [place.id]: this.sections[place.id] as DocNode };
  }
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) total += (await stat(join(dir, name))).size;
  return total;
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
}

/**
 * Save time with 1,000 revisions in history ÷ save time with none. The two repositories are
 * saved to in turn, so both ratios' terms see the same state of the disk and its caches.
 */
async function benchSaveRatio(h: ServiceHandlers, editor: Editor): Promise<void> {
  const { path, session } = await sampleRepository('history-none');
  try {
    const empty = session.handlers;
    const fresh = new Editor((await empty['sheets:get']({ id: 'big-data' })).sheet.sections);
    const save = (handlers: ServiceHandlers, sections: Record<string, DocNode>) =>
      timed(() => handlers['sheets:update']({ id: 'big-data', patch: { sections } }));
    // The first save of each loads its history (and records the initial state of the empty one).
    await save(empty, fresh.next());
    await save(h, editor.next());
    const none: number[] = [];
    const many: number[] = [];
    for (let i = 0; i < SAVES; i += 1) {
      none.push((await save(empty, fresh.next()))[1]);
      many.push((await save(h, editor.next()))[1]);
    }
    const withNone = percentile(none, 50);
    const withMany = percentile(many, 50);
    report(
      'history-save-ratio',
      withMany / withNone,
      '×',
      `p50 ${withMany.toFixed(2)} ms with ${REVISIONS} revisions ÷ ${withNone.toFixed(2)} ms with none; target ≤ 1.2`,
    );
  } finally {
    await session.close();
    await rm(dirname(path), { recursive: true, force: true });
  }
}

/** Saves do not grow with history; listing, comparing and storing 1,000 revisions of Big Data. */
export async function benchHistory(): Promise<void> {
  const { path, session } = await sampleRepository('history');
  let current = session;
  try {
    const editor = new Editor((await current.handlers['sheets:get']({ id: 'big-data' })).sheet.sections);
    const [, building] = await timed(async () => {
      for (let i = 0; i < REVISIONS; i += 1) {
        await current.handlers['sheets:update']({ id: 'big-data', patch: { sections: editor.next() } });
        await current.handlers['history:recordVersion']({ sheetId: 'big-data', name: `Version ${i + 1}` });
      }
    });
    report(
      'history-record-revision',
      building / REVISIONS,
      'ms',
      'one save and one named version, both durable',
    );
    const bytes = await folderBytes(join(path, 'history', 'big-data'));
    report(
      'history-disk-1000-revisions',
      bytes / 1024 / 1024,
      'MB',
      'each changes one paragraph; target ≤ 2',
    );
    await current.close();

    // New sessions: the history is read from disk by its first use, as after a restart.
    current = await openRepository(path, { create: 'never' });
    const [listing, cold] = await timed(() => current.handlers['history:list']({ sheetId: 'big-data' }));
    if (listing.revisions.length < REVISIONS)
      throw new Error(`history lists ${listing.revisions.length} revisions`);
    report('history-list-1000-cold', cold, 'ms', 'first read after opening; target ≤ 50');
    const warm: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      warm.push((await timed(() => current.handlers['history:list']({ sheetId: 'big-data' })))[1]);
    }
    report('history-list-1000-warm', percentile(warm, 50), 'ms', 'target ≤ 50');

    const newest = listing.revisions[0]?.seq as number;
    const comparisons: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const from = 2 + ((i * 97) % (newest - 2));
      const request = { sheetId: 'big-data', from, to: newest };
      comparisons.push((await timed(() => current.handlers['history:compare'](request)))[1]);
    }
    report('history-compare-big-data-max', Math.max(...comparisons), 'ms', 'the first one included');
    report(
      'history-compare-big-data-p50',
      percentile(comparisons, 50),
      'ms',
      'two revisions far apart; target ≤ 100',
    );
    await current.close();

    current = await openRepository(path, { create: 'never' });
    await benchSaveRatio(current.handlers, editor);
  } finally {
    await current.close();
    await rm(dirname(path), { recursive: true, force: true });
  }
}
