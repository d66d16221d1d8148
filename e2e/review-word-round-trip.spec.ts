import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures/host.js';
import { CLAIRE, exportedToWord } from './fixtures/word-review.js';
import { openForReview } from './pages/open-for-review.js';

/**
 * What comes back from a reviewer in Word beyond comments on a section's words: a copy
 * exported « avec les commentaires » brings its threads back as themselves, with the
 * reviewer's answers; and a scenario title takes the reviewer's comments and changes.
 */

test('une copie exportée avec ses commentaires revient : ses fils restent les mêmes, les réponses s’y ajoutent', async ({
  page,
  fichesHost,
}, testInfo) => {
  test.setTimeout(90_000);
  const { sheet, review } = await openForReview(page, fichesHost.url);
  await review.open();
  await review.comment(sheet.editable(sheet.section('passe')), 'une histoire récente', 'Depuis quand ?');
  await sheet.waitUntilSaved();

  const file = testInfo.outputPath('relecture.docx');
  await writeFile(
    file,
    (await exportedToWord(fichesHost, 'big-data', true))
      .splitRuns()
      .reply('Depuis quand', {
        author: 'Marc Leroy',
        date: '2025-04-03T08:30:00Z',
        text: 'Fin des années 1990.',
      })
      .comment('cabinet IDC', { ...CLAIRE, text: 'Lien vers l’étude ?' })
      .renumberComments()
      .save(),
  );
  await review.importWord(file);
  const dialog = review.importDialog;
  const listed = dialog.getByTestId('review-import-comments').locator('li');
  await expect(listed).toHaveCount(2);
  await expect(listed.filter({ hasText: 'Depuis quand ?' })).toContainText('déjà dans la fiche');
  await expect(listed.filter({ hasText: 'Depuis quand ?' })).toContainText('1\u00a0nouvelle réponse');
  await expect(listed.filter({ hasText: 'Lien vers l’étude ?' })).not.toContainText('déjà dans la fiche');
  await review.applyImport();

  await review.open();
  await expect(review.threads).toHaveCount(2);
  const thread = review.thread('une histoire récente');
  await expect(thread.getByTestId('reply-text')).toHaveText(['Fin des années 1990.']);
  await expect(sheet.section('passe').locator('.comment-mark')).toHaveText([
    'une histoire récente',
    'cabinet IDC',
  ]);
});

test('un titre de micro-scénario relu dans Word : le commentaire sur ses mots, l’ajout proposé à accepter', async ({
  page,
  fichesHost,
}, testInfo) => {
  test.setTimeout(90_000);
  const file = testInfo.outputPath('relecture.docx');
  await writeFile(
    file,
    (await exportedToWord(fichesHost, 'big-data'))
      .splitRuns()
      .comment('CHAÎNE DE VALEUR', { ...CLAIRE, text: 'Trop technique ?' })
      .insertAfter('LA DIFFICILE MISE EN RÉSEAU', ' LENTE', CLAIRE.author, CLAIRE.date)
      .save(),
  );
  const { sheet, review } = await openForReview(page, fichesHost.url);
  await review.importWord(file);
  const dialog = review.importDialog;
  await expect(dialog.getByTestId('review-import-comments')).toContainText(
    '(titre) (micro-scénarios partagés)',
  );
  await expect(dialog.getByTestId('review-import-changes')).toContainText('LENTE');
  // Quoted without the space Word tracks before the word (once «  LENTE »).
  await expect(dialog.getByTestId('review-import-changes').locator('q')).toHaveJSProperty(
    'textContent',
    'LENTE',
  );
  await review.applyImport();

  await review.open();
  await review.showScope('family');
  await expect(review.thread('CHAÎNE DE VALEUR')).toContainText('Trop technique ?');
  await expect(page.getByTestId('scenario-haute-title').locator('.comment-mark')).toHaveText(
    'CHAÎNE DE VALEUR',
  );
  const suggestions = review
    .suggestionsOf('scenario/tendancielle/title')
    .locator('li[data-testid^="suggestion-"]');
  await expect(suggestions).toHaveCount(1);
  await suggestions.getByTestId('suggestion-accept').click();
  await expect(suggestions).toHaveCount(0);
  await expect(sheet.scenarioTitle('tendancielle')).toHaveText(
    'LA DIFFICILE MISE EN RÉSEAU LENTE DU TISSU INDUSTRIEL',
  );
  await sheet.waitUntilSaved();
  const family = JSON.parse(
    await readFile(path.join(fichesHost.repo, 'families', 'evolutions-technologiques.json'), 'utf8'),
  ) as { scenarios: Record<string, { title: string }> };
  expect(family.scenarios['tendancielle']?.title).toBe(
    'LA DIFFICILE MISE EN RÉSEAU LENTE DU TISSU INDUSTRIEL',
  );
});
