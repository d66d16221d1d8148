/**
 * Builds the paste fixtures that are produced rather than written by hand, into
 * e2e/fixtures/paste/ (committed, so tests and CI need neither LibreOffice nor this script):
 *  - libreoffice.html: a Word document (.docx, made with the docx package) converted to HTML
 *    by LibreOffice, as LibreOffice puts it on the clipboard;
 *  - word-30-pages.html: 30 pages in Word's clipboard format: the hand-written word.html's
 *    fragment (about a page), repeated with its section number, for the 30-page paste;
 *  - large-web.html: several megabytes of web page markup.
 *
 *   npx esbuild scripts/paste-fixtures.ts --bundle --platform=node --format=esm \
 *     --packages=external --outfile=dist/scripts/paste-fixtures.mjs && node dist/scripts/paste-fixtures.mjs
 * (LibreOffice's soffice must be on the PATH: apt-get install libreoffice-writer.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { findAppRoot } from '../main/services/app-root.js';
import { pngImage } from '../main/services/testing/images.js';

const target = join(findAppRoot(), 'e2e', 'fixtures', 'paste');

function numberedLevel(level: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) {
  return {
    level,
    format,
    text,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  };
}

function cell(text: string, bold = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
}

async function libreOfficeFixture(): Promise<void> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'etapes',
          levels: [
            numberedLevel(0, LevelFormat.DECIMAL, '%1.'),
            numberedLevel(1, LevelFormat.LOWER_LETTER, '%2)'),
            numberedLevel(2, LevelFormat.LOWER_ROMAN, '%3.'),
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Le Big Data dans l’industrie', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun('Le Big Data désigne des données '),
              new TextRun({ text: 'volumineuses', bold: true }),
              new TextRun(', produites '),
              new TextRun({ text: 'en continu', italics: true }),
              new TextRun(' ; voir '),
              new ExternalHyperlink({
                link: 'https://www.example.org/big-data',
                children: [new TextRun({ text: 'la synthèse', style: 'Hyperlink' })],
              }),
              new TextRun('.'),
            ],
          }),
          new Paragraph({ text: 'Les étapes d’un projet', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Collecter les données', numbering: { reference: 'etapes', level: 0 } }),
          new Paragraph({ text: 'Capteurs des machines', numbering: { reference: 'etapes', level: 1 } }),
          new Paragraph({ text: 'Systèmes de gestion', numbering: { reference: 'etapes', level: 1 } }),
          new Paragraph({
            text: 'Progiciels de gestion intégrés',
            numbering: { reference: 'etapes', level: 2 },
          }),
          new Paragraph({ text: 'Stocker et traiter', numbering: { reference: 'etapes', level: 0 } }),
          new Paragraph({ text: 'Analyser et décider', numbering: { reference: 'etapes', level: 0 } }),
          new Paragraph({ text: 'Les bénéfices attendus :' }),
          new Paragraph({ text: 'traçabilité des produits', bullet: { level: 0 } }),
          new Paragraph({ text: 'maintenance prédictive', bullet: { level: 0 } }),
          new Paragraph({ text: 'Tableau 1 : Taux d’équipement des entreprises' }),
          new Table({
            rows: [
              new TableRow({
                tableHeader: true,
                children: [cell('Activité', true), cell('2012', true), cell('2019', true)],
              }),
              new TableRow({ children: [cell('Industrie'), cell('7 %'), cell('50 %')] }),
              new TableRow({ children: [cell('Services'), cell('9 %'), cell('61 %')] }),
            ],
          }),
          new Paragraph({ text: 'Source : IDC et ATOS, enquête auprès de 100 entreprises' }),
          new Paragraph({
            children: [
              new ImageRun({
                type: 'png',
                data: pngImage(120, 60, [
                  [177, 71, 58],
                  [28, 95, 158],
                ]),
                transformation: { width: 240, height: 120 },
              }),
            ],
          }),
          new Paragraph({ text: 'Figure 1 : Répartition des usages' }),
          new Paragraph({ text: 'Source : Baromètre régional des entreprises 2019' }),
          new Paragraph({ text: 'Fin du document.' }),
        ],
      },
    ],
  });
  const work = await mkdtemp(join(tmpdir(), 'fiches-fixtures-'));
  try {
    const docx = join(work, 'document.docx');
    await writeFile(docx, await Packer.toBuffer(doc));
    execFileSync(
      'soffice',
      ['--headless', '--convert-to', 'html:HTML (StarWriter):EmbedImages', '--outdir', work, docx],
      { stdio: 'ignore', env: { ...process.env, HOME: work } },
    );
    await writeFile(join(target, 'libreoffice.html'), await readFile(join(work, 'document.html')));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function thirtyPages(): Promise<void> {
  const word = await readFile(join(target, 'word.html'), 'utf8');
  const start = word.indexOf('<!--StartFragment-->') + '<!--StartFragment-->'.length;
  const end = word.indexOf('<!--EndFragment-->');
  const fragment = word.slice(start, end);
  const pages = Array.from({ length: 30 }, (_, index) =>
    fragment
      .replace('(section 1)', `(section ${index + 1})`)
      .replaceAll("yes'>1</span>", `yes'>${index + 1}</span>`),
  );
  await writeFile(
    join(target, 'word-30-pages.html'),
    word.slice(0, start) + pages.join('\n') + word.slice(end),
  );
}

/** A long web article: nested markup, inline styles and attributes everywhere, as pages carry. */
async function largeWebPage(): Promise<void> {
  const blocks: string[] = [];
  for (let i = 1; blocks.join('').length < 4 * 1024 * 1024; i += 1) {
    blocks.push(
      `<div class="article-block block-${i}" data-tracking-id="blk-${i}" style="margin:0 0 12px;padding:0;font-family:Georgia,serif;color:#333">` +
        `<h2 id="section-${i}" class="headline" style="font-size:22px;color:#111">Partie ${i} : les données de l’industrie</h2>` +
        `<p class="lead" style="line-height:1.6"><span style="font-weight:700">Paragraphe ${i}.</span> ` +
        `<span class="text" style="font-style:italic">Les entreprises produisent toujours plus de données</span>, ` +
        `<a href="https://www.example.org/article/${i}" class="link" target="_blank" rel="noopener">dont l’analyse</a> ` +
        `<span data-x="1" style="color:#555">permet d’anticiper les pannes et d’ajuster la production à la demande.</span></p>` +
        `<ul class="list"><li style="margin:2px">Point ${i}.1 <b>important</b></li><li style="margin:2px">Point ${i}.2</li></ul>` +
        `</div>`,
    );
  }
  const html = `<html><head><meta charset="utf-8"><style>.article-block{display:block}</style></head><body>${blocks.join('\n')}</body></html>`;
  await writeFile(join(target, 'large-web.html'), html);
}

await libreOfficeFixture();
await thirtyPages();
await largeWebPage();
console.log(`Fixtures écrites dans ${target}`);
