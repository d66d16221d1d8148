import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures/host.js';
import { HomePage } from './pages/HomePage.js';
import { ImportDialog } from './pages/ImportDialog.js';
import { SheetPage } from './pages/SheetPage.js';

/** Importing the agency's Word sheets from the home view: choose, review, import; and a file that is not one. */

async function wordSheet(title: string): Promise<Buffer> {
  const heading = (text: string) =>
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
  const text = (value: string) => new Paragraph({ children: [new TextRun(value)] });
  return Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
            heading('Trajectoire de la variable'),
            text('La monnaie unique et ses effets sur l’industrie.'),
            heading("Quelle a été l'évolution passée de la variable"),
            text('Un euro fort depuis 2002.'),
            heading('Annexe'),
            text('Des chiffres en plus.'),
          ],
        },
      ],
    }),
  );
}

test('importer une fiche Word : choisir, vérifier où va chaque partie, importer', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(60_000);
  const home = new HomePage(page);
  const dialog = new ImportDialog(page);
  const sheet = new SheetPage(page);
  await home.open(fichesHost.url);
  await expect(home.createButton('monnaie')).toBeVisible();

  await dialog.open();
  await dialog.choose([{ name: 'Monnaie.docx', buffer: await wordSheet('Monnaie') }]);
  await expect(dialog.review).toBeVisible();
  await expect(page.getByTestId('import-found-title')).toHaveText('Monnaie');
  await expect(page.getByTestId('import-variable')).toHaveValue('monnaie');
  await expect(dialog.part('part-1')).toContainText('Trajectoire de la variable');
  await expect(dialog.target('part-1')).toHaveValue('section:trajectoire');
  await expect(dialog.target('part-2')).toHaveValue('section:passe');
  await expect(dialog.target('part-3')).toHaveValue('unplaced');
  // The user decides where the unplaced « Annexe » goes.
  await dialog.chooseUnplacedSection('futurs');
  await dialog.run();
  await expect(dialog.result).toContainText('Nouvelle fiche «\u00a0Monnaie\u00a0»');
  await expect(dialog.result).toContainText(
    'Titre «\u00a0Annexe\u00a0» → Inflexions et ruptures (contenu non placé)',
  );

  await page.getByTestId('import-open-sheet').click();
  await expect(sheet.view).toBeVisible();
  await expect(sheet.section('passe')).toContainText('Un euro fort depuis 2002.');
  await expect(sheet.section('futurs')).toContainText('Des chiffres en plus.');
  await home.goHome();
  await expect(home.status('monnaie')).toHaveText('Brouillon');
});

test('une fiche existante : l’import demande confirmation avant d’en faire une nouvelle version', async ({
  page,
  fichesHost,
}) => {
  const home = new HomePage(page);
  const dialog = new ImportDialog(page);
  await home.open(fichesHost.url);
  await dialog.dropOnHome([{ name: 'big-data.docx', buffer: await wordSheet('Big Data') }]);
  await expect(dialog.review).toBeVisible();
  await expect(dialog.runButton).toBeDisabled();
  await page.getByTestId('import-replace').check();
  await dialog.run();
  await expect(dialog.result).toContainText('Nouvelle version de la fiche «\u00a0Big Data\u00a0»');
});

test('un fichier qui n’est pas un document Word : un message clair, et rien d’écrit', async ({
  page,
  fichesHost,
}) => {
  const home = new HomePage(page);
  const dialog = new ImportDialog(page);
  await home.open(fichesHost.url);
  const before = (await readdir(join(fichesHost.repo, 'sheets'))).sort();
  await dialog.open();
  await dialog.choose([{ name: 'notes.docx', buffer: Buffer.from('Ceci n’est pas un document Word.') }]);
  await expect(dialog.fileError(0)).toContainText('n’est pas un document Word (.docx)');
  await expect(dialog.runButton).toHaveCount(0);
  await dialog.close();
  expect((await readdir(join(fichesHost.repo, 'sheets'))).sort()).toEqual(before);
});

test('importer un dossier : chaque fiche vérifiée puis importée, ou passée', async ({ page, fichesHost }) => {
  test.setTimeout(60_000);
  const home = new HomePage(page);
  const dialog = new ImportDialog(page);
  const folder = join(fichesHost.repo, '..', 'fiches-word');
  await mkdir(folder);
  await writeFile(join(folder, 'export.docx'), await wordSheet('Export'));
  await writeFile(join(folder, 'monnaie.docx'), await wordSheet('Monnaie'));
  await writeFile(join(folder, 'notes.txt'), 'pas une fiche');
  await home.open(fichesHost.url);
  await dialog.open();
  await dialog.chooseFolder(folder);
  await expect(page.getByTestId('import-files').locator('li')).toHaveCount(2);
  await expect(page.getByTestId('import-variable')).toHaveValue('export');
  await page.getByTestId('import-skip').click();
  await expect(page.getByTestId('import-variable')).toHaveValue('monnaie');
  await dialog.run();
  await expect(dialog.result).toContainText('Nouvelle fiche «\u00a0Monnaie\u00a0»');
  await dialog.close();
  await expect(home.status('monnaie')).toHaveText('Brouillon');
  await expect(home.createButton('export')).toBeVisible();
});
