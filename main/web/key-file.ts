import { link, lstat, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { RANDOM_ID } from '../../shared/api/web-auth.js';
import { AppFailure } from '../../shared/result.js';
import { fr } from '../services/french.js';
import { makeDirectoryDurable, syncDirectory } from '../services/storage/durable-write.js';
import { randomId } from './auth.js';

/**
 * The browser host's key, one per user, kept in the user's data folder so a tab left open
 * while `fiches serve` restarts (or after the machine woke up) is still authorised. Only
 * its owner may read it: created 0600 in a folder created 0700; a key another user could
 * have read is replaced, one owned by someone else refused. Windows keeps the data folder
 * (in %APPDATA%) private to its user, and has no such modes.
 */
export const KEY_FILE = 'browser-host.key';

const POSIX = process.platform !== 'win32';

/** The key bytes, written and flushed under a temporary name, never visible half-written. */
async function writeTemp(folder: string, key: string): Promise<string> {
  const temp = join(folder, `.${KEY_FILE}.${process.pid}.${randomId().slice(0, 12)}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(`${key}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temp;
}

type Found = { kind: 'ok'; key: string } | { kind: 'missing' } | { kind: 'unsafe'; reason: string };

async function readKey(file: string): Promise<Found> {
  let info;
  try {
    info = await lstat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  if (!info.isFile()) return { kind: 'unsafe', reason: fr`ce n’est pas un fichier ordinaire` };
  if (POSIX) {
    if (info.uid !== process.getuid?.()) {
      throw new AppFailure(
        'forbidden',
        fr`La clé du navigateur ${file} appartient à un autre utilisateur : supprimez-la (ou donnez à FICHES_DATA_DIR un dossier à vous), puis relancez.`,
      );
    }
    if ((info.mode & 0o077) !== 0) {
      return { kind: 'unsafe', reason: fr`d’autres utilisateurs pouvaient la lire` };
    }
  }
  const key = (await readFile(file, 'utf8')).trim();
  return RANDOM_ID.test(key)
    ? { kind: 'ok', key }
    : { kind: 'unsafe', reason: fr`son contenu est illisible` };
}

/**
 * The user's key: read, or created on first use. Two launches creating it at once agree
 * on one key (the file is linked into place only if absent). `onLog` hears why a key was
 * replaced.
 */
export async function loadBrowserKey(dataDir: string, onLog: (message: string) => void): Promise<string> {
  const file = join(dataDir, KEY_FILE);
  await makeDirectoryDurable(dataDir, { mode: 0o700 });
  const found = await readKey(file);
  if (found.kind === 'ok') return found.key;

  const key = randomId();
  const temp = await writeTemp(dataDir, key);
  try {
    if (found.kind === 'unsafe') {
      onLog(
        fr`la clé du navigateur ${file} est remplacée (${found.reason}) : ouvrez Fiches avec la nouvelle adresse.`,
      );
      await rename(temp, file);
    } else {
      try {
        await link(temp, file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        // Another launch created it first: use that one.
        const theirs = await readKey(file);
        if (theirs.kind !== 'ok') throw error;
        return theirs.key;
      }
    }
    await syncDirectory(dataDir);
    return key;
  } finally {
    await rm(temp, { force: true });
  }
}
