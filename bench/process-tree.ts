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

interface TreeSample extends TreeMemory {
  pids: number[];
}

/**
 * The tree's memory now; `pss` false leaves the proportional sets out (0): the kernel walks
 * every page of a process to count them, the costliest part of a sample by far.
 */
export function treeMemory(root = process.pid, pss = true): TreeSample {
  const pids = descendants(root);
  const rss = pids.map((pid) => field(pid, 'status', 'VmRSS'));
  const proportional = pss ? pids.map((pid) => field(pid, 'smaps_rollup', 'Pss')) : [];
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0) / 1024;
  return {
    rssMiB: sum(rss),
    pssMiB: sum(proportional),
    nodeRssMiB: (rss[pids.indexOf(root)] ?? 0) / 1024,
    pids,
  };
}

/** The proportional sets are sampled one time in this many (see treeMemory). */
const PSS_EVERY = 10;

/** CPU seconds (user and system) a process has used: /proc/PID/stat counts clock ticks, 100 a second on Linux. */
function cpuSecondsOf(pid: number): number {
  const stat = readOr(() => readFileSync(`/proc/${pid}/stat`, 'utf8'), '');
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
  everyMs = 50,
): Promise<{ result: T; peak: TreeMemory; cpuSeconds: number }> {
  const peak: TreeMemory = { rssMiB: 0, pssMiB: 0, nodeRssMiB: 0 };
  const before = new Map(descendants(process.pid).map((pid) => [pid, cpuSecondsOf(pid)]));
  const used = new Map<number, number>();
  const sample = (pss: boolean) => {
    const now = treeMemory(process.pid, pss);
    peak.rssMiB = Math.max(peak.rssMiB, now.rssMiB);
    peak.pssMiB = Math.max(peak.pssMiB, now.pssMiB);
    peak.nodeRssMiB = Math.max(peak.nodeRssMiB, now.nodeRssMiB);
    for (const pid of now.pids) used.set(pid, cpuSecondsOf(pid) - (before.get(pid) ?? 0));
  };
  let running = true;
  const sampling = (async () => {
    for (let count = 0; running; count += 1) {
      sample(count % PSS_EVERY === 0);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  try {
    const result = await work();
    sample(false);
    return { result, peak, cpuSeconds: [...used.values()].reduce((total, seconds) => total + seconds, 0) };
  } finally {
    running = false;
    await sampling;
  }
}
