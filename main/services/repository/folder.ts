import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';
import { ioFailure } from '../storage/io-errors.js';
import { REPOSITORY_FILE } from './layout.js';

/** What is at the path the user gave, before anything is written there. */
export type FolderState = 'repository' | 'missing' | 'empty';

export type CreateOption = 'if-missing' | 'never';

/** Files the system drops into any folder it shows: they do not make a folder non-empty. */
const SYSTEM_LITTER = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

function notARepository(message: string, root: string): AppFailure {
  return new AppFailure('not-a-repository', message, { path: root });
}

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw ioFailure(error, 'lire', path);
  }
}

/**
 * Checks the folder and says whether a repository must be created in it. A folder with
 * other content and no repository.json is never written into: it is someone's folder,
 * not ours.
 */
export async function inspectFolder(root: string, create: CreateOption): Promise<FolderState> {
  const info = await statOrNull(root);
  if (!info) {
    if (create === 'if-missing') return 'missing';
    throw notARepository(
      fr`Le dossier « ${root} » n’existe pas : choisissez le dossier d’un dépôt Fiches.`,
      root,
    );
  }
  if (!info.isDirectory()) {
    throw notARepository(
      fr`« ${root} » est un fichier, pas un dossier : choisissez le dossier d’un dépôt Fiches.`,
      root,
    );
  }
  const manifest = await statOrNull(join(root, REPOSITORY_FILE));
  if (manifest?.isFile()) return 'repository';
  let entries: string[];
  try {
    entries = (await readdir(root)).filter((name) => !SYSTEM_LITTER.has(name));
  } catch (error) {
    throw ioFailure(error, 'lire', root);
  }
  if (entries.length === 0 && create === 'if-missing') return 'empty';
  throw notARepository(
    entries.length === 0
      ? fr`Le dossier « ${root} » est vide : ce n’est pas (encore) un dépôt Fiches.`
      : fr`Le dossier « ${root} » n’est pas un dépôt Fiches (il n’a pas de ${REPOSITORY_FILE}) : choisissez le dossier d’un dépôt, ou un dossier vide pour en créer un. Fiches n’écrit rien dans ce dossier.`,
    root,
  );
}
