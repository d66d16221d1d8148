import { expect, test } from './fixtures/host.js';
import { HistoryPanel } from './pages/HistoryPanel.js';
import { HomePage } from './pages/HomePage.js';
import { PreviewDialog } from './pages/PreviewDialog.js';
import { SheetPage } from './pages/SheetPage.js';

test('l’aperçu avant impression de Big Data montre ses pages, dessinées', async ({ page, fichesHost }) => {
  test.setTimeout(60_000);
  const home = new HomePage(page);
  const preview = new PreviewDialog(page);
  await home.open(fichesHost.url);
  await home.openSheet('big-data');

  await preview.open();
  const count = await preview.pageCount();
  expect(count).toBeGreaterThanOrEqual(4);
  await expect(preview.count).toHaveText(`${count}\u00a0pages`);
  await expect(preview.pages).toHaveCount(count);
  // A4 portrait, as the PDF.
  const box = await preview.pages.first().boundingBox();
  expect((box?.height ?? 0) / (box?.width ?? 1)).toBeCloseTo(297 / 210, 2);
  // Pages are drawn, not blank: the opening (title, diagram) and the last micro-scenario page.
  expect(await preview.inkOf(preview.pages.first())).toBeGreaterThan(0.03);
  expect(await preview.inkOf(preview.pages.last())).toBeGreaterThan(0.01);
  await preview.close();
});

test('l’aperçu d’une version passée part de cette version', async ({ page, fichesHost }) => {
  test.setTimeout(60_000);
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  const history = new HistoryPanel(page);
  const preview = new PreviewDialog(page);
  await home.open(fichesHost.url);
  await home.openSheet('big-data');
  await history.saveVersion('Avant la longue annexe');
  await history.open();
  const seq = await history.seqOf(history.entriesOfKind('named').first());

  // Much more text now: the current sheet prints on more pages than the version.
  await sheet.editable(sheet.section('futurs')).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(` ${'Une annexe très longue pour ajouter des pages. '.repeat(120)}`);
  await preview.open(sheet.view);
  const now = await preview.pageCount();
  await preview.close();

  await history.openRevision(seq);
  await preview.open(history.revisionView);
  await expect(preview.dialog).toHaveAttribute('aria-label', /version n°\u00a0\d+/);
  expect(await preview.pageCount()).toBeLessThan(now);
  await preview.close();
});

test('« Page entière » montre toute la page, quelle que soit la fenêtre', async ({ page, fichesHost }) => {
  test.setTimeout(60_000);
  const home = new HomePage(page);
  const preview = new PreviewDialog(page);
  await home.open(fichesHost.url);
  await home.openSheet('big-data');
  for (const size of [
    { width: 1280, height: 720 },
    { width: 900, height: 560 },
  ]) {
    await page.setViewportSize(size);
    await preview.open();
    await expect(preview.zoom).toHaveValue('page');
    const area = await preview.dialog.getByTestId('preview-pages').boundingBox();
    const first = await preview.pages.first().boundingBox();
    if (!area || !first) throw new Error('the preview is not laid out');
    expect(first.height).toBeLessThanOrEqual(area.height);
    expect(first.width).toBeLessThanOrEqual(area.width);
    expect(first.y).toBeGreaterThanOrEqual(area.y);
    expect(first.y + first.height).toBeLessThanOrEqual(area.y + area.height);
    await preview.close();
  }
});
