import { vi } from 'vitest';
import { runCli } from '../run.js';

export interface CapturedRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the `fiches` command in this process, as `fiches <args>` would, capturing what it
 * prints: faster than a child process, for tests about what the command says and does.
 */
export async function runCliCaptured(...args: string[]): Promise<CapturedRun> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const code = await runCli(args);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}
