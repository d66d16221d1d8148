import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** Poppler's command-line tools (poppler-utils), the reference reader of the PDF tests. */

const run = promisify(execFile);

async function tool(name: string, args: string[]): Promise<string> {
  const { stdout } = await run(name, args, { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  return stdout;
}

/** `pdfinfo` as a record: « Pages », « Title », « Page size »… */
export async function pdfInfo(file: string): Promise<Record<string, string>> {
  const entries = (await tool('pdfinfo', [file])).split('\n').flatMap((line) => {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    return match ? [[match[1] as string, match[2] as string]] : [];
  });
  return Object.fromEntries(entries);
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

export async function pdfFonts(file: string): Promise<PdfFont[]> {
  const lines = (await tool('pdffonts', [file])).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    // name, type (may hold spaces), encoding, then emb sub uni and the object id.
    const match = /^(\S+)\s+(.+?)\s{2,}\S+\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(line);
    if (!match) throw new Error(`unexpected pdffonts line: ${line}`);
    return { name: match[1] as string, type: (match[2] as string).trim(), embedded: match[3] === 'yes' };
  });
}

/** The text of the PDF in reading order (`-layout` keeps the columns side by side). */
export function pdfText(
  file: string,
  options: { layout?: boolean; first?: number; last?: number } = {},
): Promise<string> {
  const args = [
    ...(options.layout ? ['-layout'] : []),
    ...(options.first ? ['-f', String(options.first)] : []),
    ...(options.last ? ['-l', String(options.last)] : []),
    file,
    '-',
  ];
  return tool('pdftotext', args);
}

/**
 * Text as a reader searches it: a word hyphenated at a line end joined again, every run of
 * white space one space. Chromium's line-end hyphen reads as U+2010 in poppler (its
 * /ActualText) and as « - » in PDF.js (the glyph's ToUnicode): for the latter, a « - » at a
 * line end between lower-case letters is taken for one, as PDF.js's own search does.
 */
export function searchable(text: string): string {
  return text
    .replace(/(?<=\p{L})\u2010\n\s*(?=\p{L})/gu, '')
    .replace(/(?<=\p{Ll})-\n\s*(?=\p{Ll})/gu, '')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/** The bookmarks of the PDF, in order, with their depth (1 for the top level). */
export async function pdfOutline(file: string): Promise<{ depth: number; title: string; page: number }[]> {
  const xml = await tool('pdftohtml', ['-xml', '-i', '-stdout', '-q', file]);
  const start = xml.indexOf('<outline>');
  if (start < 0) return [];
  const entries: { depth: number; title: string; page: number }[] = [];
  let depth = 0;
  for (const match of xml
    .slice(start)
    .matchAll(/<outline>|<\/outline>|<item page="(\d+)">([^<]*)<\/item>/g)) {
    if (match[0] === '<outline>') depth += 1;
    else if (match[0] === '</outline>') {
      depth -= 1;
      if (depth === 0) break;
    } else entries.push({ depth, title: decodeEntities(match[2] as string), page: Number(match[1]) });
  }
  return entries;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export interface WordBox {
  page: number;
  pageWidth: number;
  xMin: number;
  xMax: number;
  text: string;
}

/** Every word with its box, in points (`pdftotext -bbox`). */
export async function pdfWordBoxes(file: string): Promise<WordBox[]> {
  const html = await tool('pdftotext', ['-bbox', file, '-']);
  const words: WordBox[] = [];
  let page = 0;
  let pageWidth = 0;
  for (const match of html.matchAll(
    /<page width="([\d.]+)"|<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
  )) {
    if (match[1] !== undefined) {
      page += 1;
      pageWidth = Number(match[1]);
    } else {
      words.push({
        page,
        pageWidth,
        xMin: Number(match[2]),
        xMax: Number(match[3]),
        text: decodeEntities(match[4] as string),
      });
    }
  }
  return words;
}
