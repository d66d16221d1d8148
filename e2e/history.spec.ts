import { expect, test } from './fixtures/host.js';
import { HistoryPanel } from './pages/HistoryPanel.js';
import { HomePage } from './pages/HomePage.js';
import { SheetPage } from './pages/SheetPage.js';

const beforeCommittee = ' Ajout relu avant le comité.';
const afterCommittee = ' Une phrase écrite après le comité, l’œil neuf.';

test('nommer une version, comparer, restaurer une section : rien ne se perd', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(90_000);
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  const history = new HistoryPanel(page);
  await home.open(fichesHost.url);
  await home.openSheet('big-data');

  const passe = sheet.section('passe');
  await sheet.typeInto(passe, beforeCommittee);
  await sheet.waitUntilSaved();
  await history.saveVersion('Version présentée au comité du 12 mars', 'Relue par Anne.');

  await sheet.typeInto(passe, afterCommittee);
  await sheet.waitUntilSaved();

  await history.open();
  const named = history.entriesOfKind('named');
  await expect(named).toHaveCount(1);
  await expect(named).toContainText('Version présentée au comité du 12 mars');
  await expect(named).toContainText('Relue par Anne.');
  await expect(named).toContainText('Évolution passée');
  const namedSeq = await history.seqOf(named);
  // The state found before the first edit was recorded too.
  await expect(history.entriesOfKind('initial')).toHaveCount(1);
  await history.setNamedOnly(true);
  await expect(history.entries).toHaveCount(1);
  await history.setNamedOnly(false);

  // Compared with now: only « Évolution passée » changed, the new sentence inserted.
  await history.compareWithCurrent(namedSeq);
  const changed = history.comparedPart('section/passe');
  await expect(changed.locator('ins')).toContainText(afterCommittee.trim().split(',')[0] ?? '');
  await expect(changed.locator('ins')).toContainText('l’œil neuf');
  await expect(history.compareView.getByTestId('compare-unchanged')).toContainText(
    'Trajectoire de la variable',
  );
  await expect(history.compareView.locator('[data-testid^="compare-part-"]')).toHaveCount(1);

  // Restore that section from the named version: the sentence goes, the earlier edit stays.
  await history.restoreComparedPart('section/passe');
  await expect(passe).toContainText(beforeCommittee.trim());
  await expect(passe).not.toContainText('l’œil neuf');
  const preRestore = history.entriesOfKind('pre-restore');
  await expect(preRestore).toHaveCount(1);
  await expect(history.entries.first()).toHaveAttribute('data-kind', 'restore');
  await expect(history.entries.first()).toContainText(`version n°\u00a0${namedSeq} pour Évolution passée`);

  // The state before the restore is there, read-only, in the sheet's own layout.
  await history.openRevision(await history.seqOf(preRestore));
  const shown = history.revisionView.getByTestId('section-passe');
  await expect(shown).toContainText('l’œil neuf');
  await expect(shown.locator('[contenteditable="false"]').first()).toBeVisible();
  await expect(history.revisionView.getByTestId('sheet-status')).toBeDisabled();
  await history.closeScreen();

  // The restore is saved: a reload shows it.
  await page.reload();
  await expect(sheet.section('passe')).toContainText(beforeCommittee.trim());
  await expect(sheet.section('passe')).not.toContainText('l’œil neuf');
});

test('quitter la fiche enregistre une version de ce qui a changé, et rien sinon', async ({
  page,
  fichesHost,
}) => {
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  const history = new HistoryPanel(page);
  await home.open(fichesHost.url);
  await home.openSheet('big-data');
  await sheet.typeInto(sheet.section('futurs'), ' Une rupture possible.');
  await sheet.waitUntilSaved();
  await home.goHome();
  await home.openSheet('big-data');
  await history.open();
  await expect(history.entries.first()).toHaveAttribute('data-kind', 'leave');
  await expect(history.entries.first()).toContainText('Inflexions et ruptures');
  await expect(history.panel.getByTestId('history-author-name')).not.toBeEmpty();

  // Leaving again without a change adds nothing.
  const count = await history.entries.count();
  await home.goHome();
  await home.openSheet('big-data');
  await history.open();
  await expect(history.entries).toHaveCount(count);
});

test('Historique ouvert, les versions que les enregistrements créent s’y ajoutent aussitôt', async ({
  page,
  fichesHost,
}) => {
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  const history = new HistoryPanel(page);
  await home.open(fichesHost.url);
  await home.openSheet('big-data');
  await history.open();
  await expect(history.entries).toHaveCount(0);

  // The first save records the state found before it; a status change is recorded at once.
  await sheet.typeInto(sheet.section('passe'), beforeCommittee);
  await sheet.waitUntilSaved();
  await expect(history.entriesOfKind('initial')).toHaveCount(1);
  await sheet.setStatus('Validée');
  await sheet.waitUntilSaved();
  await expect(history.entriesOfKind('status')).toHaveCount(1);
});
