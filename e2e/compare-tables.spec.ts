import { expect, test } from './fixtures/host.js';
import { BlocksPage } from './pages/BlocksPage.js';
import { HistoryPanel } from './pages/HistoryPanel.js';
import { HomePage } from './pages/HomePage.js';
import { SheetPage } from './pages/SheetPage.js';

test('la comparaison nomme le tableau « Tableau 1 » et montre les cellules changées ligne par ligne', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(90_000);
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  const blocks = new BlocksPage(page);
  const history = new HistoryPanel(page);
  await home.open(fichesHost.url);
  await home.createSheet('cobotique');
  const [first = ''] = await sheet.sectionIds();
  const section = sheet.section(first);
  await sheet.typeInto(section, 'Les chiffres clés :');
  await sheet.toolbarButton('table').click();
  await page.keyboard.type('Robots collaboratifs installés');
  await page.keyboard.press('Enter');
  for (const cell of ['Année', 'France', 'Région', '2018', '1 200', '150', '2020', '2 100', '240']) {
    await page.keyboard.type(cell);
    await page.keyboard.press('Tab');
  }
  await expect
    .poll(() => blocks.captions(section, 'table'))
    .toEqual(['Tableau 1 : Robots collaboratifs installés']);
  await sheet.waitUntilSaved();
  await history.saveVersion('Avant correction');

  // One figure changes in the last row.
  const table = blocks.tables(section).first();
  await table.locator('td').filter({ hasText: '240' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('5');
  await expect(table.locator('tr').nth(2).locator('td')).toHaveText(['2020', '2 100', '245']);
  await sheet.waitUntilSaved();

  await history.open();
  await history.compareWithCurrent(await history.seqOf(history.entriesOfKind('named')));
  const changed = history.comparedPart(`section/${first}`);
  await expect(changed.locator('.diff-label')).toHaveText(['Tableau 1']);
  await expect(history.compareView.getByTestId('compare-highlights')).toContainText('Tableau 1 modifié');
  const row = changed.getByTestId('diff-row-changed-3');
  await expect(row).toContainText('Ligne 3');
  await expect(row).toContainText('Région : 240245');
  await expect(row.locator('del')).toHaveText('240');
  await expect(row.locator('ins')).toHaveText('245');
  await expect(changed.locator('[data-testid^="diff-row-"]')).toHaveCount(1);
});
