import { promises as fs } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import {
  makeDirectoryDurable,
  syncDirectory,
  syncFile,
  writeFileDurable,
  writeFileWhole,
} from '../storage/durable-write.js';

/**
 * The file system isomorphic-git works through: Node's, except that every file it writes
 * (objects, refs, the index, the packs it fetches, the files it checks out) is written
 * whole (temp file, then rename) and made durable. isomorphic-git itself writes in place,
 * so a kill or a power cut during a sync could leave a truncated ref or object and a
 * repository git can no longer read; with this, each file is whole, old or new.
 *
 * Objects (.git/objects/: loose objects and fetched packs) are named by their content and
 * never change, so they are not synced one by one: they are synced all together, in
 * parallel, before the next file that is not an object (a ref, the index, HEAD), which is
 * what could point at them. That is git's own core.fsyncMethod=batch; a power cut loses
 * only objects nothing points at yet. A commit of 10 sheets writes some 20 objects: one
 * wait for the disk instead of 40.
 */
type WriteData = string | Uint8Array;
type WriteOptions = BufferEncoding | { encoding?: BufferEncoding | null; mode?: number } | undefined;

const isObject = (path: string) => resolve(path).includes(`${sep}.git${sep}objects${sep}`);

/** Objects written and folders created since the last sync to the disk. */
const unsyncedFiles = new Set<string>();
const unsyncedFolders = new Set<string>();

/** Nothing to wait for: the file or folder is gone (a copy given up half-way, then removed). */
const unlessGone = (error: unknown) => {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
};

/** Makes the objects written so far durable (before removing what they replace, say). */
export async function syncObjects(): Promise<void> {
  if (unsyncedFiles.size === 0 && unsyncedFolders.size === 0) return;
  const files = [...unsyncedFiles];
  const folders = [...unsyncedFolders];
  unsyncedFiles.clear();
  unsyncedFolders.clear();
  try {
    await Promise.all(files.map((file) => syncFile(file).catch(unlessGone)));
    await Promise.all(folders.map((folder) => syncDirectory(folder).catch(unlessGone)));
  } catch (error) {
    // Not on the disk yet: tried again before the next ref.
    for (const file of files) unsyncedFiles.add(file);
    for (const folder of folders) unsyncedFolders.add(folder);
    throw error;
  }
}

async function writeFile(path: string, data: WriteData, options?: WriteOptions): Promise<void> {
  const encoding = typeof options === 'string' ? options : (options?.encoding ?? 'utf8');
  const bytes = typeof data === 'string' ? Buffer.from(data, encoding) : data;
  if (isObject(path)) {
    await writeFileWhole(path, bytes);
    unsyncedFiles.add(path);
    unsyncedFolders.add(dirname(path));
    return;
  }
  await syncObjects();
  await writeFileDurable(path, bytes);
}

/** Folders too are made durable (objects/xx/, refs/…): a new file's entry survives a power cut. */
async function mkdir(path: string): Promise<void> {
  if (!isObject(`${path}${sep}`)) return makeDirectoryDurable(path);
  await makeDirectoryDurable(path, { deferSync: (folder) => unsyncedFolders.add(folder) });
}

/** Promise-based, as isomorphic-git expects (it tells by calling readFile() with no argument). */
export const durableGitFs = {
  promises: {
    readFile: (...args: Parameters<typeof fs.readFile>) => fs.readFile(...args),
    writeFile,
    mkdir,
    rmdir: (...args: Parameters<typeof fs.rmdir>) => fs.rmdir(...args),
    rm: (...args: Parameters<typeof fs.rm>) => fs.rm(...args),
    unlink: (...args: Parameters<typeof fs.unlink>) => fs.unlink(...args),
    stat: (...args: Parameters<typeof fs.stat>) => fs.stat(...args),
    lstat: (...args: Parameters<typeof fs.lstat>) => fs.lstat(...args),
    readdir: (...args: Parameters<typeof fs.readdir>) => fs.readdir(...args),
    readlink: (...args: Parameters<typeof fs.readlink>) => fs.readlink(...args),
    symlink: (...args: Parameters<typeof fs.symlink>) => fs.symlink(...args),
    chmod: (...args: Parameters<typeof fs.chmod>) => fs.chmod(...args),
  },
};
