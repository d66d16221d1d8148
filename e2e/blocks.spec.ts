import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pngImage } from '../main/services/testing/images.js';
import { expect, test } from './fixtures/host.js';
import { BlocksPage } from './pages/BlocksPage.js';
import { HomePage } from './pages/HomePage.js';
import { SheetPage } from './pages/SheetPage.js';

const FREINS = 'Les 4 principaux freins à la transformation digitale';
const NUMERIQUE = 'Utilisation du numérique dans les industries régionales';

const png = (name: string) => ({
  name,
  mimeType: 'image/png',
  buffer: pngImage(480, 240, [
    [28, 95, 158],
    [177, 71, 58],
  ]),
});

test('une figure insérée depuis un fichier, légendée, sourcée, déplacée : tout se renumérote et reste après rechargement', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(90_000);
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  const blocks = new BlocksPage(page);
  await home.open(fichesHost.url);
  await home.openSheet('big-data');
  const passe = sheet.section('passe');
  const region = sheet.section('present-region');
  await expect.poll(() => blocks.captions(passe)).toEqual([`Figure 1 : ${FREINS}`]);
  await expect.poll(() => blocks.captions(region)).toEqual([`Figure 2 : ${NUMERIQUE}`]);

  await blocks.placeCursorAtEnd(passe);
  await blocks.insertFigure(png('part-des-pme.png'));
  const added = blocks.figures(passe).nth(1);
  await blocks.expectImageShown(added);
  // No source yet: the figure is flagged, and so is its part in the outline.
  await expect(added).toHaveAttribute('data-missing-source', 'true');
  await expect(page.getByTestId('outline-missing-passe')).toHaveText('source manquante');
  await expect(sheet.outlineItem('passe')).toHaveAttribute('data-state', 'in-progress');

  await blocks.typeCaptionAndSource('Part des PME équipées', 'INSEE, enquête TIC 2020');
  await expect
    .poll(() => blocks.captions(passe))
    .toEqual([`Figure 1 : ${FREINS}`, 'Figure 2 : Part des PME équipées']);
  // Numbering runs through the sheet: the next section's figure follows.
  await expect.poll(() => blocks.captions(region)).toEqual([`Figure 3 : ${NUMERIQUE}`]);
  await expect(added).not.toHaveAttribute('data-missing-source');
  await expect(page.getByTestId('outline-missing-passe')).toHaveCount(0);

  // Up past the paragraph after Figure 1, then past Figure 1 itself.
  const moved = blocks.figures(passe).filter({ hasText: 'Part des PME équipées' });
  await blocks.blockButton(moved, 'up');
  await expect
    .poll(() => blocks.captions(passe))
    .toEqual([`Figure 1 : ${FREINS}`, 'Figure 2 : Part des PME équipées']);
  await blocks.blockButton(moved, 'up');
  await expect
    .poll(() => blocks.captions(passe))
    .toEqual(['Figure 1 : Part des PME équipées', `Figure 2 : ${FREINS}`]);
  await expect.poll(() => blocks.captions(region)).toEqual([`Figure 3 : ${NUMERIQUE}`]);

  await sheet.waitUntilSaved();
  await page.reload();
  await expect
    .poll(() => blocks.captions(passe))
    .toEqual(['Figure 1 : Part des PME équipées', `Figure 2 : ${FREINS}`]);
  await expect.poll(() => blocks.captions(region)).toEqual([`Figure 3 : ${NUMERIQUE}`]);
  expect((await blocks.sources(passe))[0]).toBe('INSEE, enquête TIC 2020');
  await blocks.expectImageShown(blocks.figures(passe).first());

  // Stored once in assets/, referenced by name: no image data in the sheet.
  const sheetFile = await readFile(path.join(fichesHost.repo, 'sheets', 'big-data.json'), 'utf8');
  const assets = await readdir(path.join(fichesHost.repo, 'assets'));
  const pngs = assets.filter((name) => name.endsWith('.png'));
  expect(pngs).toHaveLength(1);
  expect(sheetFile).toContain(pngs[0]);
  expect(sheetFile).not.toMatch(/base64|data:image/);
});

