import { stat } from 'node:fs/promises';

/**
 * What tells us a file changed without reading it. Every save renames a new file into
 * place, so the inode changes even when the size and a coarse mtime do not.
 */
export interface FileStamp {
  mtimeMs: number;
  size: number;
  ino: number;
}

export async function stampOf(path: string): Promise<FileStamp | null> {
  try {
    const info = await stat(path);
    return { mtimeMs: info.mtimeMs, size: info.size, ino: info.ino };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export function sameStamp(a: FileStamp | null, b: FileStamp | null): boolean {
  if (a === null || b === null) return a === b;
  return a.mtimeMs === b.mtimeMs && a.size === b.size && a.ino === b.ino;
}
