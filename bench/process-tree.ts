import { readdirSync, readFileSync } from 'node:fs';

/**
 * Memory of this process and of every process it started (Chromium's browser, GPU and
 * renderer processes), read from /proc: the print's real footprint, not only Node's.
 */

/**
 * This process and every process under it, from the kernel's list of each thread's
 * children (Chromium starts its processes from other threads than its main one). Read
 * synchronously: /proc answers from memory, and twenty samples a second of a hundred
 * asynchronous reads, or of the parent of every process of the machine, cost the sampling
 * as much CPU as the work it measured.
 */
function descendants(root: number): number[] {
  const tree: number[] = [];
  const pending = [root];
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    tree.push(pid);
    for (const thread of readOr(() => readdirSync(`/proc/${pid}/task`), [])) {
      const children = readOr(() => readFileSync(`/proc/${pid}/task/${thread}/children`, 'utf8'), '');
      pending.push(...children.split(' ').filter(Boolean).map(Number));
    }
  }
  return tree;
}

/** A process may end between two reads: what it had is then nothing. */
function readOr<T>(read: () => T, gone: T): T {
  try {
    return read();
  } catch {
    return gone;
  }
}

/** Kilobytes of one field of /proc/PID/status (VmRSS) or smaps_rollup (Pss). */
function field(pid: number, file: string, name: string): number {
  const text = readOr(() => readFileSync(`/proc/${pid}/${file}`, 'utf8'), '');
  return Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
}

export interface TreeMemory {
  /** Sum of the resident sets: counts shared libraries once per process, so an upper bound. */
  rssMiB: number;
  /** Sum of the proportional sets: shared pages split between the processes sharing them. */
  pssMiB: number;
  /** This Node process alone. */
  nodeRssMiB: number;
}

/**
 * The memory of the processes `pids` (as `descendants` lists them: this one first); `pss` false
 * leaves the proportional sets out (0): the kernel walks every page of a process to count
 * them, the costliest part of a sample by far.
 */
function memoryOf(pids: readonly number[], pss: boolean): TreeMemory {
  const rss = pids.map((pid) => field(pid, 'status', 'VmRSS'));
  const proportional = pss ? pids.map((pid) => field(pid, 'smaps_rollup', 'Pss')) : [];
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0) / 1024;
  return { rssMiB: sum(rss), pssMiB: sum(proportional), nodeRssMiB: (rss[0] ?? 0) / 1024 };
}

/**
 * Of the samples, the proportional sets are read one in PSS_EVERY; the tree is walked again
 * (to find the processes started since) one in TREE_EVERY, its threads' lists of children
 * being most of the rest of a sample's cost.
 */
const PSS_EVERY = 20;
const TREE_EVERY = 5;

/**
 * CPU seconds (user and system) a process has used, undefined once it has ended:
 * /proc/PID/stat counts clock ticks, 100 a second on Linux.
 */
function cpuSecondsOf(pid: number): number | undefined {
  const stat = readOr(() => readFileSync(`/proc/${pid}/stat`, 'utf8'), '');
  if (!stat) return undefined;
  // The command name may hold spaces and parentheses: fields resume after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100;
}

/**
 * Samples the tree while `work` runs; answers its result, the memory peaks and the CPU
 * time the tree used meanwhile (each process's last sample: it may have ended up to one
 * interval before the work did). On a shared machine the CPU time varies far less with the
 * load than the duration does.
 */
export async function withPeakMemory<T>(
  work: () => Promise<T>,
  everyMs = 100,
): Promise<{ result: T; peak: TreeMemory; cpuSeconds: number }> {
  const peak: TreeMemory = { rssMiB: 0, pssMiB: 0, nodeRssMiB: 0 };
  let pids = descendants(process.pid);
  const before = new Map(pids.map((pid) => [pid, cpuSecondsOf(pid) ?? 0]));
  const used = new Map<number, number>();
  const sample = (count: number) => {
    if (count % TREE_EVERY === 0) pids = descendants(process.pid);
    const now = memoryOf(pids, count % PSS_EVERY === 0);
    peak.rssMiB = Math.max(peak.rssMiB, now.rssMiB);
    peak.pssMiB = Math.max(peak.pssMiB, now.pssMiB);
    peak.nodeRssMiB = Math.max(peak.nodeRssMiB, now.nodeRssMiB);
    for (const pid of pids) {
      const seconds = cpuSecondsOf(pid);
      if (seconds !== undefined) used.set(pid, seconds - (before.get(pid) ?? 0));
    }
  };
  let running = true;
  const sampling = (async () => {
    for (let count = 0; running; count += 1) {
      sample(count);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  try {
    const result = await work();
    // The last word on each process's CPU time, the tree walked again.
    sample(0);
    return { result, peak, cpuSeconds: [...used.values()].reduce((total, seconds) => total + seconds, 0) };
  } finally {
    running = false;
    await sampling;
  }
}
