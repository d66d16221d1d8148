import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doc, paragraph, tableFigure } from '../../../../shared/content/builders.js';
import { textOf, type DocNode } from '../../../../shared/content/doc.js';
import { pdfJsText } from '../../testing/pdfjs.js';
import { pdfFonts, pdfInfo, pdfOutline, pdfText, pdfWordBoxes, searchable } from '../../testing/poppler.js';
import { sampleRepository, type SampleRepository } from '../../testing/print-sheet.js';
import { qpdfCheck } from '../../testing/qpdf.js';
import { loadLayout, type LoadedLayout } from '../layout/load-layout.js';
import { buildPrintDocument } from '../print/document.js';
import type { PrintSheet } from '../sheet-input.js';
import { findChromium } from './chromium-path.js';
import { ChromiumPrinter } from './chromium-printer.js';
import { renderPdf } from './render.js';

let sample: SampleRepository;
let layout: LoadedLayout;
const printer = new ChromiumPrinter();

beforeAll(async () => {
  sample = await sampleRepository();
  layout = await loadLayout();
});
afterAll(async () => {
  await printer.close();
  await sample.dispose();
});

async function printed(print: PrintSheet, name: string) {
  const { bytes, warnings } = await renderPdf(print, layout, printer);
  const file = join(sample.dir, `${name}.pdf`);
  await writeFile(file, bytes);
  return { file, warnings };
}

function withSection(print: PrintSheet, id: string, content: DocNode): PrintSheet {
  return { ...print, sheet: { ...print.sheet, sections: { ...print.sheet.sections, [id]: content } } };
}

const A4 = /^594\.96 x 841\.92 pts \(A4\)/;

