import { z } from 'zod';
import { incomingDocSchema } from '../content/links.js';
import { revisionSummarySchema } from '../model/history.js';
import { idSchema } from '../model/ids.js';
import { SCENARIO_TITLE_SCHEMA, sheetMetaSchema } from '../model/sheet.js';

/**
 * Sharing a repository through a git remote (main/services/sync), spread into the
 * contract (contract.ts). Credentials cross this boundary only on their way to the host's
 * store (the keychain in the desktop app, memory in the browser host); no response ever
 * carries them.
 */

const remoteSchema = z.string().trim().min(1).max(2000);
const credentialsShape = {
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(2000),
};

export const syncSettingsSchema = z
  .object({
    auto: z.boolean(),
    intervalMinutes: z.number().int().min(1).max(240),
    onClose: z.boolean(),
  })
  .strict();

export const syncStatusSchema = z.object({
  shared: z.boolean(),
  remote: z.string().optional(),
  state: z.enum([
    'not-shared',
    'syncing',
    'conflict',
    'unauthorized',
    'offline',
    'error',
    'to-send',
    'up-to-date',
  ]),
  label: z.string(),
  toSend: z.number(),
  conflicts: z.number(),
  generation: z.number(),
  lastSync: z
    .object({
      at: z.string(),
      ok: z.boolean(),
      message: z.string().optional(),
      /** What the sync has to say: a sheet deleted on one side and edited on the other… */
      notes: z.array(z.string()).optional(),
    })
    .optional(),
  settings: syncSettingsSchema,
  /** First start: the repository was just made from the sample and is not shared (join is offered). */
  firstStart: z.boolean(),
});

export const syncReportSchema = z.object({
  sent: z.array(idSchema),
  received: z.array(idSchema),
  merged: z.array(idSchema),
  conflicts: z.array(idSchema),
  notes: z.array(z.string()),
  pushed: z.boolean(),
});

/** Keep the version in the sheet, the other one, or what the user made of the two. */
export const conflictChoiceSchema = z.enum(['current', 'other', 'edited']);

export const resolveRequestSchema = z.union([
  z
    .object({
      sheetId: idSchema,
      conflictId: z.string().regex(/^[0-9a-f]{16}$/),
      choice: conflictChoiceSchema,
      /** The edited value, with `edited`: a document, a title or the metadata, as the part holds. */
      value: z.union([incomingDocSchema, SCENARIO_TITLE_SCHEMA, sheetMetaSchema]).optional(),
    })
    .strict(),
  z
    .object({
      familyId: idSchema,
      conflictId: z.string().regex(/^[0-9a-f]{16}$/),
      choice: conflictChoiceSchema,
      value: z.union([incomingDocSchema, SCENARIO_TITLE_SCHEMA]).optional(),
    })
    .strict(),
]);

export const syncContract = {
  'sync:status': { request: z.object({}).strict(), response: syncStatusSchema },
  /** « Synchroniser »: commit, fetch, merge, push. */
  'sync:run': { request: z.object({}).strict(), response: syncReportSchema },
  /** « Partager ce dépôt… »: to an empty remote. */
  'sync:share': {
    request: z
      .object({ remote: remoteSchema, ...credentialsShape })
      .partial({ username: true, password: true })
      .strict(),
    response: syncReportSchema,
  },
  /** Credentials the server asked for (or refused): kept by the host, never answered back. */
  'sync:credentials': { request: z.object(credentialsShape).strict(), response: z.object({}) },
  'sync:settings': { request: syncSettingsSchema, response: syncSettingsSchema },
  /**
   * « Rejoindre un dépôt partagé… »: clones the remote into `folder` (absent: beside the
   * open repository, named after the remote), then the host opens it.
   */
  'sync:join': {
    request: z
      .object({ remote: remoteSchema, folder: z.string().min(1).max(1000).optional(), ...credentialsShape })
      .partial({ username: true, password: true })
      .strict(),
    response: z.object({ path: z.string() }),
  },
  /** How far the join under way is (its copy of the remote), for the join dialog's progress. */
  'sync:joinProgress': {
    request: z.object({}).strict(),
    response: z.object({ phase: z.string(), loaded: z.number(), total: z.number().optional() }).nullable(),
  },
  /** Resolves one conflict of a sync; recorded as a revision. */
  'conflicts:resolve': { request: resolveRequestSchema, response: revisionSummarySchema.nullable() },
} as const;

/** Fichier › Partager ce dépôt…, Rejoindre un dépôt partagé…, Synchroniser: what the desktop menu asks the page. */
export const SYNC_MENU_COMMANDS = ['sync:share', 'sync:join', 'sync:run'] as const;
export type SyncMenuCommand = (typeof SYNC_MENU_COMMANDS)[number];

export type SyncStatusView = z.infer<typeof syncStatusSchema>;
export type SyncReportView = z.infer<typeof syncReportSchema>;
export type ConflictChoice = z.infer<typeof conflictChoiceSchema>;
