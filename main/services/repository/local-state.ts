import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { z } from 'zod';
import { InvalidFileError, loadJsonWithRaw, saveJson } from '../storage/json-store.js';
import { LOCAL_FILE, WRITER_PATTERN, type RepositoryLayout } from './layout.js';

/**
 * `.fiches-local.json`: what belongs to this copy of a repository and to no other, so it is
 * never shared (sync's .gitignore): the writer id its history appends under, and its sync
 * settings. The writer is tied to the folder and the machine it was made for: a copy of the
 * folder elsewhere (a backup restored, a folder copied by hand) gets a writer of its own, so
 * two copies never append to the same history file.
 */
export const LOCAL_STATE_VERSION = 1;

export const syncSettingsSchema = z.object({
  /** Sync every `intervalMinutes` while the repository is open. */
  auto: z.boolean(),
  intervalMinutes: z.number().int().min(1).max(240),
  /** Sync when the repository is closed (the application quits, another repository is opened). */
  onClose: z.boolean(),
});

export type SyncSettings = z.infer<typeof syncSettingsSchema>;

export const DEFAULT_SYNC_SETTINGS: SyncSettings = { auto: true, intervalMinutes: 5, onClose: true };

const localStateSchema = z.object({
  schemaVersion: z.literal(LOCAL_STATE_VERSION),
  writer: z.object({ id: z.string().regex(WRITER_PATTERN), root: z.string(), host: z.string() }).optional(),
  sync: syncSettingsSchema.optional(),
});

type LocalState = z.infer<typeof localStateSchema>;

async function read(layout: RepositoryLayout): Promise<LocalState> {
  try {
    const loaded = await loadJsonWithRaw(layout.localFile, LOCAL_FILE, { schema: localStateSchema });
    return loaded?.value ?? { schemaVersion: LOCAL_STATE_VERSION };
  } catch (error) {
    // Our own machine-local metadata, no user's words: unreadable is as good as absent.
    if (error instanceof InvalidFileError) return { schemaVersion: LOCAL_STATE_VERSION };
    throw error;
  }
}

async function update(
  layout: RepositoryLayout,
  change: (state: LocalState) => LocalState,
): Promise<LocalState> {
  const next = change(await read(layout));
  await saveJson(layout.localFile, LOCAL_FILE, next);
  return next;
}

const isOurs = (writer: LocalState['writer'], layout: RepositoryLayout) =>
  writer !== undefined && writer.root === layout.root && writer.host === hostname();

/** This copy's writer, if it has one (it gets one when the repository is shared). */
export async function existingWriter(layout: RepositoryLayout): Promise<string | undefined> {
  const { writer } = await read(layout);
  return isOurs(writer, layout) ? writer?.id : undefined;
}

/** This copy's writer, made now if it has none (or only another copy's). */
export async function ensureWriter(layout: RepositoryLayout): Promise<string> {
  const known = await existingWriter(layout);
  if (known) return known;
  const id = randomBytes(6).toString('hex');
  await update(layout, (state) => ({ ...state, writer: { id, root: layout.root, host: hostname() } }));
  return id;
}

/**
 * The writer this copy's history appends under: none while the repository was never shared
 * (its history stays in revisions.jsonl), its own once the folder is a git working tree.
 */
export async function historyWriter(layout: RepositoryLayout): Promise<string | null> {
  try {
    await stat(layout.gitDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return ensureWriter(layout);
}

export async function readSyncSettings(layout: RepositoryLayout): Promise<SyncSettings> {
  return (await read(layout)).sync ?? DEFAULT_SYNC_SETTINGS;
}

export async function saveSyncSettings(
  layout: RepositoryLayout,
  settings: SyncSettings,
): Promise<SyncSettings> {
  await update(layout, (state) => ({ ...state, sync: settings }));
  return settings;
}
