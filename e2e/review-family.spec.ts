import { readFile, writeFile } from 'node:fs/promises';
import { FAMILY_FILE_SCHEMA_VERSION } from '../shared/model/sheet.js';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/host.js';
import { CLAIRE, exportedToWord } from './fixtures/word-review.js';
import { HistoryPanel } from './pages/HistoryPanel.js';
import { openForReview } from './pages/open-for-review.js';

/**
 * The family's shared micro-scenarios are reviewed as a sheet is, from any sheet showing
 * them: their threads are the family's, listed on their own tab of « Relecture », saved in
 * families/<id>.json and recorded in the family's history.
 */

const NO_HIGHLIGHT = 'rgba(0, 0, 0, 0)';
const FAMILY = 'evolutions-technologiques';

async function openBigData(page: Page, url: string) {
  const opened = await openForReview(page, url);
  await expect(opened.sheet.useFamilyToggle).toBeChecked();
  return opened;
}

async function familyFile(repo: string) {
  return JSON.parse(await readFile(path.join(repo, 'families', `${FAMILY}.json`), 'utf8')) as {
    schemaVersion: number;
    review: { threads: Record<string, { text: string; replies: unknown[]; resolved?: unknown }> };
  };
}

test('micro-scénarios partagés : commenter, répondre, résoudre, rouvrir, modifier, supprimer', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(120_000);
  const { home, sheet, review } = await openBigData(page, fichesHost.url);
  const social = sheet.editable(sheet.scenarioAngle('basse', 'social'));

  // Ctrl+Alt+M in a shared angle: the panel opens on the family's tab.
  const thread = await review.comment(social, 'les salariés peu formés', 'Quelle source ?', 'shortcut');
  await expect(review.scopeTab('family')).toHaveAttribute('aria-selected', 'true');
  await expect(review.part('scenario/basse/angle/social')).toContainText('les salariés peu formés');
  const mark = sheet.scenarioAngle('basse', 'social').locator('.comment-mark');
  await expect(mark).toHaveText('les salariés peu formés');
  await expect(mark).not.toHaveCSS('background-color', NO_HIGHLIGHT);
  // Counted in the toolbar (what the sheet shows) and on the family's tab; not on the sheet's.
  await expect(review.openCount).toHaveText('1');
  await expect(review.scopeTab('family')).toContainText('1');
  await review.showScope('sheet');
  await expect(review.threads).toHaveCount(0);
  await review.showScope('family');

  // A title of the shared micro-scenarios takes comments too, by the toolbar's button.
  await review.comment(sheet.scenarioTitle('haute'), 'CHAÎNE DE VALEUR', 'Trop long ?');
  await expect(review.part('scenario/haute/title')).toContainText('CHAÎNE DE VALEUR');

  await review.reply(thread, 'Le baromètre régional.');
  await review.edit(thread, 'Quelle source, exactement ?');
  await expect(thread.getByTestId('thread-text')).toHaveText('Quelle source, exactement\u202f?');
  await review.resolve(thread);
  await expect(thread).toBeHidden();
  await expect(mark).toHaveCSS('background-color', NO_HIGHLIGHT);
  await review.setShowResolved(true);
  await review.reopen(thread);
  await expect(mark).not.toHaveCSS('background-color', NO_HIGHLIGHT);
  await sheet.waitUntilSaved();

  // Saved in the family's file (in its current format), not in the sheet's.
  const saved = await familyFile(fichesHost.repo);
  expect(saved.schemaVersion).toBe(FAMILY_FILE_SCHEMA_VERSION);
  const threads = Object.values(saved.review.threads);
  const words = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
  expect(threads.map((t) => words(t.text)).sort()).toEqual(['Quelle source, exactement ?', 'Trop long ?']);
  const sheetFile = JSON.parse(await readFile(path.join(fichesHost.repo, 'sheets', 'big-data.json'), 'utf8'));
  expect(sheetFile.review.threads).toEqual({});

  // After a reload: highlighted, listed; the title's thread is deleted by its author.
  await page.reload();
  await review.open();
  await review.showScope('family');
  await expect(review.thread('les salariés peu formés')).toContainText('Le baromètre régional.');
  await review.delete(review.thread('CHAÎNE DE VALEUR'));
  await expect(review.thread('CHAÎNE DE VALEUR')).toHaveCount(0);
  await expect(page.getByTestId('scenario-haute-title').locator('.comment-mark')).toHaveCount(0);
  await sheet.waitUntilSaved();

  // The home view counts it on the family, never on each sheet showing it.
  await home.goHome();
  await expect(page.getByTestId(`family-threads-${FAMILY}`)).toContainText('1\u00a0commentaire ouvert');
  await expect(page.getByTestId('variable-threads-big-data')).toHaveCount(0);
});

