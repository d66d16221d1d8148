import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * A volume's table of contents against its pages, as a reader checks it: each entry's page
 * number against the page its title stands on in a PDF (ours, or LibreOffice's of our
 * Word volume), for the tests and the bench.
 */

const run = promisify(execFile);

/** The lines of each page of a PDF, trimmed (pdftotext separates pages with a form feed). */
export async function pdfPageLines(pdf: string): Promise<string[][]> {
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.split('\f').map((page) => page.split('\n').map((line) => line.trim()));
}

/** Whether a page shows the title: on a line of its own, or wrapped over two. */
function shows(lines: readonly string[], title: string): boolean {
  return lines.some((line, i) => line === title || `${line} ${lines[i + 1] ?? ''}` === title);
}

/** The first page (from 1) after `after` that shows `title`. */
export function pageWithTitle(pages: readonly string[][], title: string, after: number): number | undefined {
  const index = pages.findIndex((lines, i) => i + 1 > after && shows(lines, title));
  return index < 0 ? undefined : index + 1;
}

export interface ContentsEntry {
  text: string;
  page: number;
}

/** Word's TOC entries as written: the text before the tab, the page number after it. */
export function wordContentsEntries(documentXml: string): ContentsEntry[] {
  const toc = /<w:sdt>[\s\S]*?Table of Contents[\s\S]*?<\/w:sdt>/.exec(documentXml)?.[0] ?? '';
  return toc.split('</w:p>').flatMap((paragraph) => {
    const runs = [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map(
      (match) => match[1] ?? '\t',
    );
    const [text, page] = runs.join('').split('\t');
    return text && page && /^\d+$/.test(page.trim()) ? [{ text: text.trim(), page: Number(page) }] : [];
  });
}

/**
 * Where each entry's title stands, in the entries' order: each looked for from the page of
 * the entry before (the first after the contents' own page), so that a title met again
 * later (a sheet named as its family) is not taken for another.
 */
export function entriesOnPages(
  entries: readonly ContentsEntry[],
  pages: readonly string[][],
  contentsPage: number,
): (ContentsEntry & { actual: number | undefined })[] {
  let after = contentsPage;
  return entries.map((entry) => {
    const actual = pageWithTitle(pages, entry.text, after);
    if (actual !== undefined) after = actual - 1;
    return { ...entry, actual };
  });
}
