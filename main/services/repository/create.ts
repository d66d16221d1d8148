import { randomBytes } from 'node:crypto';
import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { templatesDir } from '../app-root.js';
import { makeDirectoryDurable, syncDirectory, writeFileDurable } from '../storage/durable-write.js';
import { ioFailure } from '../storage/io-errors.js';
import { REPOSITORY_FILE, TEMPLATE_FILE } from './layout.js';

/**
 * A new repository is the sample shipped in templates/: sample-repository/** as is, and
 * the sheet template as template.json. Every file is written durably.
 */

/** What a rename onto a folder that appeared meanwhile answers (POSIX, Windows). */
const CREATED_MEANWHILE = new Set(['ENOTEMPTY', 'EEXIST', 'EPERM']);

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return filesUnder(path);
      return entry.isFile() ? [path] : [];
    }),
  );
  return nested.flat();
}

async function copyDurable(from: string, to: string): Promise<void> {
  await makeDirectoryDurable(dirname(to));
  await writeFileDurable(to, await readFile(from));
}

/**
 * Fills `target` (an existing, empty folder) with the sample. repository.json comes last:
 * until it is there, the folder is not a repository, so a creation cut short is never
 * mistaken for a complete one.
 */
export async function copySampleInto(target: string): Promise<void> {
  const sample = join(templatesDir(), 'sample-repository');
  const files = await filesUnder(sample);
  const rest = files.filter((file) => relative(sample, file) !== REPOSITORY_FILE);
  for (const file of rest) await copyDurable(file, join(target, relative(sample, file)));
  await copyDurable(join(templatesDir(), 'sheet-template.json'), join(target, TEMPLATE_FILE));
  await copyDurable(join(sample, REPOSITORY_FILE), join(target, REPOSITORY_FILE));
}

/**
 * Creates the repository at `root`, which does not exist: built in a hidden sibling folder,
 * then renamed into place, so `root` appears complete or not at all. Another instance may
 * win that race: its repository is then the one to open (and its lock will say who holds it).
 */
export async function createRepositoryAt(root: string): Promise<void> {
  const parent = dirname(root);
  const staging = join(
    parent,
    `.${basename(root)}.creation-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  try {
    await makeDirectoryDurable(parent);
    await makeDirectoryDurable(staging);
  } catch (error) {
    throw ioFailure(error, 'créer le dossier', parent);
  }
  try {
    await copySampleInto(staging);
    await rename(staging, root);
    await syncDirectory(parent);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (CREATED_MEANWHILE.has((error as NodeJS.ErrnoException).code ?? '') && (await exists(root))) return;
    throw ioFailure(error, 'créer le dépôt', root);
  }
}
