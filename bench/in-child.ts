import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Runs one of the bench's child scripts (export-child.js, volume-child.js) in a Node process
 * of its own and returns the JSON it prints: what is measured there is the work's memory,
 * not that of the benchmarks run before it in this process.
 */
export async function inChild<T>(script: string, args: readonly string[]): Promise<T> {
  const path = fileURLToPath(new URL(`./${script}`, import.meta.url));
  const { stdout } = await run(process.execPath, [path, ...args], { maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout) as T;
}