test('une image déposée ou collée devient une figure, un fichier qui n’est pas une image est refusé', async ({
  page,
  fichesHost,
}) => {
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  const blocks = new BlocksPage(page);
  await home.open(fichesHost.url);
  await home.createSheet('cobotique');
  const [first = ''] = await sheet.sectionIds();
  const section = sheet.section(first);
  await sheet.typeInto(section, 'Un paragraphe.');

  await blocks.dropFile(section, png('deposee.png'));
  await expect(blocks.figures(section)).toHaveCount(1);
  await blocks.expectImageShown(blocks.figures(section).first());
  await page.keyboard.type('Image déposée');

  await blocks.editable(section).locator(':scope > p').last().click();
  await blocks.pasteFile(section, png('collee.png'));
  await expect(blocks.figures(section)).toHaveCount(2);
  await page.keyboard.type('Image collée');
  await expect
    .poll(() => blocks.captions(section))
    .toEqual(['Figure 1 : Image déposée', 'Figure 2 : Image collée']);

  await blocks.dropFile(section, {
    name: 'rapport.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.7'),
  });
  await expect(blocks.notice('error')).toContainText(
    '«\u00a0rapport.pdf\u00a0» n’est pas une image acceptée',
  );
  await expect(blocks.figures(section)).toHaveCount(2);
});

test('les images refusées le disent en français et rien n’est inséré', async ({ page, fichesHost }) => {
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  const blocks = new BlocksPage(page);
  await home.open(fichesHost.url);
  await home.createSheet('cobotique');
  const [first = ''] = await sheet.sectionIds();
  const section = sheet.section(first);
  await sheet.typeInto(section, 'Un paragraphe.');

  const huge = Buffer.alloc(50 * 1024 * 1024);
  pngImage(1, 1).copy(huge);
  const hugeFile = test.info().outputPath('photo-enorme.png');
  await mkdir(path.dirname(hugeFile), { recursive: true });
  await writeFile(hugeFile, huge);
  await blocks.insertFigure(hugeFile);
  await expect(blocks.notice('error')).toContainText('pèse 50,0\u00a0Mo\u00a0: la limite est de 20\u00a0Mo');

  const fake = Buffer.concat([
    pngImage(2, 2).subarray(0, 8),
    Buffer.from('ceci n’est pas la suite d’un PNG'),
  ]);
  await blocks.insertFigure({ name: 'faux.png', mimeType: 'image/png', buffer: fake });
  await expect(blocks.notice('error').filter({ hasText: 'faux.png' })).toContainText(
    'commence comme une image PNG mais n’en est pas une lisible',
  );

  await blocks.insertFigure({
    name: 'notes.png',
    mimeType: 'image/png',
    buffer: Buffer.from('Des notes en texte.'),
  });
  await expect(blocks.notice('error').filter({ hasText: 'notes.png' })).toContainText(
    'n’est pas une image acceptée\u00a0: seules les images PNG, JPEG, GIF et SVG',
  );
  await expect(blocks.figures(section)).toHaveCount(0);
});

