import { diffArrays } from 'diff';

/**
 * The attribution walk of a redline (redline.ts): every key of a part (a word, a block's
 * end, a figure) followed through the versions in between, to say which revision added
 * each key of the current version and which removed each key of the earlier one. Each
 * version is followed from the one it was made from, and a sync's merge takes the keys it
 * holds of another copy's version from that version (ChangeStep), so that on a shared
 * repository, whose history interleaves two copies' parallel work in time order, every
 * change keeps the revision that made it.
 */

/** Who made a change and when: the revision that did. */
export interface ChangeAuthor {
  author: string;
  /** ISO 8601. */
  date: string;
}

/**
 * What made version i + 1 of a walk: its author, and where its content came from. By
 * default the version just before; `from` names another (the one its copy started from,
 * two copies' work being interleaved in time order), and `merged` the versions of other
 * copies a sync took content from: a word the step has that one of those had is theirs.
 */
export interface ChangeStep extends ChangeAuthor {
  from?: number;
  merged?: readonly number[];
}

type Origin = { base: number } | { step: number };

/** Where each key of `keys` came from, through `source`'s keys and origins; undefined: new there. */
function inherited(
  sourceKeys: readonly string[],
  sourceOrigins: readonly Origin[],
  keys: readonly string[],
  into: (Origin | undefined)[],
): void {
  let at = 0;
  let n = 0;
  for (const change of diffArrays([...sourceKeys], [...keys])) {
    const count = change.value.length;
    if (change.added) n += count;
    else if (change.removed) at += count;
    else {
      for (let k = 0; k < count; k += 1) into[n + k] ??= sourceOrigins[at + k];
      at += count;
      n += count;
    }
  }
}

const bases = (origins: readonly Origin[]) =>
  new Set(origins.flatMap((origin) => ('base' in origin ? [origin.base] : [])));

/**
 * Follows each key of the first version to the last: which step removed each key of the
 * first (died), which step added each key of the last (born); undefined when it never did.
 * A key a version has no longer died there, unless a version it came from had lost it
 * already (a merge taking the other copy's deletion): then it died where that one lost it.
 */
export function followKeys(
  versions: readonly string[][],
  steps: readonly ChangeStep[],
): {
  born: (number | undefined)[];
  died: (number | undefined)[];
} {
  const first = versions[0] ?? [];
  const sourcesOf = (step: number) => {
    const { from = step - 1, merged = [] } = steps[step - 1] ?? {};
    return [from, ...merged].filter((source) => source >= 0 && source < step);
  };
  // A version's origins are dropped once no later one comes from it: long histories stay small.
  const lastUse = new Map<number, number>();
  for (let step = 1; step < versions.length; step += 1) {
    for (const source of sourcesOf(step)) lastUse.set(source, step);
  }
  const origins: (Origin[] | undefined)[] = [first.map((_, base) => ({ base }))];
  const deaths: (Map<number, number> | undefined)[] = [new Map()];
  for (let step = 1; step < versions.length; step += 1) {
    const keys = versions[step] ?? [];
    const sources = sourcesOf(step);
    const found: (Origin | undefined)[] = keys.map(() => undefined);
    for (const source of sources) {
      inherited(versions[source] ?? [], origins[source] ?? [], keys, found);
    }
    const own = found.map((origin) => origin ?? { step });
    const alive = bases(own);
    const lost = new Map<number, number>();
    const aliveIn = sources.map((source) => bases(origins[source] ?? []));
    for (let base = 0; base < first.length; base += 1) {
      if (alive.has(base)) continue;
      let when: number | undefined;
      sources.forEach((source, index) => {
        if (aliveIn[index]?.has(base)) return;
        const earlier = deaths[source]?.get(base);
        if (earlier !== undefined && (when === undefined || earlier < when)) when = earlier;
      });
      lost.set(base, when ?? step);
    }
    origins.push(own);
    deaths.push(lost);
    for (const source of sources) {
      if (lastUse.get(source) === step && source !== versions.length - 1) {
        origins[source] = undefined;
        deaths[source] = undefined;
      }
    }
  }
  const last = origins[origins.length - 1] ?? [];
  const lostAtLast = deaths[deaths.length - 1] ?? new Map<number, number>();
  return {
    born: last.map((origin) => ('step' in origin ? origin.step : undefined)),
    died: first.map((_, base) => lostAtLast.get(base)),
  };
}
