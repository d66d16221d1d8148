import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RepositoryContext } from '../../repository/context.js';
import { RepositoryLayout } from '../../repository/layout.js';
import { closeWorkers } from '../../worker/run-job.js';
import { destinationPages } from '../pdf/volume.js';
import { readDocx } from '../testing/docx-parts.js';
import { entriesOnPages, pageWithTitle, pdfPageLines, wordContentsEntries } from '../testing/contents.js';
import { docxToPdf } from '../testing/office.js';
import type { SampleRepository } from '../testing/sample.js';
import { volumeSample } from '../testing/volume.js';
import { makeVolume, type MadeVolume } from './make.js';

/**
 * The volume's page numbers, as readers see them: Word's table of contents against where
 * LibreOffice puts the sheets (within one page), and our PDF's against its own pages
 * (exactly), its entries linking to them. The sheets are the size of the published Big
 * Data sheet, as the bench's (about 7 pages each), in four families.
 */

const run = promisify(execFile);

const SHEETS = ['monnaie', 'logistique-et-supply-chain', 'cobotique', 'internet-des-objets'];
const NAMES = ['Monnaie', 'Logistique et Supply Chain', 'Big Data', 'Cobotique', 'Internet des objets'];

let sample: SampleRepository;
let made: MadeVolume;
let dir: string;

beforeAll(async () => {
  sample = await volumeSample(
    [...SHEETS, 'big-data'].map((id) => ({ id })),
    'published',
  );
  const context = new RepositoryContext(new RepositoryLayout(sample.repo));
  made = await makeVolume(context, {
    selection: { kind: 'all' },
    formats: ['docx', 'pdf'],
    title: 'Recueil des fiches variables',
    date: '2026-12-01',
  });
  dir = join(sample.dir, 'out');
  await mkdir(dir, { recursive: true });
  for (const file of made.files) await writeFile(join(dir, file.fileName), file.bytes);
}, 600_000);
afterAll(async () => {
  await closeWorkers();
  await sample.dispose();
});

interface OutlineItem {
  title: string;
  children: OutlineItem[];
}

/** The PDF's bookmarks, as a tree. */
async function outlineOf(bytes: Uint8Array): Promise<OutlineItem[]> {
  const document = await PDFDocument.load(bytes);
  const items = (first: unknown): OutlineItem[] => {
    const list: OutlineItem[] = [];
    for (let node = first; node instanceof PDFDict; node = node.lookup(PDFName.of('Next'))) {
      const title = node.lookup(PDFName.of('Title'));
      list.push({
        title: title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : '',
        children: items(node.lookup(PDFName.of('First'))),
      });
    }
    return list;
  };
  const root = document.catalog.lookup(PDFName.of('Outlines'));
  return root instanceof PDFDict ? items(root.lookup(PDFName.of('First'))) : [];
}

describe('the Word volume', () => {
  it('has a filled table of contents whose pages are within one of LibreOffice’s', async () => {
    const docx = made.files.find((file) => file.fileName.endsWith('.docx'))!;
    const entries = wordContentsEntries(readDocx(docx.bytes).text('word/document.xml'));
    expect(entries.map((entry) => entry.text)).toEqual(expect.arrayContaining(NAMES));
    const pdf = await docxToPdf(join(dir, docx.fileName), dir);
    const pages = await pdfPageLines(pdf);
    const tocPage = pages.findIndex((lines) => lines.includes('Sommaire')) + 1;
    expect(tocPage).toBeGreaterThan(0);
    // LibreOffice shows the entries as written: the table is not empty there.
    expect(pages[tocPage - 1]!.some((line) => line.startsWith('Monnaie'))).toBe(true);
    // Every entry, the families' dividers' too.
    const placed = entriesOnPages(entries, pages, tocPage);
    const offsets = placed.map(
      (entry) => `${entry.text}: sommaire ${entry.page}, LibreOffice ${entry.actual}`,
    );
    for (const entry of placed) {
      expect(entry.actual, offsets.join(' ; ')).toBeDefined();
      expect(Math.abs(entry.page - entry.actual!), offsets.join(' ; ')).toBeLessThanOrEqual(1);
    }
    console.log(`Word TOC vs LibreOffice: ${offsets.join(' ; ')}`);
  }, 300_000);
});

describe('the PDF volume', () => {
  it('gives each sheet its exact page, and links its entries to them', async () => {
    const pdf = made.files.find((file) => file.fileName.endsWith('.pdf'))!;
    const path = join(dir, pdf.fileName);
    const pages = await pdfPageLines(path);
    const destinations = await destinationPages(pdf.bytes);
    const tocPage = pages.findIndex((lines) => lines.includes('Sommaire')) + 1;
    // The volume opens with its own text, not a sheet's.
    const opening = pages.slice(0, tocPage).flat().join(' ');
    expect(opening).toContain('Ce recueil rassemble les fiches');
    expect(pages.flat().join(' ')).not.toContain('Cette fiche s’inscrit');
    for (const [index, name] of NAMES.entries()) {
      const line = pages[tocPage - 1]!.find((candidate) => candidate.startsWith(name));
      const listed = Number(/(\d+)$/.exec(line ?? '')?.[1]);
      expect(pageWithTitle(pages, name, tocPage), name).toBe(listed);
      const anchor = `fiche-${[...SHEETS.slice(0, 2), 'big-data', ...SHEETS.slice(2)][index]}`;
      expect(destinations.get(anchor), anchor).toBe(listed);
      // Its opening page carries its running header, as every page of it does (and as in Word).
      const header = pages[listed - 1]!.slice(0, 3).join('').replace(/\s/g, '');
      expect(header, name).toContain(name.toUpperCase().replace(/\s/g, ''));
    }
    const { stdout: dests } = await run('pdfinfo', ['-dests', path]);
    expect(dests).toContain('fiche-big-data');
  }, 120_000);

  it('has an outline of the families, their sheets and the sheets’ parts', async () => {
    const pdf = made.files.find((file) => file.fileName.endsWith('.pdf'))!;
    const outline = await outlineOf(pdf.bytes);
    const family = outline.find((item) => item.title === 'Évolutions technologiques');
    expect(family, JSON.stringify(outline.map((item) => item.title))).toBeDefined();
    const sheet = family?.children.find((item) => item.title === 'Big Data');
    // Chromium names a bookmark as the heading is drawn: display titles in capitals.
    expect(sheet?.children.map((item) => item.title.toLowerCase())).toContain('trajectoire de la variable');
    // The family shares its micro-scenarios: they stand once, on its divider, before its sheets.
    expect(family?.children.map((item) => item.title)).toEqual([
      'MICRO-SCÉNARIOS',
      'Big Data',
      'Cobotique',
      'Internet des objets',
    ]);
  });
});
