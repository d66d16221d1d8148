import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { fr } from '../french.js';
import { writeFileDurable } from './durable-write.js';

/** A file that exists but whose bytes are not JSON: truncated by a crash, or edited by hand. */
export class DamagedFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}\u00a0: ${reason}`);
    this.name = 'DamagedFileError';
  }
}

/**
 * lowdb adapter over one JSON file, written durably (temp file, fsync, rename, fsync of
 * the folder). read() answers null for a missing file and throws DamagedFileError for one
 * that does not parse, so the caller can set it aside instead of starting from defaults.
 */
export class DurableJSONFile<T> implements Adapter<T> {
  constructor(readonly path: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      // A byte order mark (Windows Notepad) is not an error of the content.
      return JSON.parse(text.replace(/^\uFEFF/, '')) as T;
    } catch (error) {
      throw new DamagedFileError(this.path, fr`JSON tronqué ou invalide : ${(error as Error).message}`);
    }
  }

  async write(data: T): Promise<void> {
    await writeFileDurable(this.path, `${JSON.stringify(data, null, 2)}\n`);
  }
}
