import { expect, test } from './fixtures/host.js';
import { HistoryPanel } from './pages/HistoryPanel.js';
import { HomePage } from './pages/HomePage.js';
import { SheetPage } from './pages/SheetPage.js';

test('micro-scénarios partagés : leur historique se restaure depuis Big Data', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(90_000);
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  const history = new HistoryPanel(page);
  await home.open(fichesHost.url);
  await home.openSheet('big-data');
  await expect(sheet.useFamilyToggle).toBeChecked();
  const title = sheet.scenarioTitle('basse');
  const original = (await title.textContent()) ?? '';

  // A first edit of the family's shared title, then the user leaves the sheet.
  await sheet.typeTitle('basse', ' PREMIER');
  await sheet.waitUntilSaved();
  const earlier = (await title.textContent()) ?? '';
  expect(earlier).toContain('PREMIER');
  await home.goHome();
  await home.openSheet('big-data');
  await expect(title).toHaveText(earlier);
  await sheet.typeTitle('basse', ' SECOND');
  await sheet.waitUntilSaved();

  await history.open();
  await history.showScope('family');
  const left = history.entriesOfKind('leave');
  await expect(left).toHaveCount(1);
  await expect(left).toContainText('Hypothèse basse (titre)');
  await expect(history.entriesOfKind('initial')).toHaveCount(1);
  const leftSeq = await history.seqOf(left);

  // Compared with now: only the title changed; restoring it brings the earlier words back.
  await history.compareWithCurrent(leftSeq);
  await expect(history.comparedPart('scenario/basse/title').locator('ins')).toContainText('SECOND');
  await history.restoreComparedPart('scenario/basse/title');
  await expect(title).toHaveText(earlier);
  await expect(history.entriesOfKind('pre-restore')).toHaveCount(1);
  await expect(history.entries.first()).toHaveAttribute('data-kind', 'restore');

  // The original text is one restore away too, from the state found before the first edit.
  const initialSeq = await history.seqOf(history.entriesOfKind('initial'));
  await history.panel.getByTestId(`history-select-${leftSeq}`).uncheck();
  await history.compareWithCurrent(initialSeq);
  await history.restoreComparedPart('scenario/basse/title');
  await expect(title).toHaveText(original);

  // The sheet's own history is one tab away and never lists the family's note.
  await history.showScope('sheet');
  await expect(history.entries.first()).not.toContainText('Note de la famille');
});

test('micro-scénarios partagés : nommer une version, puis la rouvrir en lecture seule', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(90_000);
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  const history = new HistoryPanel(page);
  await home.open(fichesHost.url);
  await home.openSheet('big-data');
  await expect(sheet.useFamilyToggle).toBeChecked();
  const title = sheet.scenarioTitle('basse');
  await sheet.typeTitle('basse', ' AU COMITÉ');
  await sheet.waitUntilSaved();
  const named = (await title.textContent()) ?? '';

  // Named from the family's own tab: the dialog says whose version it records.
  await history.open();
  await history.showScope('family');
  const dialog = await history.openSaveVersionFromPanel();
  await expect(dialog.getByTestId('save-version-family')).toContainText('Évolutions technologiques');
  await history.fillVersionDialog('Présentée au comité', 'Micro-scénarios relus par le comité.');
  const version = history.entriesOfKind('named');
  await expect(version).toHaveCount(1);
  await expect(version).toContainText('Micro-scénarios relus par le comité.');
  const seq = await history.seqOf(version);
  // The sheet's own history has no such version.
  await history.showScope('sheet');
  await expect(history.entriesOfKind('named')).toHaveCount(0);

  // Later words, then the named version opened: the title as it was, nothing editable.
  await title.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' ET APRÈS');
  await sheet.waitUntilSaved();
  await history.showScope('family');
  await history.openRevision(seq);
  await expect(history.revisionView).toHaveAttribute('data-owner', 'family');
  await expect(history.revisionView).toContainText('Présentée au comité');
  await expect(history.revisionView.getByTestId('shared-banner-family-revision')).toBeVisible();
  const then = history.revisionView.getByTestId('scenario-basse-title').locator('[contenteditable]');
  await expect(then).toHaveText(named);
  await expect(then).toHaveAttribute('contenteditable', 'false');
  await expect(history.revisionView.locator('[contenteditable="true"]')).toHaveCount(0);
  await expect(history.revisionView.getByTestId('use-family-toggle')).toHaveCount(0);

  // Its title comes back from there, and the later words stay one restore away.
  await history.revisionView.getByTestId('restore-part-scenario/basse/title').click();
  await page.getByTestId('confirm-ok').click();
  await expect(history.screen).toHaveCount(0);
  await expect(title).toHaveText(named);
  await expect(history.entriesOfKind('pre-restore')).toHaveCount(1);
});
