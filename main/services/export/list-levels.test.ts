import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulletList, doc, listItem, orderedList, paragraph } from '../../../shared/content/builders.js';
import { pdfText } from '../testing/poppler.js';
import { sampleRepository, type SampleRepository } from '../testing/print-sheet.js';
import { buildDocx } from './docx/build.js';
import { loadLayout, type LoadedLayout } from './layout/load-layout.js';
import { ChromiumPrinter } from './pdf/chromium-printer.js';
import { renderPdf } from './pdf/render.js';
import type { PrintSheet } from './sheet-input.js';
import { docxToPdf, pdfText as officeText } from './testing/office.js';

/**
 * Lists are marked level by level as the layout says, in the PDF as in the Word file (read
 * by LibreOffice): the same number or bullet before every item.
 */

let sample: SampleRepository;
let layout: LoadedLayout;
let print: PrintSheet;
const printer = new ChromiumPrinter();

const LISTS = doc(
  paragraph('Les investissements comprennent :'),
  orderedList([
    listItem(
      'matériel',
      orderedList([listItem('capteurs'), listItem('serveurs', orderedList([listItem('baies')]))]),
    ),
    listItem('logiciel'),
  ]),
  bulletList([
    listItem(
      'premier niveau',
      bulletList([listItem('deuxième niveau', orderedList([listItem('troisième niveau')]))]),
    ),
  ]),
  // A list pasted from Word keeps its own style; « 1 » is the default, numbered by level.
  orderedList(
    [listItem('liste collée en capitales', orderedList([listItem('sous-liste décimale')], { type: '1' }))],
    {
      type: 'A',
    },
  ),
);

const EXPECTED = [
  '1. matériel',
  'a. capteurs',
  'b. serveurs',
  'i. baies',
  '2. logiciel',
  '– premier niveau',
  '◦ deuxième niveau',
  'i. troisième niveau',
  'A. liste collée en capitales',
  'a. sous-liste décimale',
];

/**
 * Each item's line: its marker and its text. The short section is balanced over the two
 * columns, so the order of the lines is the reader's guess: they are compared sorted. Our
 * PDF is read by position (Chromium draws the bullets after the text), LibreOffice's in the
 * order it draws (by position, its markers stand apart from their items).
 */
function items(text: string): string[] {
  const texts = EXPECTED.map((line) => line.slice(line.indexOf(' ') + 1));
  return text
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((line) => texts.some((item) => line.endsWith(` ${item}`) || line === item))
    .sort();
}

beforeAll(async () => {
  sample = await sampleRepository();
  layout = await loadLayout();
  const bigData = await sample.bigData();
  print = {
    ...bigData,
    sheet: { ...bigData.sheet, sections: { ...bigData.sheet.sections, trajectoire: LISTS } },
  };
});
afterAll(async () => {
  await printer.close();
  await sample.dispose();
});

describe('lists, level by level', () => {
  it('are numbered 1. a. i. and bulleted – ◦ in the PDF, a pasted list keeping its style', async () => {
    const file = join(sample.dir, 'lists.pdf');
    await writeFile(file, (await renderPdf(print, layout, printer)).bytes);
    expect(items(await pdfText(file))).toEqual([...EXPECTED].sort());
  });

  it('are marked the same in the Word file, as LibreOffice prints it', async () => {
    const docx = join(sample.dir, 'lists.docx');
    await writeFile(docx, (await buildDocx(print, layout)).bytes);
    const pdf = await docxToPdf(docx, join(sample.dir, 'office'));
    expect(items(await officeText(pdf))).toEqual([...EXPECTED].sort());
  }, 150_000);
});