describe('the PDF of Big Data', () => {
  let file: string;
  beforeAll(async () => {
    ({ file } = await printed(await sample.bigData(), 'big-data'));
  });

  it('is an A4, tagged PDF that says what it is', async () => {
    const info = await pdfInfo(file);
    expect(info['Page size']).toMatch(A4);
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(4);
    expect(info.Title).toBe('Big Data');
    expect(info.Author).toBe('Agence Hauts-de-France 2020-2040');
    expect(info.Subject).toBe(
      'Fiche variable — 5. Évolutions technologiques — Chantier prospectif Industrie 2040',
    );
    expect(info.Keywords).toContain('Hauts-de-France');
    expect(info.Tagged).toBe('yes');
  });

  it('embeds every font, the shipped one included', async () => {
    const fonts = await pdfFonts(file);
    expect(fonts.every((font) => font.embedded)).toBe(true);
    expect(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, ''))).toEqual(
      expect.arrayContaining(['SourceSans3-Regular', 'SourceSans3-Bold', 'SourceSans3-It']),
    );
    // A synthesised bold or italic would be printed as Type 3 glyphs.
    expect(fonts.filter((font) => font.type === 'Type 3')).toEqual([]);
  });

  it('holds every part’s text, the numbered captions and their sources', async () => {
    const text = searchable(await pdfText(file));
    for (const expected of [
      '5. ÉVOLUTIONS TECHNOLOGIQUES',
      'Cette fiche s’inscrit dans un système global de variables.',
      'SYSTÈME DE VARIABLES',
      'Gestion de cycle de vie du produit',
      'TRAJECTOIRE DE LA VARIABLE',
      'PASSÉ > PRÉSENT > FUTURS POSSIBLES',
      'Quelle a été l’évolution passée de la variable ?',
      'Quelles sont les dynamiques à l’œuvre ?',
      'Quelles sont les dynamiques en région Hauts-de-France ?',
      'Quelles sont les inflexions et ruptures qui pourraient modifier les dynamiques en cours ?',
      'Figure 1 : Les 4 principaux freins à la transformation digitale',
      'Source : BPifrance le Lab',
      'Figure 2 : Utilisation du numérique dans les industries régionales',
      'Source : 5septdirect',
      'Le Health Data Hub (HDH) : une plateforme européenne',
      'MICRO-SCÉNARIOS',
      'Élaborés en atelier, ces scénarios proposent',
      'À noter : les micro-scénarios du bloc',
      'HYPOTHÈSE BASSE',
      'UNE INTÉGRATION INSUFFISANTE DES ENJEUX',
      'MICRO-SCÉNARIOS (SUITE)',
      'HYPOTHÈSE TENDANCIELLE',
      'HYPOTHÈSE HAUTE',
      'Chantier prospectif Industrie 2040',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text.indexOf('HYPOTHÈSE BASSE')).toBeLessThan(text.indexOf('MICRO-SCÉNARIOS (SUITE)'));
  });

  it('prints the running header on every page, the opening’s included as in Word, and the page numbers', async () => {
    const info = await pdfInfo(file);
    const pages = Number(info.Pages);
    for (const page of [1, 2]) {
      // The header is letter-spaced: pdftotext reads its letters apart.
      const text = searchable(await pdfText(file, { first: page, last: page }));
      expect(text.replace(/ /g, ''), `page ${page}`).toContain('5.ÉVOLUTIONSTECHNOLOGIQUESBIGDATA');
      expect(text).toMatch(/Version du \d{1,2} \S+ \d{4}/);
    }
    const last = (await pdfText(file, { first: pages, last: pages })).split('\n').map((line) => line.trim());
    expect(last).toContain(String(pages));
  });

  it('hyphenates the two-column body at French break points, with a visible hyphen', async () => {
    const lines = (await pdfText(file, { layout: true })).split('\n');
    // With -layout each line holds both columns: a column's line ends before the gap.
    const ends = lines
      .flatMap((line) => line.split(/\s{3,}/))
      .filter((segment) => /\p{L}\u2010$/u.test(segment.trim()));
    expect(ends.length).toBeGreaterThan(20);
    // A word cut at a line end reads as a hyphenated word: its hyphen, then the rest on the next line.
    expect(await pdfText(file)).toMatch(/l’aug\u2010\n\s*mentation/);
    expect(await pdfJsText(file)).toMatch(/l’aug-\n\s*mentation/);
  });

  it('has no soft hyphen in its text: poppler and PDF.js find every word whole', async () => {
    const sheet = await sample.bigData();
    const body = Object.values(sheet.sheet.sections)
      .map((section) => textOf(section))
      .join(' ');
    const words = [...new Set(body.match(/\p{L}{8,}/gu))];
    expect(words.length).toBeGreaterThan(100);
    for (const [reader, text] of [
      ['pdftotext', await pdfText(file)],
      ['PDF.js', await pdfJsText(file)],
    ] as const) {
      expect(text, reader).not.toContain('\u00ad');
      const found = searchable(text);
      expect(found, reader).toContain('Le Big Data signifie, littéralement, « grosses données »');
      expect(
        words.filter((word) => !found.includes(word)),
        reader,
      ).toEqual([]);
    }
  });

  it('is a valid PDF once its text is rewritten', async () => {
    await expect(qpdfCheck(file)).resolves.toMatch(/No syntax or stream encoding errors found/);
  });

  it('lists the sections in its outline', async () => {
    const outline = (await pdfOutline(file)).map((entry) => ({
      ...entry,
      title: entry.title.replace(/[\u00a0\u202f]/g, ' '),
    }));
    expect(outline.filter((entry) => entry.depth <= 2).map((entry) => entry.title)).toEqual([
      'Big Data',
      'SYSTÈME DE VARIABLES',
      'TRAJECTOIRE DE LA VARIABLE',
      'Quelle a été l’évolution passée de la variable ?',
      'Quelles sont les dynamiques à l’œuvre ?',
      'Quelles sont les dynamiques en région Hauts-de-France ?',
      expect.stringMatching(/^Quelles sont les inflexions et ruptures/),
      'MICRO-SCÉNARIOS',
    ]);
    expect(outline.filter((entry) => entry.depth === 3).map((entry) => entry.title)).toEqual([
      'HYPOTHÈSE BASSE',
      'HYPOTHÈSE TENDANCIELLE',
      'HYPOTHÈSE HAUTE',
    ]);
  });
});

