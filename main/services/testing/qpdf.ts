import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * `qpdf --check`: the file's structure, cross-reference table and every stream decode.
 * Resolves with qpdf's report; rejects (non-zero exit) on any error or warning.
 */
export async function qpdfCheck(file: string): Promise<string> {
  const { stdout } = await run('qpdf', ['--check', file], { maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' });
  return stdout;
}
