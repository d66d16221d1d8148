import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textOf, type DocNode } from '../../../../shared/content/doc.js';
import { docxToPdf, pandocHeadings, pdfPages, pdfText } from '../testing/office.js';
import { openSample, type SampleRepository } from '../testing/sample.js';
import { syntheticSections } from '../testing/synthetic.js';

/**
 * The exported files opened by real readers: LibreOffice lays them out and prints them to
 * PDF (whose text pdftotext extracts), pandoc reads their structure. Slow, so each file is
 * converted once.
 */

let sample: SampleRepository;
beforeAll(async () => {
  sample = await openSample();
});
afterAll(async () => {
  await sample.dispose();
});

async function exported(sheetId: string): Promise<string> {
  const rendered = await sample.session.handlers['export:render']({ sheetId, format: 'docx' });
  const path = join(sample.dir, rendered.fileName);
  await writeFile(path, Buffer.from(rendered.base64, 'base64'));
  return path;
}

/** Letters and digits only: hyphenation at line ends, columns and no-break spaces do not matter. */
const squeeze = (text: string): string =>
  text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .toLowerCase();

/** Blocks of running text (figures and tables are checked by their numbered captions). */
const TEXT_BLOCKS = new Set([
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'blockquote',
  'encadre',
  'sourceLine',
]);

/** The opening words of each block of a section, as a reader would spot them on the page. */
function openings(doc: DocNode | undefined): string[] {
  return (doc?.content ?? [])
    .filter((block) => TEXT_BLOCKS.has(block.type))
    .map((block) => textOf(block).split(/\s+/).slice(0, 6).join(' '))
    .filter((words) => squeeze(words).length > 8);
}

describe('the Big Data sample, read by LibreOffice and pandoc', () => {
  let pdf: string;
  let docx: string;
  beforeAll(async () => {
    docx = await exported('big-data');
    pdf = await docxToPdf(docx, join(sample.dir, 'office-big-data'));
  }, 150_000);

  it('prints every section, every numbered caption and every source', async () => {
    const text = squeeze(await pdfText(pdf));
    const sheet = (await sample.session.handlers['sheets:get']({ id: 'big-data' })).sheet;
    for (const [section, doc] of Object.entries(sheet.sections)) {
      for (const words of openings(doc)) expect(text, `${section} : « ${words} »`).toContain(squeeze(words));
    }
    for (const expected of [
      'Figure 1 : Les 4 principaux freins à la transformation digitale',
      'Figure 2 : Utilisation du numérique dans les industries régionales',
      'Source : 5septdirect',
      'Source : BPifrance le Lab, Enquête',
      'Source : les gains économiques de l’IA',
      'Source : Agence Hauts-de-France 2020-2040 - Baromètre des entreprises 2019',
      'LA DIFFICILE MISE EN RÉSEAU DU TISSU INDUSTRIEL',
      'Micro-scénarios (suite)',
      'Chantier prospectif Industrie 2040',
    ]) {
      expect(text).toContain(squeeze(expected));
    }
    expect(await pdfPages(pdf)).toBeGreaterThanOrEqual(5);
  });

  it('gives pandoc the heading structure', async () => {
    const headings = await pandocHeadings(docx);
    expect(headings.filter((heading) => heading.level === 1).map((heading) => heading.text)).toEqual([
      'Système de variables',
      'Trajectoire de la variable',
      'Micro-scénarios',
    ]);
    const questions = headings
      .filter((heading) => heading.level === 2)
      .map((heading) => squeeze(heading.text));
    expect(questions).toEqual(
      [
        'Quelle a été l’évolution passée de la variable ?',
        'Quelles sont les dynamiques à l’œuvre ?',
        'Quelles sont les dynamiques en région Hauts-de-France ?',
        'Quelles sont les inflexions et ruptures qui pourraient modifier les dynamiques en cours ?',
      ].map(squeeze),
    );
  });
});

describe('a long synthetic sheet, read by LibreOffice', () => {
  it('prints all its captions with their numbers and all its sources', async () => {
    const template = await sample.session.handlers['template:get']({});
    const sections = await syntheticSections(sample.repo, template, {
      words: 14_000,
      figures: 12,
      svgFigures: 4,
      tables: 4,
    });
    await sample.session.handlers['sheets:create']({ variableId: 'intelligence-artificielle' });
    await sample.session.handlers['sheets:update']({ id: 'intelligence-artificielle', patch: { sections } });
    const docx = await exported('intelligence-artificielle');
    const pdf = await docxToPdf(docx, join(sample.dir, 'office-long'));
    const text = squeeze(await pdfText(pdf));
    for (let n = 1; n <= 12; n += 1) {
      expect(text).toContain(squeeze(`Figure ${n} : Graphique synthétique numéro ${n}`));
      expect(text).toContain(squeeze(`Source : Source synthétique ${n}, enquête 2024`));
    }
    for (let n = 1; n <= 4; n += 1) {
      expect(text).toContain(squeeze(`Tableau ${n} : Tableau synthétique numéro ${n}`));
      expect(text).toContain(squeeze(`Source : Source du tableau ${n}`));
    }
    for (const doc of Object.values(sections)) {
      for (const words of openings(doc)) expect(text).toContain(squeeze(words));
    }
    expect(await pdfPages(pdf)).toBeGreaterThan(15);
  }, 150_000);
});
