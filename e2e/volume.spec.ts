import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './fixtures/host.js';
import { HomePage } from './pages/HomePage.js';
import { VolumeDialog } from './pages/VolumeDialog.js';

test('publier le recueil en Word : progression, résumé, un seul fichier avec son sommaire', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(180_000);
  const home = new HomePage(page);
  const volume = new VolumeDialog(page);
  await home.open(fichesHost.url);
  await home.createSheet('cobotique');
  await home.open(fichesHost.url);
  await volume.open();
  await volume.setTitle('Recueil de test');
  await volume.chooseFormats('docx');
  const downloads: string[] = [];
  page.on('download', (download) => downloads.push(download.suggestedFilename()));
  const [download] = await volume.publishAndDownload(1);
  expect(download?.suggestedFilename()).toBe('recueil-de-test.docx');
  await expect(volume.summary).toContainText('2\u00a0fiches dans le recueil');
  await expect(page.getByTestId('volume-files')).toContainText('Téléchargé\u202f: recueil-de-test.docx');
  await expect(page.getByTestId('volume-warnings')).toContainText('Cobotique');
  const part = unzipSync(await readFile((await download?.path()) ?? ''))['word/document.xml'];
  const xml = part ? strFromU8(part) : '';
  expect(xml).toContain('Recueil de test');
  expect(xml).toContain('TOC \\h');
  await page.getByTestId('volume-close').click();
  await expect(volume.dialog).toBeHidden();
});

test('publier le recueil, puis annuler : rien n’est téléchargé', async ({ page, fichesHost }) => {
  test.setTimeout(120_000);
  const home = new HomePage(page);
  const volume = new VolumeDialog(page);
  await home.open(fichesHost.url);
  await volume.open();
  await volume.chooseFormats('docx', 'pdf');
  const downloads: string[] = [];
  page.on('download', (download) => downloads.push(download.suggestedFilename()));
  await volume.start();
  await expect(volume.progress).toBeVisible();
  await volume.cancel();
  await expect(page.getByTestId('volume-error')).toContainText('annulée');
  await expect(page.getByTestId('volume-run')).toBeEnabled();
  expect(downloads).toEqual([]);
});

test('publier par statut sans fiche de ce statut : un message clair', async ({ page, fichesHost }) => {
  const home = new HomePage(page);
  const volume = new VolumeDialog(page);
  await home.open(fichesHost.url);
  await volume.open();
  await volume.chooseStatuses('published');
  await volume.start();
  await expect(page.getByTestId('volume-error')).toContainText('Aucune fiche ne correspond');
});
