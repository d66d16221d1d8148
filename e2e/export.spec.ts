import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './fixtures/host.js';
import { ExportDialog } from './pages/ExportDialog.js';
import { HomePage } from './pages/HomePage.js';
import { SheetPage } from './pages/SheetPage.js';

/** A .docx is a zip whose document part holds the text: read it as Word would start to. */
async function documentXml(path: string): Promise<string> {
  const part = unzipSync(await readFile(path))['word/document.xml'];
  expect(part, 'word/document.xml dans le fichier').toBeDefined();
  return part ? strFromU8(part) : '';
}

test('exporter la fiche ouverte en Word : le navigateur télécharge un .docx valide', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(60_000);
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  const dialog = new ExportDialog(page);
  await home.open(fichesHost.url);
  await home.openSheet('big-data');
  const typed = ' Phrase ajoutée juste avant l’export.';
  await sheet.typeInto(sheet.section('passe'), typed);

  await dialog.open();
  const [download] = await dialog.runAndDownload(1);
  expect(download?.suggestedFilename()).toBe('big-data.docx');
  const path = await download?.path();
  expect(path).toBeTruthy();
  const xml = await documentXml(path ?? '');
  expect(xml).toContain('Big Data');
  // The edit still in the autosave's hands is saved before the export reads the sheet.
  expect(xml).toContain('Phrase ajoutée juste avant l’export.');
  expect(xml).toContain('w:num="2"');
  await expect(dialog.result('big-data')).toContainText('✓');
  await dialog.close();
});

test('exporter une sélection depuis l’accueil : un fichier par fiche, et le résumé', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(60_000);
  const home = new HomePage(page);
  const dialog = new ExportDialog(page);
  await home.open(fichesHost.url);
  await home.createSheet('cobotique');
  await home.open(fichesHost.url);

  await dialog.open();
  await dialog.chooseScope('selection');
  await dialog.select('big-data');
  await dialog.select('cobotique');
  const downloads = await dialog.runAndDownload(2);
  expect(downloads.map((download) => download.suggestedFilename()).sort()).toEqual([
    'big-data.docx',
    'cobotique.docx',
  ]);
  // A sheet just created is empty: exported, with its empty sections reported.
  await expect(dialog.result('cobotique')).toContainText(
    'Section «\u00a0Trajectoire de la variable\u00a0» vide.',
  );
  await expect(dialog.summary).toContainText('2\u00a0fiches exportées');
});
