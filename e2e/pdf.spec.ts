import { expect, test } from './fixtures/host.js';
import { pdfFonts, pdfInfo, pdfText, searchable } from '../main/services/testing/poppler.js';
import { ExportDialog } from './pages/ExportDialog.js';
import { HomePage } from './pages/HomePage.js';
import { SheetPage } from './pages/SheetPage.js';

test('exporter la fiche ouverte en PDF : le navigateur télécharge un PDF A4 complet', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(60_000);
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  const dialog = new ExportDialog(page);
  await home.open(fichesHost.url);
  await home.openSheet('big-data');
  await sheet.typeInto(sheet.section('passe'), ' Phrase ajoutée juste avant l’export en PDF.');

  await dialog.open();
  await page.getByTestId('export-format-pdf').check();
  const [download] = await dialog.runAndDownload(1);
  expect(download?.suggestedFilename()).toBe('big-data.pdf');
  const file = (await download?.path()) ?? '';
  expect(file).toBeTruthy();

  const info = await pdfInfo(file);
  expect(info['Page size']).toMatch(/\(A4\)/);
  expect(info.Title).toBe('Big Data');
  expect(info.Tagged).toBe('yes');
  expect((await pdfFonts(file)).every((font) => font.embedded)).toBe(true);
  const text = searchable(await pdfText(file));
  // The edit still in the autosave's hands is saved before the export reads the sheet.
  expect(text).toContain('Phrase ajoutée juste avant l’export en PDF.');
  expect(text).toContain('Figure 1 : Les 4 principaux freins à la transformation digitale');
  expect(text).toContain('MICRO-SCÉNARIOS (SUITE)');
  await expect(dialog.result('big-data')).toContainText('✓');
  await dialog.close();
});
