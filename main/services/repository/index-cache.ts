import { z } from 'zod';
import { sheetSummarySchema, type SheetSummary } from '../../../shared/api/contract.js';
import { loadJson, saveJson } from '../storage/json-store.js';
import type { FileStamp } from '../storage/stamp.js';
import { INDEX_FILE, type RepositoryLayout } from './layout.js';

/**
 * index.json: the summary of every sheet, keyed by sheet id, with the stamps of the files
 * it was computed from. A cache and nothing else: missing, unreadable, or computed
 * against another template, it is rebuilt silently, and it is never reported as damaged.
 */
/** 2: summaries count open comment threads. */
const INDEX_VERSION = 2;

const stampSchema = z.object({ mtimeMs: z.number(), size: z.number(), ino: z.number() });

const entrySchema = z.object({
  familyId: z.string(),
  file: stampSchema,
  /** Whether the summary counted the family's micro-scenarios, and the family file's stamp then. */
  usesFamily: z.boolean(),
  family: stampSchema.nullable(),
  summary: sheetSummarySchema,
});

const indexSchema = z.object({
  version: z.literal(INDEX_VERSION),
  template: z.string(),
  sheets: z.record(z.string(), entrySchema),
});

export interface IndexEntry {
  familyId: string;
  file: FileStamp;
  usesFamily: boolean;
  family: FileStamp | null;
  summary: SheetSummary;
}

export type SheetIndex = Record<string, IndexEntry>;

export async function readIndex(layout: RepositoryLayout, templateKey: string): Promise<SheetIndex> {
  try {
    const index = await loadJson(layout.indexFile, INDEX_FILE, { schema: indexSchema });
    return index?.template === templateKey ? index.sheets : {};
  } catch {
    return {};
  }
}

export async function writeIndex(
  layout: RepositoryLayout,
  templateKey: string,
  sheets: SheetIndex,
): Promise<void> {
  await saveJson(layout.indexFile, INDEX_FILE, { version: INDEX_VERSION, template: templateKey, sheets });
}
