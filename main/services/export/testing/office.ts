import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

/**
 * The real readers of our .docx files: LibreOffice (converted to PDF, then pdftotext) and
 * pandoc. Each conversion gets its own LibreOffice profile, so tests running in parallel
 * never share (and lock) one, and a timeout, so a hung office never hangs the suite.
 */
const run = promisify(execFile);
const OFFICE_TIMEOUT_MS = 120_000;

export async function docxToPdf(docx: string, workDir: string): Promise<string> {
  const profile = join(workDir, 'lo-profile');
  const out = join(workDir, 'pdf');
  await mkdir(out, { recursive: true });
  await run(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, docx],
    { timeout: OFFICE_TIMEOUT_MS, killSignal: 'SIGKILL' },
  );
  return join(out, basename(docx).replace(/\.docx$/, '.pdf'));
}

/** The PDF's text in the order it was written (column after column), not guessed from positions. */
export async function pdfText(pdf: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

export async function pdfPages(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? NaN);
}

interface PandocBlock {
  t: string;
  c?: unknown;
}

/** The headings pandoc finds in the document: level and text. */
export async function pandocHeadings(docx: string): Promise<{ level: number; text: string }[]> {
  const { stdout } = await run('pandoc', ['-f', 'docx', '-t', 'json', docx], {
    maxBuffer: 64 * 1024 * 1024,
    timeout: OFFICE_TIMEOUT_MS,
  });
  const blocks = (JSON.parse(stdout) as { blocks: PandocBlock[] }).blocks;
  const inlineText = (inlines: unknown): string =>
    (inlines as PandocBlock[])
      .map((inline) =>
        inline.t === 'Str'
          ? String(inline.c)
          : inline.t === 'Space'
            ? ' '
            : Array.isArray(inline.c)
              ? inlineText(inline.c.at(-1))
              : '',
      )
      .join('');
  return blocks
    .filter((block) => block.t === 'Header')
    .map((block) => {
      const [level, , inlines] = block.c as [number, unknown, unknown];
      return { level, text: inlineText(inlines) };
    });
}
