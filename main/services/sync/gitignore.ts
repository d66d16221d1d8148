import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurable } from '../storage/durable-write.js';
import { DAMAGED_DIR, INDEX_FILE, LOCAL_FILE, LOCK_FILE } from '../repository/layout.js';

/**
 * What git does not carry, written by Fiches into the repository's .gitignore when it is
 * shared: the lock (whose is this copy), the summaries' cache (rebuilt from the sheets),
 * files set aside as damaged (this copy's), the machine-local state (history writer, sync
 * settings), and the temp files of writes cut short. Credentials are never in the folder.
 */
export const GITIGNORE_FILE = '.gitignore';

const IGNORED = [
  `/${LOCK_FILE}`,
  `/${INDEX_FILE}`,
  `/${DAMAGED_DIR}/`,
  `/${LOCAL_FILE}`,
  // Temp files of durable writes (storage/durable-write.ts) and of repository creation.
  '.*.tmp',
  '/.*.creation-*',
];

export const GITIGNORE_CONTENT = `# Écrit par Fiches : ce qui reste sur cet ordinateur et n’est pas partagé.\n${IGNORED.join('\n')}\n`;

/** Writes the .gitignore, keeping any line someone added to it. */
export async function writeGitignore(root: string): Promise<void> {
  const path = join(root, GITIGNORE_FILE);
  let existing = '';
  try {
    existing = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const extra = existing
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#') && !IGNORED.includes(line));
  await writeFileDurable(path, `${GITIGNORE_CONTENT}${extra.map((line) => `${line}\n`).join('')}`);
}
