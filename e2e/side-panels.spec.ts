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

test('le panneau ouvert laisse toute la barre d’outils à portée : Historique s’ouvre depuis Relecture, et l’inverse', async ({
  page,
  fichesHost,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  const review = new ReviewPanel(page);
  const history = new HistoryPanel(page);
  await home.open(fichesHost.url);
  await home.openSheet('big-data');

  await review.open();
  // A trial click fails when another element would receive it: the button is not covered.
  for (const id of ['history-toggle', 'review-toggle', 'save-version']) {
    await page.getByTestId(id).click({ trial: true, timeout: 5_000 });
  }
  await expect(sheet.saveState).toBeInViewport();
  await history.open();
  await expect(history.panel).toBeVisible();
  await page.getByTestId('review-toggle').click({ trial: true, timeout: 5_000 });
});
