import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures/host.js';
import { HomePage } from './pages/HomePage.js';
import { SheetPage } from './pages/SheetPage.js';

const FAMILY_TITLES = [
  '1. Contexte économique global',
  '2. Évolutions économiques de l’industrie',
  '3. Évolutions règlementaires',
  '4. Attractivité régionale',
  '5. Évolutions technologiques',
  '6. Évolutions sociétales',
];

test('l’accueil présente le dépôt d’exemple : 6 familles, 29 variables, Big Data en relecture', async ({
  page,
  fichesHost,
}) => {
  const home = new HomePage(page);
  await home.open(fichesHost.url);

  await expect(page.getByTestId('repository-name')).not.toBeEmpty();
  await expect(page.getByTestId('exercise')).toContainText('2040');
  await expect(home.families).toHaveCount(6);
  await expect(home.families.locator('h2')).toHaveText(FAMILY_TITLES);
  await expect(home.variables).toHaveCount(29);
  await expect(
    home.family('evolutions-technologiques').locator('li[data-testid^="variable-"]').first(),
  ).toContainText('Big Data');
  await expect(home.status('big-data')).toHaveText('En relecture');
  await expect(home.completeness('big-data')).toContainText('%');
  await expect(home.createButton('cobotique')).toHaveText('Créer la fiche');
  // The browser host cannot show a folder dialog: it says how to open another repository.
  await expect(page.getByTestId('repository-hint')).toContainText('fiches serve --repo');
  // The token left the address bar; a reload still works from the session.
  expect(page.url()).not.toContain('token=');
  await page.reload();
  await expect(home.variables).toHaveCount(29);
});

test('ajouter une variable : un nom trop long est refusé en français, un bon nom est ajouté', async ({
  page,
  fichesHost,
}) => {
  const home = new HomePage(page);
  await home.open(fichesHost.url);
  const family = home.family('evolutions-technologiques');

  await home.addVariable('evolutions-technologiques', 'x'.repeat(10_000));
  await expect(home.addVariableError('evolutions-technologiques')).toHaveText(
    /^Le nom dépasse 200\scaractères\s:\sraccourcissez-le\.$/,
  );
  await page.reload();
  await expect(home.variables).toHaveCount(29);
  const repository = await readFile(path.join(fichesHost.repo, 'repository.json'), 'utf8');
  expect(repository).not.toContain('x'.repeat(201));

  await home.addVariable('evolutions-technologiques', 'Jumeau numérique : usages', { typed: true });
  await expect(family.locator('li[data-testid^="variable-"]')).toHaveCount(8);
  // Typed in the form, the colon got its no-break space.
  await expect(family.locator('li[data-testid^="variable-"]').last()).toContainText(
    /Jumeau numérique\u00a0: usages/,
  );
  await page.reload();
  await expect(home.variables).toHaveCount(30);
});

test('une fiche endommagée est signalée avec sa raison, et le reste du dépôt fonctionne', async ({
  page,
  fichesHost,
}) => {
  const home = new HomePage(page);
  await home.open(fichesHost.url);
  await writeFile(
    path.join(fichesHost.repo, 'sheets', 'cobotique.json'),
    '{"schemaVersion": 1, "id": "cobot',
  );
  await page.reload();

  const damaged = home.damaged('cobotique');
  await expect(damaged).toContainText('Fiche endommagée');
  await expect(page.getByTestId('damaged-reason-cobotique')).not.toBeEmpty();
  await expect(damaged).toContainText('damaged/');
  await expect(home.variables).toHaveCount(29);
  await expect(home.status('big-data')).toHaveText('En relecture');

  await home.openSheet('big-data');
  await expect(new SheetPage(page).section('trajectoire')).toContainText('Big Data');

  await home.goHome();
  await home.createSheet('cobotique');
  await expect(new SheetPage(page).title).toHaveText('Cobotique');
});

test('supprimer une fiche la met à la corbeille, d’où on la restaure', async ({ page, fichesHost }) => {
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  await home.open(fichesHost.url);
  await home.openSheet('big-data');

  await page.getByTestId('delete-sheet').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('corbeille');
  await page.getByTestId('confirm-cancel').click();
  await expect(sheet.view).toBeVisible();

  await sheet.deleteSheet();
  await expect(home.createButton('big-data')).toBeVisible();
  await expect(home.trashEntry('big-data')).toBeVisible();

  await home.restore('big-data');
  await expect(home.status('big-data')).toHaveText('En relecture');
  await expect(home.trashEntry('big-data')).toHaveCount(0);
});
