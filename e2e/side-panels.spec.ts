import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/host.js';
import { HistoryPanel } from './pages/HistoryPanel.js';
import { HomePage } from './pages/HomePage.js';
import { ReviewPanel } from './pages/ReviewPanel.js';
import { SheetPage } from './pages/SheetPage.js';

/**
 * « Relecture » and « Historique » open on the right of the sheet. On a screen wide enough
 * for both, the open panel hides none of the sheet's toolbar: its buttons, « Historique »
 * and « Relecture » included, stay within reach without closing the panel first.
 */

/** Big Data on a screen of this size, « Relecture » open. */
async function openWithReview(page: Page, url: string, size: { width: number; height: number }) {
  await page.setViewportSize(size);
  const home = new HomePage(page);
  await home.open(url);
  await home.openSheet('big-data');
  await new ReviewPanel(page).open();
}

test('le panneau ouvert laisse toute la barre d’outils à portée : Historique s’ouvre depuis Relecture, et l’inverse', async ({
  page,
  fichesHost,
}) => {
  await openWithReview(page, fichesHost.url, { width: 1400, height: 900 });
  const sheet = new SheetPage(page);
  const history = new HistoryPanel(page);
  // A trial click fails when another element would receive it: the button is not covered.
  for (const id of ['history-toggle', 'review-toggle', 'save-version']) {
    await page.getByTestId(id).click({ trial: true, timeout: 5_000 });
  }
  await expect(sheet.saveState).toBeInViewport();
  await history.open();
  await expect(history.panel).toBeVisible();
  await page.getByTestId('review-toggle').click({ trial: true, timeout: 5_000 });
});

test('panneau ouvert sur un écran de 1 280 px : « Toutes les fiches » tient sur une ligne et les actions de la fiche restent cliquables', async ({
  page,
  fichesHost,
}) => {
  await openWithReview(page, fichesHost.url, { width: 1280, height: 800 });
  // Squeezed beside the actions, the link once took three lines (« ← / Toutes les / fiches »).
  const back = page.getByTestId('back-home');
  const fontSize = await back.evaluate((link) => parseFloat(getComputedStyle(link).fontSize));
  expect((await back.boundingBox())?.height ?? 0).toBeLessThan(fontSize * 2);
  for (const id of ['export-open', 'preview-open', 'delete-sheet']) {
    await page.getByTestId(id).click({ trial: true, timeout: 5_000 });
  }
});

test('Historique ouvert sur un écran de 1 400 px : la barre d’outils tient sur deux lignes, annuler et rétablir avec l’état de l’enregistrement', async ({
  page,
  fichesHost,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  const home = new HomePage(page);
  await home.open(fichesHost.url);
  await home.openSheet('big-data');
  await new HistoryPanel(page).open();
  const sheet = new SheetPage(page);
  // Undo and redo once took a line of their own, between the formatting and the save state.
  const undo = await sheet.toolbarButton('undo').boundingBox();
  const saved = await sheet.saveState.boundingBox();
  const bold = await sheet.toolbarButton('bold').boundingBox();
  if (!undo || !saved || !bold) throw new Error('la barre d’outils n’est pas affichée');
  expect(Math.abs(undo.y + undo.height / 2 - (saved.y + saved.height / 2))).toBeLessThan(undo.height / 2);
  expect(undo.y).toBeGreaterThan(bold.y + bold.height);
});
