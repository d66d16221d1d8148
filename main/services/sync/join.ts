import { randomBytes } from 'node:crypto';
import { readdir, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { repositoryFileSchema } from '../../../shared/model/repository.js';
import { sheetTemplateSchema } from '../../../shared/model/template.js';
import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';
import { inspectFolder } from '../repository/folder.js';
import { REPOSITORY_FILE, TEMPLATE_FILE } from '../repository/layout.js';
import { syncDirectory } from '../storage/durable-write.js';
import { ioFailure } from '../storage/io-errors.js';
import { InvalidFileError, loadJson } from '../storage/json-store.js';
import type { CredentialStore } from './credentials.js';
import { GitRepository, type ProgressEvent } from './repo.js';

/**
 * « Rejoindre un dépôt partagé… »: a clone of the remote into a new local repository.
 * Cloned into a hidden sibling folder, checked to be a Fiches repository (a valid
 * repository.json and template.json at its root), then renamed into place: the folder
 * appears complete or not at all, and a remote that is not a Fiches repository leaves
 * nothing behind. The host then opens it.
 */
export interface JoinOptions {
  remote: string;
  folder: string;
  credentials: CredentialStore;
  onProgress?: (event: ProgressEvent) => void;
}

async function checkFichesRepository(dir: string, remote: string): Promise<void> {
  const notFiches = (reason: string) =>
    new AppFailure(
      'remote',
      fr`${remote} n’est pas un dépôt Fiches (${reason}) : Fiches ne le rejoint pas, et n’a rien écrit sur cet ordinateur.`,
      { remote, reason },
    );
  for (const [file, schema, kind] of [
    [REPOSITORY_FILE, repositoryFileSchema, 'repository'],
    [TEMPLATE_FILE, sheetTemplateSchema, 'template'],
  ] as const) {
    try {
      const loaded = await loadJson(join(dir, file), file, { kind, schema });
      if (loaded === null) throw notFiches(fr`il n’a pas de ${file}`);
    } catch (error) {
      if (error instanceof InvalidFileError) throw notFiches(error.reason);
      throw error;
    }
  }
}

export async function joinRepository(options: JoinOptions): Promise<string> {
  const { remote, credentials } = options;
  const root = resolve(options.folder);
  const state = await inspectFolder(root, 'if-missing').catch((error: unknown) => {
    if (error instanceof AppFailure && error.code === 'not-a-repository') {
      throw new AppFailure(
        'already-exists',
        fr`Le dossier « ${root} » n’est pas vide : choisissez un dossier nouveau (ou vide) pour le dépôt partagé.`,
        { path: root },
      );
    }
    throw error;
  });
  if (state === 'repository') {
    throw new AppFailure(
      'already-exists',
      fr`Le dossier « ${root} » contient déjà un dépôt Fiches : choisissez un dossier nouveau (ou vide) pour le dépôt partagé.`,
      { path: root },
    );
  }
  const probe = new GitRepository(root);
  const refs = await probe.remoteRefs(remote, credentials);
  if (refs.length === 0) {
    throw new AppFailure(
      'remote',
      fr`Le dépôt distant ${remote} est vide : partagez d’abord un dépôt depuis Fiches (« Partager ce dépôt… »), puis rejoignez-le.`,
      { remote },
    );
  }
  const parent = dirname(root);
  const staging = join(
    parent,
    `.${basename(root)}.creation-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  try {
    await new GitRepository(staging).clone(remote, credentials, options.onProgress);
    await checkFichesRepository(staging, remote);
    if (state === 'empty') {
      // Only an empty folder (perhaps with system litter) can be replaced.
      if ((await readdir(root)).length > 0) await rm(root, { recursive: true });
      else await rmdir(root);
    }
    await rename(staging, root);
    await syncDirectory(parent);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (error instanceof AppFailure) throw error;
    throw ioFailure(error, 'créer le dépôt', root);
  }
  return root;
}
