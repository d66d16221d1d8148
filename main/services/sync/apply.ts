import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ConflictLabels } from '../../../shared/merge/conflicts.js';
import type { RevisionKind } from '../../../shared/model/history.js';
import { readFamilyFile } from '../families.js';
import { historyOf } from '../history/service.js';
import type { RepositoryContext } from '../repository/context.js';
import { REPOSITORY_FILE } from '../repository/layout.js';
import { readSheet } from '../sheets/sheet-file.js';
import { makeDirectoryDurable, writeFileDurable } from '../storage/durable-write.js';
import { FAMILY_PATH, mergeFileContents, SHEET_PATH } from './file-merge.js';
import type { GitRepository, TreeFiles } from './repo.js';

/**
 * Brings the working tree from the last commit (`from`) to a merge's result (`to`), file
 * by file, each written durably, under the queue of what it belongs to (a sheet, a family,
 * the system of variables), so a save and a sync never interleave on one file. A file
 * saved again since the commit (the user typed during the sync) is merged once more, the
 * commit as base: nothing typed meanwhile is lost. First each sheet's and family's state is
 * recorded (pre-sync), then other writers' history files come and the histories are read
 * again, then the settings, families and sheets, each recorded again when it is a merge of
 * both sides (sync).
 *
 * Killed half-way, the working tree holds some merged files and the branch still points at
 * the last commit: the next sync commits them as local changes, and merging them again with
 * the colleague's commit changes nothing (both sides made the same change).
 */
export interface ApplyHooks {
  /** Called after each file written (tests stop a sync in the middle of this). */
  afterFile?: (path: string) => Promise<void> | void;
}

const order = (path: string) =>
  SHEET_PATH.test(path) ? 3 : FAMILY_PATH.test(path) ? 2 : path === REPOSITORY_FILE ? 1 : 0;

function queueOf(path: string): string | undefined {
  const sheet = SHEET_PATH.exec(path)?.[1];
  if (sheet) return `sheet:${sheet}`;
  const family = FAMILY_PATH.exec(path)?.[1];
  if (family) return `family:${family}`;
  return path === REPOSITORY_FILE ? 'repository' : undefined;
}

async function readOrUndefined(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const equal = (a: Buffer | undefined, b: Buffer | undefined) =>
  a === undefined ? b === undefined : b !== undefined && a.equals(b);

async function checkpoint(context: RepositoryContext, path: string, kind: RevisionKind): Promise<void> {
  const service = historyOf(context);
  const sheetId = SHEET_PATH.exec(path)?.[1];
  if (sheetId) {
    const sheet = await readSheet(context, sheetId).catch(() => null);
    if (sheet) await service.record(sheet, { kind }, false);
    return;
  }
  const familyId = FAMILY_PATH.exec(path)?.[1];
  if (familyId) {
    const { family } = await readFamilyFile(context, familyId).catch(() => ({ family: null }));
    if (family) await service.recordFamily(family, { kind }, false);
  }
}

/** The paths whose content differs between the two trees. */
export function changedBetween(from: TreeFiles, to: TreeFiles): string[] {
  const paths = new Set([...from.keys(), ...to.keys()]);
  return [...paths]
    .filter((path) => from.get(path)?.oid !== to.get(path)?.oid)
    .sort((a, b) => order(a) - order(b) || (a < b ? -1 : 1));
}

export async function applyTree(
  context: RepositoryContext,
  repo: GitRepository,
  from: TreeFiles,
  to: TreeFiles,
  labels: ConflictLabels,
  /** The paths whose content in `to` combines both sides (a new state, recorded as a revision). */
  merged: ReadonlySet<string>,
  hooks: ApplyHooks = {},
): Promise<string[]> {
  const paths = changedBetween(from, to);
  const fileOf = (path: string) => join(context.layout.root, path);
  const blobOf = (files: TreeFiles, path: string) => {
    const entry = files.get(path);
    return entry ? repo.readBlob(entry.oid) : undefined;
  };
  const inQueue = (path: string, run: () => Promise<void>) => {
    const queue = queueOf(path);
    return queue ? context.queue.run(queue, run) : run();
  };
  // Before any colleague's history file arrives: each sheet and family about to change keeps
  // its state as this copy made it, recorded against this copy's history as it is. Once the
  // colleagues' revisions are read, their latest would pass for what that state was made
  // from, and the revision would seem to undo their work.
  for (const path of paths.filter((candidate) => order(candidate) >= 2)) {
    await inQueue(path, async () => {
      const [current, target] = await Promise.all([readOrUndefined(fileOf(path)), blobOf(to, path)]);
      if (current && !equal(current, target)) await checkpoint(context, path, 'pre-sync');
    });
  }
  let reloaded = false;
  for (const path of paths) {
    if (!reloaded && order(path) > 0) {
      // Other writers' revisions are on disk now: the histories are read again before recording.
      historyOf(context).reload();
      reloaded = true;
    }
    await inQueue(path, async () => {
      const file = fileOf(path);
      const [current, committed, target] = await Promise.all([
        readOrUndefined(file),
        blobOf(from, path),
        blobOf(to, path),
      ]);
      let next = target;
      let combined = merged.has(path);
      if (!equal(current, committed)) {
        combined = true;
        // Saved again during the sync: merge that too; a deletion there loses to an edit.
        if (current && target) next = mergeFileContents(path, committed, current, target, labels).bytes;
        else next = current ?? target;
      }
      if (equal(next, current)) return;
      if (next === undefined) await rm(file, { force: true });
      else {
        await makeDirectoryDurable(dirname(file));
        await writeFileDurable(file, next);
        // A colleague's state taken as it is stays in their history (and in git); a state
        // that exists nowhere else, the merge of both, gets a revision here.
        if (combined) await checkpoint(context, path, 'sync');
      }
    });
    await hooks.afterFile?.(path);
  }
  if (!reloaded) historyOf(context).reload();
  return paths;
}