test('micro-scénarios partagés : l’ancre suit le texte, « texte supprimé », et l’historique de la famille', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(120_000);
  const history = new HistoryPanel(page);
  const { sheet, review } = await openBigData(page, fichesHost.url);
  const economic = sheet.editable(sheet.scenarioAngle('tendancielle', 'economique'));
  const mark = sheet.scenarioAngle('tendancielle', 'economique').locator('.comment-mark');

  // A named version of the family's content before any comment.
  await history.open();
  await history.showScope('family');
  await history.openSaveVersionFromPanel();
  await history.fillVersionDialog('Avant la relecture');
  const namedSeq = await history.seqOf(history.entriesOfKind('named').first());
  await history.close();

  // Found by its id from now on: its quote changes with the text.
  const first = await review.pinned(await review.comment(economic, 'mal identifié', 'Par qui ?'));
  // Words typed inside the commented text: the highlight follows its words, the quote too.
  await review.select(economic, 'identifié');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('très ');
  await expect(mark).toHaveText('mal très identifié');
  await sheet.waitUntilSaved();
  await expect(first.getByTestId('thread-quote')).toContainText('mal très identifié');
  const second = await review.comment(economic, 'plans de soutien nationaux', 'Lesquels ?');
  await review.resolve(second);
  await expect(second).toBeHidden();

  // The commented words deleted: the thread stays, « texte supprimé », with its quote.
  await review.select(economic, 'mal très identifié');
  await page.keyboard.press('Backspace');
  await sheet.waitUntilSaved();
  await expect(first).toHaveAttribute('data-anchored', 'false');
  await expect(first.getByTestId('thread-orphan')).toHaveText('texte supprimé');
  await expect(first.getByTestId('thread-quote')).toContainText('mal très identifié');

  // Validating the sheet asks first: it shows (and prints) the family's open thread.
  await review.close();
  await sheet.setStatus('Validée');
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog.getByTestId('status-open-threads')).toContainText(
    'Un fil de commentaires est encore ouvert, sur les micro-scénarios partagés de la famille.',
  );
  await dialog.getByTestId('confirm-cancel').click();
  await expect(sheet.status).toHaveValue('review');

  // The family's history records the threads; its comparison lists the new and the resolved.
  await history.open();
  await history.showScope('family');
  await history.compareWithCurrent(namedSeq);
  const compared = history.compareView.getByTestId('compare-review');
  await expect(compared.getByTestId('compare-thread-new')).toHaveCount(2);
  await expect(compared.getByTestId('compare-thread-resolved')).toContainText('plans de soutien nationaux');
});

test('micro-scénarios partagés : une relecture Word revient à la famille, ses modifications s’acceptent ou se refusent', async ({
  page,
  fichesHost,
}, testInfo) => {
  test.setTimeout(90_000);
  const file = testInfo.outputPath('relecture.docx');
  await writeFile(
    file,
    (await exportedToWord(fichesHost, 'big-data'))
      .splitRuns()
      .comment('les salariés peu formés', { ...CLAIRE, text: 'Quelle source ?' })
      .insertAfter('peu préparés', ' et peu accompagnés', CLAIRE.author, CLAIRE.date)
      .delete(' un concurrent et', 'Marc Leroy', '2025-04-03T09:10:00Z')
      .save(),
  );
  const { sheet, review } = await openBigData(page, fichesHost.url);
  await review.importWord(file);
  const dialog = review.importDialog;
  await expect(dialog.getByTestId('review-import-summary')).toContainText('des micro-scénarios partagés');
  await expect(dialog.getByTestId('review-import-comments')).toContainText(
    'Hypothèse basse, social (micro-scénarios partagés)',
  );
  await review.applyImport();

  await review.open();
  await review.showScope('family');
  await expect(review.thread('les salariés peu formés')).toContainText('Claire Dubois');
  const social = sheet.scenarioAngle('basse', 'social');
  await expect(social.locator('.comment-mark')).toHaveText('les salariés peu formés');
  const suggestions = review
    .suggestionsOf('scenario/basse/angle/social')
    .locator('li[data-testid^="suggestion-"]');
  await expect(suggestions).toHaveCount(2);
  await suggestions.filter({ hasText: 'peu accompagnés' }).getByTestId('suggestion-accept').click();
  await suggestions.filter({ hasText: 'un concurrent' }).getByTestId('suggestion-reject').click();
  await expect(suggestions).toHaveCount(0);
  await expect(social).toContainText(
    'peu préparés et peu accompagnés, voient dans la technologie un concurrent et',
  );
  await sheet.waitUntilSaved();

  // Decided in the family's text, saved in the family's file.
  const saved = JSON.stringify(await familyFile(fichesHost.repo));
  expect(saved).toContain('et peu accompagnés');
  expect(saved).not.toContain('"insertion"');
  expect(saved).not.toContain('"deletion"');
});