describe('words in the columns', () => {
  it('breaks no word without a hyphen: tables fit their words, headings and headers stay whole', async () => {
    const heading = 'Le prototypage rapide et la fabrication additive des pièces industrielles';
    const rows = [
      ['Année', 'Investissements consolidés des entreprises industrielles', 'Part'],
      ['2019', '12,5 milliards d’euros, principalement dans la transformation numérique', '23 %'],
    ];
    const content = doc(
      { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: heading }] },
      paragraph('Les investissements nécessaires comprennent plusieurs volets.'),
      tableFigure('Investissements par année', 'Insee', rows),
    );
    const { file } = await printed(withSection(await sample.bigData(), 'trajectoire', content), 'words');
    const text = await pdfText(file);
    const found = searchable(text);
    // A word cut at a line end ends with its hyphen (searchable joins it again): any other cut splits a word.
    const table = found.slice(found.indexOf('Tableau 1'), found.indexOf('Source : Insee'));
    const words = new Set(table.split(' '));
    const cellWords = rows.flat().flatMap((cell) => cell.split(' '));
    expect(cellWords.filter((word) => !words.has(word))).toEqual([]);
    expect(found).toContain(heading);
    // The heading and the header row are never hyphenated: none of their words is cut at a line end.
    const lines = text.split('\n');
    const cut = lines.flatMap((line, index) =>
      line.endsWith('\u2010')
        ? [`${line.split(' ').pop()?.slice(0, -1)}${lines[index + 1]?.trim().split(' ')[0] ?? ''}`]
        : [],
    );
    expect(cut.length).toBeGreaterThan(0);
    const titles = [...heading.split(' '), ...(rows[0] ?? []).flatMap((cell) => cell.split(' '))];
    expect(cut.filter((word) => titles.includes(word))).toEqual([]);
  });
});

describe('bad input', () => {
  it('completes with a placeholder and a warning when an image file is missing', async () => {
    const other = await sampleRepository();
    try {
      await rm(
        join(other.repo, 'assets', '30499ae46edd0f5f8102679793a64955ccde656ade4b7478e61be36a2f5e763a.svg'),
      );
      const { file, warnings } = await printed(await other.bigData(), 'missing-image');
      expect(warnings).toEqual([expect.stringMatching(/^Image manquante pour la figure 1\u00a0:/)]);
      const text = searchable(await pdfText(file));
      expect(text).toContain('Image manquante');
      expect(text).toContain('Figure 1 : Les 4 principaux freins');
    } finally {
      await other.dispose();
    }
  });

  it('keeps an extremely long word and a long URL inside their column', async () => {
    const word = 'anticonstitutionnellement'.repeat(16);
    const url = `https://www.example.org/${'chemin-tres-long/'.repeat(20)}fin`;
    const content = doc(paragraph(`Avant ${word} après.`), paragraph(`Voir ${url} pour la suite.`), {
      type: 'paragraph',
      content: [{ type: 'text', text: url, marks: [{ type: 'link', attrs: { href: url } }] }],
    });
    const print = withSection(await sample.bigData(), 'trajectoire', content);

    // In Chromium, before printing: no block of the columns is wider than its box.
    const browser = await chromium.launch({ executablePath: await findChromium(), args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
      await page.setContent((await buildPrintDocument(print, layout)).html);
      await page.emulateMedia({ media: 'print' });
      const overflowing = await page.$$eval('.columns p, .columns li', (elements) =>
        elements
          .filter((element) => element.scrollWidth > element.clientWidth + 1)
          .map((element) => element.textContent),
      );
      expect(overflowing).toEqual([]);
    } finally {
      await browser.close();
    }

    // In the PDF: every word stays between the page's side margins.
    const { file } = await printed(print, 'long-words');
    const mm = 72 / 25.4;
    const boxes = await pdfWordBoxes(file);
    const left = layout.layout.page.margins.leftMm * mm - 1;
    const right = (layout.layout.page.widthMm - layout.layout.page.margins.rightMm) * mm + 1;
    expect(boxes.filter((box) => box.xMin < left || box.xMax > right)).toEqual([]);
    expect(searchable(await pdfText(file)).replace(/ /g, '')).toContain(word);
    // The link works in the PDF: an annotation pointing at the address.
    expect((await readFile(file)).toString('latin1')).toContain(`/URI (${url})`);
  });

  it('prints a sheet of more than a hundred pages', async () => {
    const sentence =
      'Le Big Data désigne un ensemble de données volumineux, qui augmente de façon exponentielle avec le développement d’internet et des médias sociaux ; ';
    const long = (count: number) =>
      doc(...Array.from({ length: count }, (_, index) => paragraph(`${index + 1}. ${sentence.repeat(4)}`)));
    const base = await sample.bigData();
    const sections = Object.fromEntries(base.template.sections.map((section) => [section.id, long(220)]));
    const { file } = await printed({ ...base, sheet: { ...base.sheet, sections } }, 'hundred-pages');
    const info = await pdfInfo(file);
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(100);
    expect(info['Page size']).toMatch(A4);
  }, 120_000);
});
