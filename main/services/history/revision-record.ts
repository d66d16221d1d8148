import {
  PART_KEY_PATTERN,
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
  restoredFrom?: number;
  restoredParts?: PartKey[];
  /** The file an import read. */
  source?: string;
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
    optional(record.restoredFrom, isCount) &&
    optional(record.source, isString) &&
    optional(
      record.restoredParts,
      (parts) => Array.isArray(parts) && parts.every((key) => isString(key) && PART_KEY_PATTERN.test(key)),
    ) &&
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

export function summaryOf(record: RevisionRecord): RevisionSummary {
  const { seq, at, author, kind, name, comment, status, restoredFrom, restoredParts, source } = record;
  return {
    seq,
    at,
    author,
    kind,
    ...(name !== undefined ? { name } : {}),
    ...(comment !== undefined ? { comment } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(restoredFrom !== undefined ? { restoredFrom } : {}),
    ...(restoredParts !== undefined ? { restoredParts } : {}),
    ...(source !== undefined ? { source } : {}),
    changed: Object.keys(record.changed),
  };
}
