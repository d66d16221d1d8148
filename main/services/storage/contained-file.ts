import { lstat, realpath } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import { fr } from '../french.js';

/**
 * Whether a path of the repository may be read as one of its files. A folder where a file
 * belongs (a sync tool's conflict, a hand-made mistake) cannot be read at all, and a
 * symbolic link leading out of the repository would make Fiches read (and show, and
 * export) a file the user never put in it: both are answered with the reason, for the
 * caller to set the path aside. A link that stays inside the repository is followed.
 * Answers undefined for a path that may be read, or that does not exist.
 */
export async function containedFileProblem(path: string, root: string): Promise<string | undefined> {
  try {
    await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let target: string;
  try {
    target = await realpath(path);
  } catch (error) {
    // A link to nothing reads as a missing file, as it would to any program.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const inside = relative(await realpath(root), target);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    return fr`c’est un lien vers ${target}, hors du dossier du dépôt : Fiches ne lit rien hors du dépôt.`;
  }
  const info = await lstat(target);
  if (info.isDirectory()) return fr`c’est un dossier, pas un fichier de fiche.`;
  if (!info.isFile()) return fr`ce n’est pas un fichier ordinaire.`;
  return undefined;
}
