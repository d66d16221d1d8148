import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  HISTORY_LOG_NAME,
  historyFileName,
  WRITER_PATTERN,
  type RepositoryLayout,
} from '../repository/layout.js';
import { tornTailKeeper } from './damage.js';
import { ObjectStore } from './objects.js';
import type { ObjectSource } from './part-codec.js';
import { RevisionLog } from './revision-log.js';
import { targetFile, targetFolder, type HistoryTarget } from './target.js';

/**
 * The files of one history, one pair per writer. A repository never shared has one pair,
 * `revisions.jsonl` and `objects.jsonl` (writer null). Once shared, each copy appends only
 * to its own pair, `revisions-<writer>.jsonl` and `objects-<writer>.jsonl` (the writer id
 * is the copy's, repository/local-state.ts), and the pair written before sharing is never
 * appended to again. So a log file only ever grows on one machine: git carries it as an
 * ordinary file and never has to merge one, and a sync is a union of the files.
 */
export interface WriterLog {
  writer: string | null;
  objects: ObjectStore;
  revisions: RevisionLog;
  /** As messages show them (relative to the repository). */
  files: { objects: string; revisions: string };
}

async function logNames(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((name) => HISTORY_LOG_NAME.test(name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function writersIn(folder: string): Promise<Set<string | null>> {
  return new Set((await logNames(folder)).map((name) => HISTORY_LOG_NAME.exec(name)?.[1] ?? null));
}

/** Every history file of the target, whoever wrote it (a reading session stamps them). */
export async function historyFiles(layout: RepositoryLayout, target: HistoryTarget): Promise<string[]> {
  const folder = join(layout.root, targetFolder(target));
  return (await logNames(folder)).sort().map((name) => join(folder, name));
}

export interface WriterLoadOptions {
  /** A writer cuts a torn tail off (keeping it in damaged/); a reader leaves the files as they are. */
  repair: boolean;
}

async function loadLog(
  layout: RepositoryLayout,
  target: HistoryTarget,
  writer: string | null,
  options: WriterLoadOptions,
): Promise<WriterLog> {
  const objectsPath = targetFile(layout, target, 'objects.jsonl', writer);
  const revisionsPath = targetFile(layout, target, 'revisions.jsonl', writer);
  const keep = (file: 'objects.jsonl' | 'revisions.jsonl') =>
    options.repair ? { keepTornTail: tornTailKeeper(layout, target, historyFileName(file, writer)) } : {};
  // The revisions first: a revision's objects are appended before it, so every revision
  // read then finds its objects in the file, even while another process appends to both.
  const revisions = await RevisionLog.load(revisionsPath, keep('revisions.jsonl'));
  const objects = await ObjectStore.load(objectsPath, keep('objects.jsonl'));
  return {
    writer,
    objects,
    revisions,
    files: { objects: layout.display(objectsPath), revisions: layout.display(revisionsPath) },
  };
}

/**
 * Every writer's pair found in the target's folder, the pair written before sharing first,
 * and `own` (this copy's, which may not exist yet) among them.
 */
export async function loadWriterLogs(
  layout: RepositoryLayout,
  target: HistoryTarget,
  own: string | null,
  options: WriterLoadOptions,
): Promise<{ logs: WriterLog[]; own: WriterLog }> {
  if (own !== null && !WRITER_PATTERN.test(own)) throw new Error(`invalid history writer ${own}`);
  const writers = await writersIn(join(layout.root, targetFolder(target)));
  writers.add(own);
  const ordered = [...writers].sort((a, b) => (a === null ? -1 : b === null ? 1 : a < b ? -1 : 1));
  // Only this copy appends to its own files, so only they can have a torn tail to cut;
  // other writers' files change through a sync alone, which writes each one whole.
  const logs = await Promise.all(
    ordered.map((writer) => loadLog(layout, target, writer, { repair: options.repair && writer === own })),
  );
  return { logs, own: logs.find((log) => log.writer === own) as WriterLog };
}

/**
 * The objects of every writer's file, read as one store: content is named by its hash, so
 * a block already stored by a colleague is not stored again, and a revision may use it.
 * New objects go to this copy's own file only.
 */
export class ObjectSources implements ObjectSource {
  constructor(
    private readonly own: ObjectStore,
    private readonly all: readonly ObjectStore[],
  ) {}

  has(hash: string): boolean {
    return this.all.some((store) => store.has(hash));
  }

  stage(value: unknown): string {
    return this.own.stage(value, (hash) => this.all.some((store) => store !== this.own && store.has(hash)));
  }

  commit(): Promise<void> {
    return this.own.commit();
  }

  discardStaged(): void {
    this.own.discardStaged();
  }

  async read(hashes: Iterable<string>): Promise<Map<string, unknown>> {
    const wanted = new Set(hashes);
    const found = new Map<string, unknown>();
    for (const store of this.all) {
      const here = [...wanted].filter((hash) => !found.has(hash) && store.has(hash));
      if (here.length === 0) continue;
      for (const [hash, value] of await store.read(here)) found.set(hash, value);
    }
    return found;
  }
}
