import { readdir } from 'node:fs/promises';
import type { SheetSummary, TrashEntry } from '../../shared/api/contract.js';
import { ID_PATTERN } from '../../shared/model/ids.js';
import { AppFailure } from '../../shared/result.js';
import { fr } from './french.js';
import type { RepositoryContext } from './repository/context.js';
import { compactTimestamp, TRASH_DIR } from './repository/layout.js';
import { findVariable } from './repository/system.js';
import { requireSheet, summarize } from './sheets/sheet-file.js';
import { makeDirectoryDurable, moveDurable } from './storage/durable-write.js';
import { ioFailure } from './storage/io-errors.js';
import { stampOf } from './storage/stamp.js';

/**
 * A deleted sheet moves, bytes untouched, to trash/<trashId>.json. The trash id carries
 * the metadata (« 20250314t093000123z-big-data »: when, and which sheet), so deleting is a
 * single rename and no separate record can disagree with the file.
 */
const TRASH_ID = /^(\d{8}t\d{9}z)-([a-z0-9-]+)$/;

function parseTrashId(trashId: string): TrashEntry | undefined {
  const match = TRASH_ID.exec(trashId);
  if (!match?.[1] || !match[2] || !ID_PATTERN.test(match[2])) return undefined;
  const s = match[1];
  const deletedAt = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
  if (Number.isNaN(Date.parse(deletedAt))) return undefined;
  return { trashId, sheetId: match[2], deletedAt };
}

async function exists(context: RepositoryContext, path: string): Promise<boolean> {
  try {
    return (await stampOf(path)) !== null;
  } catch (error) {
    throw ioFailure(error, 'lire', context.layout.display(path));
  }
}

export async function deleteSheet(context: RepositoryContext, id: string): Promise<TrashEntry> {
  const { layout } = context;
  return context.queue.run(`sheet:${id}`, async () => {
    const source = layout.sheetFile(id);
    if (!(await exists(context, source))) {
      throw new AppFailure('not-found', fr`La fiche « ${id} » n’existe pas : rien à supprimer.`, { id });
    }
    let at = new Date();
    // Two deletions of the same id within one millisecond (delete, recreate, delete) get distinct ids.
    while (await exists(context, layout.trashFile(`${compactTimestamp(at)}-${id}`)))
      at = new Date(at.getTime() + 1);
    const trashId = `${compactTimestamp(at)}-${id}`;
    const target = layout.trashFile(trashId);
    try {
      await makeDirectoryDurable(layout.trashDir);
      await moveDurable(source, target);
    } catch (error) {
      throw ioFailure(error, 'mettre à la corbeille', layout.display(source));
    }
    return { trashId, sheetId: id, deletedAt: at.toISOString() };
  });
}

/** Newest first. */
export async function listTrash(context: RepositoryContext): Promise<TrashEntry[]> {
  let names: string[];
  try {
    names = await readdir(context.layout.trashDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw ioFailure(error, 'lire', TRASH_DIR);
  }
  return names
    .filter((name) => name.endsWith('.json'))
    .map((name) => parseTrashId(name.slice(0, -'.json'.length)))
    .filter((entry): entry is TrashEntry => entry !== undefined)
    .sort((a, b) => b.trashId.localeCompare(a.trashId));
}

export async function countTrash(context: RepositoryContext): Promise<number> {
  return (await listTrash(context)).length;
}

export async function restoreSheet(context: RepositoryContext, trashId: string): Promise<SheetSummary> {
  const { layout } = context;
  const entry = parseTrashId(trashId);
  const notFound = () =>
    new AppFailure('not-found', fr`Rien dans la corbeille sous « ${trashId} ».`, { trashId });
  if (!entry) throw notFound();
  const restored = await context.queue.run(`sheet:${entry.sheetId}`, async () => {
    const source = layout.trashFile(trashId);
    if (!(await exists(context, source))) throw notFound();
    const target = layout.sheetFile(entry.sheetId);
    if (await exists(context, target)) {
      throw new AppFailure(
        'already-exists',
        fr`Une fiche « ${entry.sheetId} » existe déjà : supprimez-la ou renommez la variable avant de restaurer celle de la corbeille.`,
        { id: entry.sheetId, trashId },
      );
    }
    try {
      await makeDirectoryDurable(layout.sheetsDir);
      await moveDurable(source, target);
    } catch (error) {
      throw ioFailure(error, 'restaurer', layout.display(source));
    }
    return requireSheet(context, entry.sheetId);
  });
  return summarize(context, restored, findVariable(await context.repository(), entry.sheetId)?.family.id);
}
