import { expect, test } from './fixtures/host.js';
import { BlocksPage } from './pages/BlocksPage.js';
import { HomePage } from './pages/HomePage.js';
import { SheetPage } from './pages/SheetPage.js';

/** Web addresses typed in running French text become links, without the punctuation after them. */

test('une adresse tapée avant une virgule, un point, un point-virgule ou une parenthèse devient un lien sans la ponctuation', async ({
  page,
  fichesHost,
}) => {
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  await home.open(fichesHost.url);
  await home.createSheet('cobotique');
  const [first = ''] = await sheet.sectionIds();
  const section = sheet.section(first);

  await sheet.typeInto(
    section,
    [
      'Voir https://exemple.fr/virgule, puis',
      'le site www.exemple.org. Ensuite',
      'lire https://exemple.fr/point-virgule; enfin',
      '(https://exemple.fr/parenthese) et (voir https://exemple.fr/fin). Encore',
      'https://exemple.fr/a,b.html et exemple.com1 et fin.',
      'Écrire à mailto:prospective@exemple.fr; merci.',
      'Sans ponctuation https://exemple.fr/simple et www.exemple.net ',
    ].join(' '),
  );
  await page.keyboard.type('et https://exemple.fr/entree.');
  await page.keyboard.press('Enter');

  const links = section.locator('a');
  await expect(links).toHaveText([
    'https://exemple.fr/virgule',
    'www.exemple.org',
    'https://exemple.fr/point-virgule',
    'https://exemple.fr/parenthese',
    'https://exemple.fr/fin',
    'https://exemple.fr/a,b.html',
    'mailto:prospective@exemple.fr',
    'https://exemple.fr/simple',
    'www.exemple.net',
    'https://exemple.fr/entree',
  ]);
  expect(await links.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href')))).toEqual([
    'https://exemple.fr/virgule',
    'https://www.exemple.org',
    'https://exemple.fr/point-virgule',
    'https://exemple.fr/parenthese',
    'https://exemple.fr/fin',
    'https://exemple.fr/a,b.html',
    'mailto:prospective@exemple.fr',
    'https://exemple.fr/simple',
    'https://www.exemple.net',
    'https://exemple.fr/entree',
  ]);
  // The punctuation is plain text, and what follows is typed outside the link.
  await expect(section.locator('p').first()).toContainText('https://exemple.fr/virgule, puis le site');

  // The links are saved as typed.
  await sheet.waitUntilSaved();
  await page.reload();
  await expect(links).toHaveCount(10);
});

test('linkifyjs n’avertit pas « already initialized » quand des éditeurs s’ouvrent après la saisie', async ({
  page,
  fichesHost,
}) => {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (/already initialized/i.test(message.text())) warnings.push(message.text());
  });
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  await home.open(fichesHost.url);
  await home.openSheet('big-data');
  await expect(sheet.title).toHaveText('Big Data');
  // Typing a space runs the address scanner, which initialises linkifyjs.
  const [first = ''] = await sheet.sectionIds();
  await sheet.typeInto(sheet.section(first), ' Voir https://exemple.fr/avant ');
  await expect(sheet.section(first).locator('a[href="https://exemple.fr/avant"]')).toHaveCount(1);
  // Then nine editors are created at once: the sheet's own micro-scenarios, then the family's again.
  await sheet.setUseFamily(false);
  await expect(sheet.scenarioAngle('basse', 'economique')).toBeVisible();
  await sheet.setUseFamily(true);
  await expect(sheet.sharedBanner).toBeVisible();
  expect(warnings).toEqual([]);

  // Autolink still works in editors created after linkifyjs was reset by those destroyed.
  await sheet.typeInto(sheet.section(first), ' puis https://exemple.fr/apres, fin');
  await expect(sheet.section(first).locator('a[href="https://exemple.fr/apres"]')).toHaveText(
    'https://exemple.fr/apres',
  );
});

test('une adresse dans un texte collé devient un lien', async ({ page, fichesHost }) => {
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  const blocks = new BlocksPage(page);
  await home.open(fichesHost.url);
  await home.createSheet('cobotique');
  const [first = ''] = await sheet.sectionIds();
  const section = sheet.section(first);
  await sheet.typeInto(section, 'Avant.');
  await page.keyboard.press('Enter');
  await blocks.paste(section, {
    text: 'Voir https://exemple.fr/etude et www.exemple.org puis écrire à prospective@exemple.fr.\n\nSans adresse ici.',
  });
  await expect(section.locator('a')).toHaveText([
    'https://exemple.fr/etude',
    'www.exemple.org',
    'prospective@exemple.fr',
  ]);
  expect(
    await section.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
  ).toEqual(['https://exemple.fr/etude', 'https://www.exemple.org', 'mailto:prospective@exemple.fr']);
});
