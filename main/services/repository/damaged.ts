import { readdir, stat } from 'node:fs/promises';
import { damagedEntrySchema, type DamagedEntry } from '../../../shared/api/contract.js';
import { AppFailure } from '../../../shared/result.js';
import { fr } from '../french.js';
import { makeDirectoryDurable, moveDurable } from '../storage/durable-write.js';
import { ioFailure } from '../storage/io-errors.js';
import { loadJson, saveJson } from '../storage/json-store.js';
import { compactTimestamp, DAMAGED_DIR, type RepositoryLayout } from './layout.js';

/**
 * Files that failed to load are set aside, never overwritten or reset: the bytes move
 * (a rename, so byte for byte) to damaged/<id>.<timestamp>.json, with the reason beside
 * them in <id>.<timestamp>.reason.json. The rest of the repository keeps working.
 */
const REASON_SUFFIX = '.reason.json';

export interface SetAside {
  kind: DamagedEntry['kind'];
  id: string;
  /** Absolute path of the file to set aside. */
  source: string;
  reason: string;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Answers the entry, or null when the file was already gone (set aside by a concurrent call). */
export async function setAside(layout: RepositoryLayout, request: SetAside): Promise<DamagedEntry | null> {
  const now = new Date();
  const base = `${request.id}.${compactTimestamp(now)}`;
  try {
    await makeDirectoryDurable(layout.damagedDir);
    let name = base;
    for (let n = 2; await exists(layout.damagedFile(`${name}.json`)); n += 1) name = `${base}-${n}`;
    const target = layout.damagedFile(`${name}.json`);
    try {
      await moveDurable(request.source, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const entry: DamagedEntry = {
      id: request.id,
      kind: request.kind,
      file: layout.display(target),
      reason: request.reason,
      setAsideAt: now.toISOString(),
    };
    await saveJson(
      layout.damagedFile(`${name}${REASON_SUFFIX}`),
      `${DAMAGED_DIR}/${name}${REASON_SUFFIX}`,
      entry,
    );
    return entry;
  } catch (error) {
    throw ioFailure(error, 'mettre de côté', layout.display(request.source));
  }
}

/** Every file set aside, newest first. A file whose reason was lost (crash) is still listed. */
export async function listDamaged(layout: RepositoryLayout): Promise<DamagedEntry[]> {
  let names: string[];
  try {
    names = await readdir(layout.damagedDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw ioFailure(error, 'lire', DAMAGED_DIR);
  }
  const dataFiles = names.filter((name) => name.endsWith('.json') && !name.endsWith(REASON_SUFFIX));
  const entries = await Promise.all(
    dataFiles.map(async (name): Promise<DamagedEntry> => {
      const base = name.slice(0, -'.json'.length);
      const file = `${DAMAGED_DIR}/${name}`;
      try {
        const entry = await loadJson(layout.damagedFile(`${base}${REASON_SUFFIX}`), file, {
          schema: damagedEntrySchema,
        });
        if (entry) return entry;
      } catch {
        // An unreadable reason file must not hide the damaged file itself: fall through.
      }
      const info = await stat(layout.damagedFile(name));
      return {
        id: base.split('.')[0] ?? base,
        kind: 'sheet',
        file,
        reason: fr`${file} : raison inconnue (le fichier d’explication est absent ou illisible).`,
        setAsideAt: info.mtime.toISOString(),
      };
    }),
  );
  return entries.sort((a, b) => b.setAsideAt.localeCompare(a.setAsideAt));
}

/**
 * The failure a reading session answers for a file that cannot be read: it is left where
 * it is, for the instance that writes to set it aside. Its details carry the reason.
 */
export function unreadableFailure(
  kind: DamagedEntry['kind'],
  id: string,
  file: string,
  reason: string,
): AppFailure {
  const message =
    kind === 'sheet'
      ? fr`La fiche « ${id} » ne peut pas être lue : ${reason.replace(/[.\s]+$/, '')}. Fiches la mettra de côté à la prochaine ouverture du dépôt pour y écrire.`
      : fr`Le fichier commun de la famille « ${id} » ne peut pas être lu : ${reason.replace(/[.\s]+$/, '')}.`;
  return new AppFailure('damaged', message, { unreadable: { id, kind, file, reason } });
}

/** The failure answered when the sheet or family the user asked for has been set aside. */
export function damagedFailure(entry: DamagedEntry): AppFailure {
  const reason = entry.reason.replace(/[.\s]+$/, '');
  const message =
    entry.kind === 'sheet'
      ? fr`La fiche « ${entry.id} » est endommagée : elle a été mise de côté dans ${entry.file}. Raison : ${reason}. Le reste du dépôt n’est pas touché ; vous pouvez recréer la fiche ou réparer le fichier mis de côté.`
      : fr`Le fichier commun de la famille « ${entry.id} » est endommagé : il a été mis de côté dans ${entry.file}. Raison : ${reason}. Le reste du dépôt n’est pas touché.`;
  return new AppFailure('damaged', message, { entry });
}
