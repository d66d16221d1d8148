import { readdir, readFile } from 'node:fs/promises';

/**
 * Memory of this process and of every process it started (Chromium's browser, GPU and
 * renderer processes), read from /proc: the print's real footprint, not only Node's.
 */

/** The fields of /proc/PID/stat after the command name, from the state (field 3) on. */
async function statOf(pid: number): Promise<string[] | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields resume after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

async function parentOf(pid: number): Promise<number | undefined> {
  const fields = await statOf(pid);
  return fields && Number(fields[1]);
}

async function descendants(root: number): Promise<number[]> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  const parents = new Map<number, number>();
  await Promise.all(
    pids.map(async (pid) => {
      const parent = await parentOf(pid);
      if (parent !== undefined) parents.set(pid, parent);
    }),
  );
  const tree = new Set([root]);
  for (let grown = true; grown;) {
    grown = false;
    for (const [pid, parent] of parents) {
      if (!tree.has(pid) && tree.has(parent)) {
        tree.add(pid);
        grown = true;
      }
    }
  }
  return [...tree];
}

/** Kilobytes of one field of /proc/PID/status (VmRSS) or smaps_rollup (Pss). */
async function field(pid: number, file: string, name: string): Promise<number> {
  try {
    const text = await readFile(`/proc/${pid}/${file}`, 'utf8');
    return Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

export interface TreeMemory {
  /** Sum of the resident sets: counts shared libraries once per process, so an upper bound. */
  rssMiB: number;
  /** Sum of the proportional sets: shared pages split between the processes sharing them. */
  pssMiB: number;
  /** This Node process alone. */
  nodeRssMiB: number;
}

export async function treeMemory(root = process.pid): Promise<TreeMemory> {
  const pids = await descendants(root);
  const [rss, pss] = await Promise.all([
    Promise.all(pids.map((pid) => field(pid, 'status', 'VmRSS'))),
    Promise.all(pids.map((pid) => field(pid, 'smaps_rollup', 'Pss'))),
  ]);
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0) / 1024;
  return { rssMiB: sum(rss), pssMiB: sum(pss), nodeRssMiB: (rss[pids.indexOf(root)] ?? 0) / 1024 };
}

/** Linux's clock ticks a second (USER_HZ), the unit of /proc's CPU times. */
const TICKS_PER_SECOND = 100;

/**
 * CPU time, user and system, in ms, of this process and every process it started: those
 * alive (workers kept warm, Chromium), and those that ended, which their parent counts.
 */
export async function treeCpuMs(root = process.pid): Promise<number> {
  const times = await Promise.all(
    (await descendants(root)).map(async (pid) => {
      // utime, stime, then cutime and cstime: the ended children's, once waited for.
      const fields = (await statOf(pid)) ?? [];
      return [11, 12, 13, 14].reduce((sum, field) => sum + Number(fields[field] ?? 0), 0);
    }),
  );
  return (times.reduce((sum, ticks) => sum + ticks, 0) * 1000) / TICKS_PER_SECOND;
}

/**
 * Samples the tree's memory while `work` runs; answers its result, the peaks, and about the
 * CPU time the sampling took in this process (reading /proc is not free: a sample costs
 * milliseconds), for a measure of the work's own CPU time to leave out.
 */
export async function withPeakMemory<T>(
  work: () => Promise<T>,
  everyMs = 50,
): Promise<{ result: T; peak: TreeMemory; samplingCpuMs: number }> {
  const peak: TreeMemory = { rssMiB: 0, pssMiB: 0, nodeRssMiB: 0 };
  let samplingCpuMs = 0;
  let running = true;
  const sampling = (async () => {
    while (running) {
      const before = process.cpuUsage();
      const now = await treeMemory();
      const spent = process.cpuUsage(before);
      samplingCpuMs += (spent.user + spent.system) / 1000;
      peak.rssMiB = Math.max(peak.rssMiB, now.rssMiB);
      peak.pssMiB = Math.max(peak.pssMiB, now.pssMiB);
      peak.nodeRssMiB = Math.max(peak.nodeRssMiB, now.nodeRssMiB);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  try {
    const result = await work();
    return { result, peak, samplingCpuMs };
  } finally {
    running = false;
    await sampling;
  }
}
