import { dirname } from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { fr } from '../french.js';
import { containedFileProblem } from './contained-file.js';
import { DamagedFileError, DurableJSONFile } from './durable-json-file.js';
import { makeDirectoryDurable } from './durable-write.js';
import { ioFailure, withIo } from './io-errors.js';
import { describeIssues, frenchIssues } from './issues.js';
import { migrate, type FileKind } from './migrations.js';

/**
 * A file that exists but cannot be used as it is: not JSON, or not the shape its kind
 * requires. The reason names the file and the field, in French. Sheets and families are
 * set aside on it; repository.json and template.json stop the repository from opening.
 */
export class InvalidFileError extends Error {
  constructor(
    /** Relative to the repository, forward slashes. */
    readonly file: string,
    /** « <file> : <field> : <problem> » */
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'InvalidFileError';
  }
}

export interface LoadSpec<S extends z.ZodType> {
  /** Versioned user files are migrated; our own metadata (reasons, cache) is not. */
  kind?: FileKind;
  schema: S;
  /** Checks zod cannot express (content against the node set, id against the file name). */
  check?: (value: z.output<S>) => string | undefined;
  /** The repository folder the file must lie in, links resolved (see containedFileProblem). */
  within?: string;
}

export interface Loaded<T> {
  value: T;
  /**
   * The migrated JSON before zod stripped what our schema does not name: edits of a file
   * people also edit by hand (repository.json) apply to this, so nothing of theirs is lost.
   */
  raw: unknown;
}

/**
 * Reads one file through lowdb and our durable adapter: check where it lies (when asked),
 * parse, migrate by schemaVersion, validate. Answers null when the file does not exist.
 */
export async function loadJsonWithRaw<S extends z.ZodType>(
  path: string,
  display: string,
  spec: LoadSpec<S>,
): Promise<Loaded<z.output<S>> | null> {
  if (spec.within !== undefined) {
    const problem = await withIo('lire', display, () => containedFileProblem(path, spec.within as string));
    if (problem) throw new InvalidFileError(display, `${display}\u00a0: ${problem}`);
  }
  const db = new Low<unknown>(new DurableJSONFile<unknown>(path), null);
  try {
    await db.read();
  } catch (error) {
    if (error instanceof DamagedFileError)
      throw new InvalidFileError(display, `${display}\u00a0: ${error.reason}`);
    throw ioFailure(error, 'lire', display);
  }
  if (db.data === null) return null;
  const raw = spec.kind ? migrate(spec.kind, db.data, display) : db.data;
  const parsed = spec.schema.safeParse(raw, { error: frenchIssues });
  if (!parsed.success) {
    throw new InvalidFileError(display, `${display}\u00a0: ${describeIssues(parsed.error.issues)}`);
  }
  const problem = spec.check?.(parsed.data);
  if (problem) throw new InvalidFileError(display, `${display}\u00a0: ${problem}`);
  return { value: parsed.data, raw };
}

export async function loadJson<S extends z.ZodType>(
  path: string,
  display: string,
  spec: LoadSpec<S>,
): Promise<z.output<S> | null> {
  return (await loadJsonWithRaw(path, display, spec))?.value ?? null;
}

/** Writes one file durably through lowdb, creating its folder if needed. */
export async function saveJson<T>(path: string, display: string, value: T): Promise<void> {
  await withIo('enregistrer', display, async () => {
    await makeDirectoryDurable(dirname(path));
    const db = new Low<T>(new DurableJSONFile<T>(path), value);
    await db.write();
  });
}

/** Used in reasons about a file's content: « sections.passe : Contenu non conforme… ». */
export function fieldProblem(field: string, problem: string): string {
  return fr`${field} : ${problem}`;
}
