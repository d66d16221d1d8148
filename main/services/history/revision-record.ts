import {
  PART_KEY_PATTERN,
  REVISION_ID_PATTERN,
  revisionKinds,
  type PartKey,
  type RevisionKind,
  type RevisionSummary,
} from '../../../shared/model/history.js';
import { sheetStatuses, type SheetStatus } from '../../../shared/model/sheet.js';
import { crcOf } from './objects.js';

/**
 * One line of revisions.jsonl. Every line is checked when a history is opened, so the
 * check is written out rather than a zod schema: parsing each record with zod cost several
 * times the rest of the reading, and opening the history of a long-lived sheet must stay quick.
 */
export interface RevisionRecord {
  seq: number;
  at: string;
  author: string;
  kind: RevisionKind;
  name?: string;
  comment?: string;
  status?: SheetStatus;
  /** The revision restored: its id (a local number in a history written before sharing). */
  restoredFrom?: number | string;
  restoredParts?: PartKey[];
  /** The file an import read. */
  source?: string;
  /**
   * The latest revision this copy knew when it recorded this one (in a shared repository):
   * the state it was edited from, which may be a colleague's. Absent before sharing.
   */
  after?: string;
  /** Parts changed since the previous revision: their new hash, or null when the part went away. */
  changed: Record<PartKey, string | null>;
  /** Every part, on full records. */
  parts?: Record<PartKey, string>;
}

const HASH = /^[\w-]{22}$/;
const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/;

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) > 0;
const optional = (value: unknown, check: (value: unknown) => boolean) => value === undefined || check(value);
const isString = (value: unknown) => typeof value === 'string';

function isHashMap(value: unknown, allowNull: boolean): boolean {
  if (!isObject(value)) return false;
  return Object.entries(value).every(
    ([key, hash]) =>
      PART_KEY_PATTERN.test(key) &&
      ((allowNull && hash === null) || (typeof hash === 'string' && HASH.test(hash))),
  );
}

export function isRevisionRecord(value: unknown): value is RevisionRecord {
  if (!isObject(value)) return false;
  const record = value;
  return (
    isCount(record.seq) &&
    typeof record.at === 'string' &&
    ISO_DATE.test(record.at) &&
    isString(record.author) &&
    revisionKinds.includes(record.kind as RevisionKind) &&
    optional(record.name, isString) &&
    optional(record.comment, isString) &&
    optional(record.status, (status) => sheetStatuses.includes(status as SheetStatus)) &&
    optional(
      record.restoredFrom,
      (from) => isCount(from) || (isString(from) && REVISION_ID_PATTERN.test(from as string)),
    ) &&
    optional(record.source, isString) &&
    optional(
      record.restoredParts,
      (parts) => Array.isArray(parts) && parts.every((key) => isString(key) && PART_KEY_PATTERN.test(key)),
    ) &&
    optional(record.after, (after) => isString(after) && REVISION_ID_PATTERN.test(after as string)) &&
    isHashMap(record.changed, true) &&
    optional(record.parts, (parts) => isHashMap(parts, false))
  );
}

/** CRC-32: made to detect accidental damage, and cheap enough to check every line on opening. */
const checksum = crcOf;

export function encodeRecord(record: RevisionRecord): string {
  const json = JSON.stringify(record);
  return `${json.slice(0, -1)},"sum":"${checksum(json)}"}`;
}

/** The record of a line, or undefined when the line is damaged (checksum, JSON or shape). */
export function decodeRecord(bytes: Buffer): RevisionRecord | undefined {
  const text = bytes.toString('utf8');
  const match = /,"sum":"([0-9a-f]{8})"\}$/.exec(text);
  if (!match) return undefined;
  const json = `${text.slice(0, match.index)}}`;
  if (checksum(json) !== match[1]) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    return isRevisionRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The summary fields a record holds itself; the timeline adds its number, id and changes (timeline.ts). */
export function recordSummary(
  record: RevisionRecord,
): Omit<RevisionSummary, 'seq' | 'id' | 'restoredFrom' | 'restoredFromSeq' | 'changed'> {
  const { at, author, kind, name, comment, status, restoredParts, source } = record;
  return {
    at,
    author,
    kind,
    ...(name !== undefined ? { name } : {}),
    ...(comment !== undefined ? { comment } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(restoredParts !== undefined ? { restoredParts } : {}),
    ...(source !== undefined ? { source } : {}),
  };
}
