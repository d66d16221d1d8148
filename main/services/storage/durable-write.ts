import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Writes that survive a crash or a power cut: the target holds either its old bytes or
 * its new ones, never a mix, never an empty file. lowdb's own writer (steno) renames but
 * never fsyncs, so the rename can reach the disk before the data does.
 */

/** Our temp files: hidden, named after the target, recognisable for clean-up after a crash. */
export const TEMP_FILE_PATTERN = /^\..+\.\d+\.[0-9a-f]{12}\.tmp$/;

function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Makes a rename or a new entry in the folder durable. Windows cannot open a folder to fsync it. */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems (network mounts, FUSE) cannot fsync a folder; the data is synced already.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP') throw error;
  } finally {
    await handle.close();
  }
}

/**
 * Creates `dir` and its missing parents so that they survive a power cut: a folder's entry
 * lives in its parent, fsynced here as a renamed file's folder is. Without it, the first
 * file moved into a new trash/ or damaged/ could vanish with its folder. The one way main/
 * creates folders (eslint forbids mkdir elsewhere). Costs one mkdir when all exist. `mode`
 * applies to the folders it creates (a private data folder: 0o700).
 */
export async function makeDirectoryDurable(
  dir: string,
  options: {
    mode?: number;
    /** Given the folders to sync instead of syncing them now (to sync them later, many at once). */
    deferSync?: (folder: string) => void;
  } = {},
): Promise<void> {
  const target = resolve(dir);
  const first = await mkdir(target, {
    recursive: true,
    ...(options.mode !== undefined ? { mode: options.mode } : {}),
  });
  if (first === undefined) return;
  const top = resolve(first);
  for (let created = target; ; created = dirname(created)) {
    if (options.deferSync) options.deferSync(dirname(created));
    else await syncDirectory(dirname(created));
    if (created === top || dirname(created) === created) return;
  }
}

async function writeThroughTemp(target: string, data: string | Uint8Array, sync: boolean): Promise<void> {
  const temp = tempPathFor(target);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      if (sync) await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export async function writeFileDurable(target: string, data: string | Uint8Array): Promise<void> {
  await writeThroughTemp(target, data, true);
  await syncDirectory(dirname(target));
}

/**
 * Writes `target` whole (temp file, rename: a crash leaves the old file or the new one) but
 * does not wait for the disk: for files made durable later, many at once, with `syncFile`
 * and `syncDirectory`, before anything that depends on them is written.
 */
export async function writeFileWhole(target: string, data: string | Uint8Array): Promise<void> {
  await writeThroughTemp(target, data, false);
}

/** Waits until the file's bytes are on the disk. */
export async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Moves a file (same file system) and makes both folders' entries durable. */
export async function moveDurable(from: string, to: string): Promise<void> {
  await rename(from, to);
  await syncDirectory(dirname(to));
  if (dirname(from) !== dirname(to)) await syncDirectory(dirname(from));
}
