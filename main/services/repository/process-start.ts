import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

/**
 * When a process of this machine started, to the second or so, or undefined when the
 * system does not tell. A pid is reused once its process ended: the lock's holder is the
 * process with that pid only if it started before the lock was taken.
 */
export async function processStartTime(pid: number): Promise<number | undefined> {
  try {
    if (process.platform === 'linux') return await fromProc(pid);
    if (process.platform === 'win32') return undefined;
    return await fromPs(pid);
  } catch {
    return undefined;
  }
}

/**
 * Linux: field 22 of /proc/<pid>/stat is the start in clock ticks since boot, which
 * /proc/stat's btime dates. The ticks are USER_HZ, 100 a second on every Linux /proc.
 */
const USER_HZ = 100;

async function fromProc(pid: number): Promise<number | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'latin1');
  // The command name (field 2) is in parentheses and may hold spaces or parentheses itself.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[19]);
  const btime = /^btime (\d+)$/m.exec(await readFile('/proc/stat', 'latin1'))?.[1];
  if (!Number.isFinite(ticks) || btime === undefined) return undefined;
  return Number(btime) * 1000 + (ticks * 1000) / USER_HZ;
}

/** macOS and the BSDs: ps prints the start date (« Tue Mar 11 09:41:12 2025 », local time). */
async function fromPs(pid: number): Promise<number | undefined> {
  const { stdout } = await promisify(execFile)('ps', ['-o', 'lstart=', '-p', String(pid)], {
    timeout: 2_000,
    env: { ...process.env, LC_ALL: 'C' },
  });
  const started = Date.parse(stdout.trim());
  return Number.isNaN(started) ? undefined : started;
}
