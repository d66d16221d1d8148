/**
 * How two commits of a shared repository relate, found the way git's merge-base does
 * (paint-down-to-common): both sides are walked back at once, newest commit first, each
 * commit painted with the side(s) it is reachable from; the first commit painted by both
 * is their merge base, and the walk stops once every commit left to visit lies below it.
 * It reads the few commits since the two sides parted, not the repository's whole history:
 * isomorphic-git's isDescendent and findMergeBase walk all of it back to the first commit
 * whenever one side is an ancestor of the other or the sides are of unequal lengths, a
 * thousand commits read at every sync of a long-lived repository.
 *
 * Commit dates only order the walk: a clock set wrong on one laptop can make it answer an
 * older common ancestor than the best one, which a three-way merge still merges right
 * (both sides then hold the same changes since that ancestor, and keep them once).
 */
export interface CommitInfo {
  parents: readonly string[];
  /** Committer time, seconds. */
  time: number;
}

export type Relation =
  /** The same commit. */
  | { kind: 'same' }
  /** `ours` is an ancestor of `theirs`: a fast-forward. */
  | { kind: 'behind' }
  /** `theirs` is an ancestor of `ours`: nothing to bring in. */
  | { kind: 'ahead' }
  /** Both moved on since `base` (undefined when they share no history). */
  | { kind: 'diverged'; base: string | undefined };

const OURS = 1;
const THEIRS = 2;
const BOTH = OURS | THEIRS;
const STALE = 4;

export async function relationOf(
  read: (oid: string) => Promise<CommitInfo>,
  ours: string,
  theirs: string,
): Promise<Relation> {
  if (ours === theirs) return { kind: 'same' };
  const base = await mergeBase(read, ours, theirs);
  if (base === ours) return { kind: 'behind' };
  if (base === theirs) return { kind: 'ahead' };
  return { kind: 'diverged', base };
}

async function mergeBase(
  read: (oid: string) => Promise<CommitInfo>,
  ours: string,
  theirs: string,
): Promise<string | undefined> {
  const flags = new Map<string, number>();
  const infos = new Map<string, CommitInfo>();
  // Newest first; a commit is in the queue at most once (its flags may grow meanwhile).
  const queue: string[] = [];
  const queued = new Set<string>();
  const enqueue = async (oid: string) => {
    if (queued.has(oid)) return;
    queued.add(oid);
    if (!infos.has(oid)) infos.set(oid, await read(oid));
    const time = (infos.get(oid) as CommitInfo).time;
    let at = queue.length;
    while (at > 0 && (infos.get(queue[at - 1] as string) as CommitInfo).time < time) at -= 1;
    queue.splice(at, 0, oid);
  };
  flags.set(ours, OURS);
  flags.set(theirs, THEIRS);
  await enqueue(ours);
  await enqueue(theirs);
  let found: string | undefined;
  while (queue.some((oid) => ((flags.get(oid) as number) & STALE) === 0)) {
    const oid = queue.shift() as string;
    queued.delete(oid);
    let painted = flags.get(oid) as number;
    if ((painted & BOTH) === BOTH) {
      // The newest commit both sides reach; those below it are older bases.
      if ((painted & STALE) === 0) found ??= oid;
      painted |= STALE;
      flags.set(oid, painted);
    }
    for (const parent of (infos.get(oid) as CommitInfo).parents) {
      const before = flags.get(parent) ?? 0;
      if ((before & painted) === painted) continue;
      flags.set(parent, before | painted);
      // Visited already with fewer flags: visited again, to pass the new ones on.
      await enqueue(parent);
    }
  }
  return found;
}