test('une image SVG piégée est nettoyée à l’import et rien ne s’exécute', async ({ page, fichesHost }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  const blocks = new BlocksPage(page);
  await home.open(fichesHost.url);
  await home.createSheet('cobotique');
  const [first = ''] = await sheet.sectionIds();
  const section = sheet.section(first);
  await sheet.typeInto(section, 'Avant le schéma.');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120" onload="alert('onload')">
    <script>alert('script')</script><rect width="300" height="120" fill="#1c5f9e"/>
    <foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:alert('iframe')"/></foreignObject></svg>`;
  await blocks.insertFigure({ name: 'schema.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(svg) });
  await blocks.expectImageShown(blocks.figures(section).first());
  await expect(blocks.notice('info')).toContainText('Image SVG «\u00a0schema.svg\u00a0» nettoyée');
  const stored = (await readdir(path.join(fichesHost.repo, 'assets'))).filter((name) =>
    name.endsWith('.svg'),
  );
  const cleaned = await Promise.all(
    stored.map((name) => readFile(path.join(fichesHost.repo, 'assets', name), 'utf8')),
  );
  expect(cleaned.filter((text) => /alert|script|foreignObject/.test(text))).toEqual([]);
  expect(dialogs).toEqual([]);
});

test('une image manquante s’affiche comme un emplacement qui dit pourquoi, sans gêner la fiche', async ({
  page,
  fichesHost,
}) => {
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  const blocks = new BlocksPage(page);
  const assets = path.join(fichesHost.repo, 'assets');
  const [chart] = (await readdir(assets)).sort();
  await rm(path.join(assets, chart ?? ''));
  await home.open(fichesHost.url);
  await home.openSheet('big-data');
  const missing = page.getByTestId('figure-missing');
  await expect(missing).toHaveCount(1);
  await expect(missing).toContainText(
    `Image introuvable\u00a0: le fichier assets/${chart} manque dans le dépôt`,
  );
  await expect(page.getByTestId('figure-image')).toHaveCount(1);
  await expect
    .poll(() => blocks.captions(sheet.section('present-region')))
    .toEqual([`Figure 2 : ${NUMERIQUE}`]);
  await sheet.typeInto(sheet.section('passe'), ' Suite.');
  await sheet.waitUntilSaved();
});

test('un tableau : insertion, lignes, colonnes, ligne d’en-tête, légende et source numérotées', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(60_000);
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  const blocks = new BlocksPage(page);
  await home.open(fichesHost.url);
  await home.createSheet('cobotique');
  const [first = ''] = await sheet.sectionIds();
  const section = sheet.section(first);
  await sheet.typeInto(section, 'Les chiffres clés :');
  // The table's buttons show only while the cursor is in a table.
  await expect(sheet.toolbarButton('table-row-add')).toHaveCount(0);

  await sheet.toolbarButton('table').click();
  const table = blocks.tables(section).first();
  await page.keyboard.type('Robots collaboratifs installés');
  await page.keyboard.press('Enter');
  for (const cell of ['Année', 'France', 'Région', '2018', '1 200', '150', '2020', '2 100', '240']) {
    await page.keyboard.type(cell);
    await page.keyboard.press('Tab');
  }
  await expect
    .poll(() => blocks.captions(section, 'table'))
    .toEqual(['Tableau 1 : Robots collaboratifs installés']);
  await expect(table.locator('th')).toHaveText(['Année', 'France', 'Région']);
  // Tab past the last cell added a row.
  await expect(table.locator('tr')).toHaveCount(4);
  await sheet.toolbarButton('table-row-delete').click();
  await expect(table.locator('tr')).toHaveCount(3);
  await table.locator('td').filter({ hasText: '150' }).click();
  await sheet.toolbarButton('table-column-add').click();
  await expect(table.locator('tr').first().locator('th')).toHaveCount(4);
  await table.locator('tr').first().locator('th').nth(3).click();
  await sheet.toolbarButton('table-column-delete').click();
  await expect(table.locator('tr').first().locator('th')).toHaveCount(3);
  await expect(sheet.toolbarButton('table-header-row')).toHaveAttribute('aria-pressed', 'true');
  await sheet.toolbarButton('table-header-row').click();
  await expect(table.locator('th')).toHaveCount(0);
  await sheet.toolbarButton('table-header-row').click();
  await expect(table.locator('th')).toHaveText(['Année', 'France', 'Région']);
  await expect(table).toHaveAttribute('data-missing-source', 'true');

  await table.locator('.source-line').click();
  await page.keyboard.type('IFR, World Robotics 2021');
  await expect(table).not.toHaveAttribute('data-missing-source');

  await sheet.waitUntilSaved();
  await page.reload();
  await expect
    .poll(() => blocks.captions(section, 'table'))
    .toEqual(['Tableau 1 : Robots collaboratifs installés']);
  await expect(table.locator('th')).toHaveText(['Année', 'France', 'Région']);
  await expect(table.locator('tr').nth(2).locator('td')).toHaveText(['2020', '2 100', '240']);
  await expect(table.locator('.source-line')).toHaveText('IFR, World Robotics 2021');

  await table.locator('td').first().click();
  await sheet.toolbarButton('table-delete').click();
  await expect(blocks.tables(section)).toHaveCount(0);
});
