import { promises as fs } from 'node:fs';
import { makeDirectoryDurable, writeFileDurable } from '../storage/durable-write.js';

/**
 * The file system isomorphic-git works through: Node's, except that every file it writes
 * (objects, refs, the index, the packs it fetches, the files it checks out) goes through
 * our durable write (temp file, fsync, rename, fsync of the folder). isomorphic-git itself
 * writes in place, so a kill or a power cut during a sync could leave a truncated ref or
 * object and a repository git can no longer read; with this, each file is whole, old or new.
 */
type WriteData = string | Uint8Array;
type WriteOptions = BufferEncoding | { encoding?: BufferEncoding | null; mode?: number } | undefined;

async function writeFile(path: string, data: WriteData, options?: WriteOptions): Promise<void> {
  const encoding = typeof options === 'string' ? options : (options?.encoding ?? 'utf8');
  await writeFileDurable(path, typeof data === 'string' ? Buffer.from(data, encoding) : data);
}

/** Promise-based, as isomorphic-git expects (it tells by calling readFile() with no argument). */
export const durableGitFs = {
  promises: {
    readFile: (...args: Parameters<typeof fs.readFile>) => fs.readFile(...args),
    writeFile,
    // Folders too are made durable (objects/xx/, refs/…): a new file's entry survives a power cut.
    mkdir: (path: string) => makeDirectoryDurable(path),
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
