import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures/host.js';
import { BlocksPage } from './pages/BlocksPage.js';
import { HomePage } from './pages/HomePage.js';
import { SheetPage } from './pages/SheetPage.js';

const svgFile = (name: string, svg: string) => ({
  name,
  mimeType: 'image/svg+xml',
  buffer: Buffer.from(svg),
});

test('une image démesurée ou trop chargée est refusée à l’import, et le message dit pourquoi', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(90_000);
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  const blocks = new BlocksPage(page);
  await home.open(fichesHost.url);
  await home.createSheet('cobotique');
  const [first = ''] = await sheet.sectionIds();
  const section = sheet.section(first);
  await sheet.typeInto(section, 'Avant la carte.');

  await blocks.insertFigure(
    svgFile('bande.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1000000"><rect/></svg>'),
  );
  await expect(blocks.notice('error').filter({ hasText: 'bande.svg' })).toContainText(
    'ses proportions sont extrêmes (1 × 1\u202f000\u202f000)',
  );

  const shapes = Array.from({ length: 120_000 }, (_, i) => `<circle cx="${i % 900}" cy="5" r="1"/>`);
  await blocks.insertFigure(
    svgFile(
      'carte.svg',
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 900 10">${shapes.join('')}</svg>`,
    ),
  );
  await expect(blocks.notice('error').filter({ hasText: 'carte.svg' })).toContainText(
    'elle compte plus de 100\u202f000\u00a0éléments de dessin',
  );
  await expect(blocks.figures(section)).toHaveCount(0);
});

test('une image modifiée après son import s’affiche comme endommagée, sans gêner la fiche', async ({
  page,
  fichesHost,
}) => {
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  const assets = path.join(fichesHost.repo, 'assets');
  const [chart = ''] = (await readdir(assets)).sort();
  const file = path.join(assets, chart);
  await writeFile(file, (await readFile(file, 'utf8')).replace('</svg>', '<rect/></svg>'));
  await home.open(fichesHost.url);
  await home.openSheet('big-data');
  const damaged = page.getByTestId('figure-missing');
  await expect(damaged).toHaveCount(1);
  await expect(damaged).toContainText(
    `Image endommagée\u00a0: le fichier assets/${chart} ne correspond plus à l’image importée`,
  );
  await expect(page.getByTestId('figure-image')).toHaveCount(1);
  await sheet.typeInto(sheet.section('passe'), ' Suite.');
  await sheet.waitUntilSaved();
});
