import { dirname } from 'node:path';
import { fr } from '../french.js';
import { compactTimestamp, type RepositoryLayout } from '../repository/layout.js';
import { makeDirectoryDurable, writeFileDurable } from '../storage/durable-write.js';
import { stampOf } from '../storage/stamp.js';
import type { ObjectStore } from './objects.js';
import { inspectParts } from './part-codec.js';
import type { Revision } from './revision-log.js';
import { targetKey, type HistoryTarget } from './target.js';

/**
 * What damage costs a history, and where what a repair cuts goes. Computed only when a
 * file has damage: an intact history costs none of this.
 */

export interface ObjectDamage {
  /** Part hashes that cannot be read whole. */
  unreadable: Set<string>;
  /** For each damaged line of the object file (by line number), the revisions that need it. */
  affected: Map<number, number[]>;
}

/** Which revisions each damaged object line makes unreadable: those that need the object it held. */
export async function inspectObjectDamage(
  /** One object file's damage, with objects looked up wherever they are (every writer's files). */
  objects: Pick<ObjectStore, 'damaged' | 'has' | 'read'>,
  revisions: readonly Revision[],
): Promise<ObjectDamage> {
  const keys = new Map<string, string>();
  for (const { state } of revisions)
    for (const [key, hash] of Object.entries(state ?? {})) keys.set(hash, key);
  const { unreadable, blocksOf } = await inspectParts(objects, keys);
  const needs = revisions.map(({ record, state }) => {
    const hashes = new Set<string>();
    for (const hash of Object.values(state ?? {})) {
      hashes.add(hash);
      for (const block of blocksOf.get(hash) ?? []) hashes.add(block);
    }
    return { seq: record.seq, hashes };
  });
  const missing = new Set(needs.flatMap(({ hashes }) => [...hashes].filter((hash) => !objects.has(hash))));
  // A damaged line whose claimed hash is missing held that object; the missing ones no line claims
  // (the damage hit the hash itself) are put down to the lines that claim nothing needed.
  const claims = new Set(
    objects.damaged.flatMap(({ claimed }) => (claimed && missing.has(claimed) ? [claimed] : [])),
  );
  const unclaimed = [...missing].filter((hash) => !claims.has(hash));
  const affected = new Map<number, number[]>();
  for (const { line, claimed } of objects.damaged) {
    const lost = claimed && missing.has(claimed) ? [claimed] : unclaimed;
    affected.set(
      line,
      needs.filter(({ hashes }) => lost.some((hash) => hashes.has(hash))).map(({ seq }) => seq),
    );
  }
  return { unreadable, affected };
}

/** « la version n° 3 », « les versions n° 2, 3 et 4 ». */
function versionNumbers(seqs: readonly number[]): string {
  if (seqs.length === 1) return fr`la version n°\u00a0${seqs[0]}`;
  return fr`les versions n°\u00a0${seqs.slice(0, -1).join(', ')} et ${seqs[seqs.length - 1]}`;
}

/** What history:list says of a damaged line of revisions.jsonl, naming the revisions it held. */
export function revisionLineProblem(file: string, line: number, seqs: readonly number[]): string {
  const lost =
    seqs.length === 0
      ? 'cette entrée de l’historique est ignorée'
      : seqs.length === 1
        ? fr`${versionNumbers(seqs)} ne peut pas être lue`
        : fr`${versionNumbers(seqs)} ne peuvent pas être lues`;
  return fr`La ligne ${line} de ${file} est endommagée : ${lost} ; les autres versions restent lisibles. Le fichier est laissé tel quel.`;
}

/** What history:list says of a damaged line of objects.jsonl, naming the revisions that need it. */
export function objectLineProblem(file: string, line: number, affected: readonly number[]): string {
  const cost =
    affected.length === 0
      ? 'aucune version n’en a besoin, toutes restent lisibles'
      : affected.length === 1
        ? fr`${versionNumbers(affected)} en a besoin et est signalée, les autres restent lisibles`
        : fr`${versionNumbers(affected)} en ont besoin et sont signalées, les autres restent lisibles`;
  return fr`La ligne ${line} de ${file} est endommagée : ${cost}. Le fichier est laissé tel quel.`;
}

/**
 * Stores the torn tail cut off a history file in damaged/history/<target>/, so no byte is
 * ever thrown away, even one a crash left half-written.
 */
export function tornTailKeeper(
  layout: RepositoryLayout,
  target: HistoryTarget,
  /** The file's name in the target's folder (one writer's, writer-logs.ts). */
  file: string,
): (bytes: Buffer) => Promise<void> {
  return async (bytes) => {
    const base = compactTimestamp(new Date());
    let path = layout.damagedHistoryTail(targetKey(target), file, base);
    for (let n = 2; (await stampOf(path)) !== null; n += 1) {
      path = layout.damagedHistoryTail(targetKey(target), file, `${base}-${n}`);
    }
    await makeDirectoryDurable(dirname(path));
    await writeFileDurable(path, bytes);
  };
}
