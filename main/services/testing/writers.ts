import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Documents written by other programs, for the tests of what Fiches reads: LibreOffice
 * (which converts an HTML or ODT file to .docx, .doc or .odt, as a user's « Enregistrer
 * sous » would) and pandoc. Each LibreOffice run gets its own profile and a deadline.
 */
const run = promisify(execFile);
const TIMEOUT_MS = 120_000;

/** Converts `input` with LibreOffice; answers the converted file's path (beside a `lo-out` folder). */
export async function libreOfficeConvert(
  input: string,
  format: 'docx' | 'doc' | 'odt' | 'xlsx',
): Promise<string> {
  const work = dirname(input);
  const out = join(work, `lo-out-${format}`);
  await mkdir(out, { recursive: true });
  const html = extname(input).toLowerCase() === '.html';
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${join(work, 'lo-profile')}`,
      '--headless',
      // HTML opens in Writer/Web by default, which saves no Word format: open it as a text document.
      ...(html ? ['--infilter=HTML (StarWriter)'] : []),
      '--convert-to',
      format,
      '--outdir',
      out,
      input,
    ],
    { timeout: TIMEOUT_MS, killSignal: 'SIGKILL' },
  );
  return join(out, `${basename(input, extname(input))}.${format}`);
}

/** Converts `input` (markdown by default) to .docx with pandoc, resolving images from its folder. */
export async function pandocDocx(input: string, from = 'markdown'): Promise<string> {
  const output = input.replace(/\.[^.]+$/, '.pandoc.docx');
  await run('pandoc', ['-f', from, '-t', 'docx', '--resource-path', dirname(input), '-o', output, input], {
    timeout: TIMEOUT_MS,
    cwd: dirname(input),
  });
  return output;
}
