import { expect, test } from './fixtures/host.js';
import layoutJson from '../templates/layout.json' with { type: 'json' };
import { HomePage } from './pages/HomePage.js';
import { SheetPage } from './pages/SheetPage.js';

/** Text typed in each part of Cobotique, unique per part so a mix-up shows. */
const sectionText = (id: string) => `Texte de la partie ${id}, écrit au clavier.`;
const titleText = (hypothesis: string) => `Cobotique ${hypothesis}`;
const angleText = (hypothesis: string, angle: string) => `Angle ${angle} de l’hypothèse ${hypothesis}.`;

test('Big Data s’ouvre avec ses textes, son statut et sa structure', async ({ page, fichesHost }) => {
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  await home.open(fichesHost.url);
  await home.openSheet('big-data');

  await expect(sheet.title).toHaveText('Big Data');
  await expect(page.getByTestId('sheet-family')).toHaveText('5. Évolutions technologiques');
  await expect(sheet.status).toHaveValue('review');
  await expect(page.getByTestId('standard-opening')).toContainText(
    'Cette fiche s’inscrit dans un système global',
  );
  const sections = await sheet.sectionIds();
  expect(sections.length).toBeGreaterThanOrEqual(5);
  for (const id of sections) await expect(sheet.section(id)).not.toBeEmpty();
  await expect(sheet.section(sections[0] ?? '')).toContainText('Le Big Data');
  await expect(page.locator('.phase-breadcrumb').first()).toContainText('Passé');
  await expect(page.locator('.phase-current').first()).toHaveText('Passé');
  await expect(sheet.outlineItem(sections[0] ?? '')).toHaveAttribute('data-state', 'complete');
  // The technology family shares its micro-scenarios: Big Data shows them, with the banner.
  await expect(sheet.useFamilyToggle).toBeChecked();
  await expect(sheet.sharedBanner).toBeVisible();
  await expect(sheet.scenarioTitle('basse')).not.toHaveText('');

  // The outline jumps to a part.
  await sheet.outlineItem('scenario-haute').click();
  await expect(page.getByTestId('scenario-haute')).toBeInViewport();

  // A reload keeps the place (hash route).
  await page.reload();
  await expect(sheet.title).toHaveText('Big Data');
});

test('Cobotique : tout ce qui est tapé est là après rechargement et redémarrage du serveur', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(120_000);
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  await home.open(fichesHost.url);
  await home.createSheet('cobotique');
  await expect(sheet.title).toHaveText('Cobotique');

  // A new sheet of the technology family starts on the family's shared micro-scenarios;
  // its own are one switch away.
  await expect(sheet.useFamilyToggle).toBeChecked();
  await sheet.setUseFamily(false);
  await expect(sheet.sharedBanner).toHaveCount(0);

  const sections = await sheet.sectionIds();
  const { hypotheses, angles } = await sheet.hypothesesAndAngles();
  expect(hypotheses).toEqual(['basse', 'tendancielle', 'haute']);
  expect(angles).toEqual(['economique', 'environnemental', 'social']);

  for (const id of sections) await sheet.typeInto(sheet.section(id), sectionText(id));
  await sheet.typeInto(sheet.section(sections[0] ?? ''), ' Attention: les "cobots" arrivent?');
  for (const hypothesis of hypotheses) {
    await sheet.typeTitle(hypothesis, titleText(hypothesis));
    for (const angle of angles) {
      await sheet.typeInto(sheet.scenarioAngle(hypothesis, angle), angleText(hypothesis, angle));
    }
  }
  await sheet.typeTitle('basse', ' : vraiment?');

  const expectEverything = async () => {
    for (const id of sections) await expect(sheet.section(id)).toContainText(sectionText(id));
    // French typography as typed: no-break space before the colon, narrow one before ?, guillemets.
    await expect(sheet.section(sections[0] ?? '')).toContainText(
      /Attention\u00a0: les «\u00a0cobots\u00a0» arrivent\u202f\?/,
    );
    for (const hypothesis of hypotheses) {
      await expect(sheet.scenarioTitle(hypothesis)).toHaveText(
        hypothesis === 'basse' ? /^Cobotique basse\u00a0: vraiment\u202f\?$/ : titleText(hypothesis),
      );
      for (const angle of angles) {
        await expect(sheet.scenarioAngle(hypothesis, angle)).toContainText(angleText(hypothesis, angle));
      }
    }
  };

  await expectEverything();
  await sheet.waitUntilSaved();
  await expect(sheet.outlineItem(sections[0] ?? '')).toHaveAttribute('data-state', 'in-progress');

  await page.reload();
  await expect(sheet.title).toHaveText('Cobotique');
  await expect(sheet.useFamilyToggle).not.toBeChecked();
  await expectEverything();

  // The server restarts as a user restarts it: same address, and the open tab goes on.
  const url = fichesHost.url;
  expect(await fichesHost.restart()).toBe(url);
  await home.goHome();
  await expect(home.status('cobotique')).toHaveText('Brouillon');
  await home.openSheet('cobotique');
  await expectEverything();
});

test('les micro-scénarios partagés : écrits depuis Cobotique, lus dans Big Data', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(90_000);
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  await home.open(fichesHost.url);
  await home.createSheet('cobotique');
  await sheet.setUseFamily(false);
  await sheet.typeInto(sheet.scenarioAngle('haute', 'social'), 'Propre à la cobotique.');
  await sheet.waitUntilSaved();

  await sheet.setUseFamily(true);
  await expect(sheet.sharedBanner).toContainText('partagés par toutes les fiches de la famille');
  await expect(sheet.scenarioAngle('haute', 'social')).not.toContainText('Propre à la cobotique.');
  const shared = 'Ajout commun à la famille.';
  await sheet.typeInto(sheet.scenarioAngle('haute', 'social'), ` ${shared}`);
  await sheet.waitUntilSaved();

  await home.goHome();
  await home.openSheet('big-data');
  await expect(sheet.sharedBanner).toBeVisible();
  await expect(sheet.scenarioAngle('haute', 'social')).toContainText(shared);

  // Back in Cobotique, its own micro-scenarios were kept aside, untouched.
  await home.goHome();
  await home.openSheet('cobotique');
  await expect(sheet.useFamilyToggle).toBeChecked();
  await sheet.setUseFamily(false);
  await expect(sheet.scenarioAngle('haute', 'social')).toContainText('Propre à la cobotique.');
  await expect(sheet.scenarioAngle('haute', 'social')).not.toContainText(shared);
  await sheet.waitUntilSaved();
  await page.reload();
  await expect(sheet.useFamilyToggle).not.toBeChecked();
});

test('le statut et les auteurs s’enregistrent aussitôt', async ({ page, fichesHost }) => {
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  await home.open(fichesHost.url);
  await home.openSheet('big-data');

  await sheet.setStatus('Validée');
  const authors = page.getByTestId('sheet-authors');
  await authors.fill('Anne Martin, Bruno Petit');
  await authors.blur();
  await sheet.waitUntilSaved();

  await page.reload();
  await expect(sheet.status).toHaveValue('validated');
  await expect(authors).toHaveValue('Anne Martin, Bruno Petit');
  await home.goHome();
  await expect(home.status('big-data')).toHaveText('Validée');
});

test('la barre d’outils met en forme l’éditeur actif et refuse les liens dangereux', async ({
  page,
  fichesHost,
}) => {
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  await home.open(fichesHost.url);
  await home.createSheet('cobotique');
  const [first = ''] = await sheet.sectionIds();
  const section = sheet.section(first);

  await expect(sheet.toolbarButton('bold')).toHaveAttribute('title', /Gras \((Ctrl\+B|⌘B)\)/);
  await sheet.typeInto(section, 'Début ');
  await page.keyboard.press('ControlOrMeta+b');
  await expect(sheet.toolbarButton('bold')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type('gras');
  await page.keyboard.press('ControlOrMeta+b');
  await expect(section.locator('strong')).toHaveText('gras');

  await page.keyboard.press('Enter');
  await page.keyboard.type('Le lien');
  await page.keyboard.press('Shift+Home');
  await sheet.toolbarButton('link').click();
  await page.getByTestId('link-href').fill('javascript:alert(1)');
  await page.getByTestId('link-apply').click();
  await expect(page.getByTestId('link-error')).toContainText('seuls les liens web');
  await page.getByTestId('link-href').fill('https://exemple.fr/cobots');
  await page.getByTestId('link-apply').click();
  await expect(section.locator('a[href="https://exemple.fr/cobots"]')).toHaveText('Le lien');
  // The dialog gives the caret back to the text, just after the link: typing goes on
  // outside it, and never replaces the linked words.
  await expect(sheet.editable(section)).toBeFocused();
  await page.keyboard.type(' suite');
  await expect(section.locator('a[href="https://exemple.fr/cobots"]')).toHaveText('Le lien');
  await expect(section.locator('p', { hasText: 'Le lien' })).toHaveText('Le lien suite');

  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('5septdirect');
  await sheet.toolbarButton('source-line').click();
  await expect(section.locator('.source-line')).toHaveText('5septdirect');

  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ControlOrMeta+Alt+e');
  await page.keyboard.type('Le Health Data Hub');
  await expect(section.locator('.encadre .encadre-title')).toHaveText('Le Health Data Hub');

  await page.keyboard.press('ControlOrMeta+z');
  await expect(section.locator('.encadre')).toHaveCount(0);
  await sheet.toolbarButton('redo').click();
  await expect(section.locator('.encadre-title')).toHaveText('Le Health Data Hub');

  await sheet.waitUntilSaved();
  await page.reload();
  await expect(section.locator('strong')).toHaveText('gras');
  await expect(section.locator('a[href="https://exemple.fr/cobots"]')).toHaveText('Le lien');
  await expect(section.locator('.source-line')).toHaveText('5septdirect');
  await expect(section.locator('.encadre-title')).toHaveText('Le Health Data Hub');
});

test('un échec d’enregistrement est dit en français, le texte reste, Réessayer l’enregistre', async ({
  page,
  fichesHost,
}) => {
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  await home.open(fichesHost.url);
  await home.createSheet('cobotique');
  const [first = ''] = await sheet.sectionIds();

  // The host becomes unreachable for saves: the network refuses them.
  await page.route('**/api/sheets:update', (route) => route.abort('connectionrefused'));
  await sheet.typeInto(sheet.section(first), 'Texte à ne pas perdre.');
  await expect(sheet.saveState).toHaveText('Échec de l’enregistrement', { timeout: 15_000 });
  const problem = page.getByTestId('save-problem');
  await expect(problem).toContainText('Fiches ne répond pas');
  await expect(problem).toContainText('elles seront enregistrées dès que Fiches répondra');
  await expect(problem).not.toContainText(/fetch|dossier du dépôt/i);
  await expect(sheet.section(first)).toContainText('Texte à ne pas perdre.');

  await page.unroute('**/api/sheets:update');
  await page.getByTestId('save-retry').click();
  await sheet.waitUntilSaved();
  await page.reload();
  await expect(sheet.section(first)).toContainText('Texte à ne pas perdre.');
});

test('quitter la fiche aussitôt après avoir tapé enregistre quand même', async ({ page, fichesHost }) => {
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  await home.open(fichesHost.url);
  await home.createSheet('cobotique');
  const [first = ''] = await sheet.sectionIds();
  await sheet.typeInto(sheet.section(first), 'Tapé puis parti.');
  await home.goHome();
  await expect(home.completeness('cobotique')).toBeVisible();
  await home.openSheet('cobotique');
  await expect(sheet.section(first)).toContainText('Tapé puis parti.');
});

test('la typographie française s’applique en tapant, sauf dans les adresses et entre chiffres', async ({
  page,
  fichesHost,
}) => {
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  await home.open(fichesHost.url);
  await home.createSheet('cobotique');
  const [first = ''] = await sheet.sectionIds();

  await sheet.typeInto(
    sheet.section(first),
    'Voir https://exemple.fr/page?x=1 dès l\'ouverture à 10:30 ; "fin"!',
  );
  await expect(sheet.section(first)).toContainText(
    /^Voir https:\/\/exemple\.fr\/page\?x=1 dès l’ouverture à 10:30\u202f; «\u00a0fin\u00a0»\u202f!$/,
  );
  await expect(sheet.section(first).locator('a[href="https://exemple.fr/page?x=1"]')).toBeVisible();
  await sheet.waitUntilSaved();
  await page.reload();
  await expect(sheet.section(first)).toContainText(/10:30\u202f; «\u00a0fin\u00a0»\u202f!$/);
});

test('une liste numérotée imbriquée se numérote par niveau, comme dans le Word et le PDF', async ({
  page,
  fichesHost,
}) => {
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  await home.open(fichesHost.url);
  await home.openSheet('big-data');
  const [first = ''] = await sheet.sectionIds();
  await sheet.typeInto(sheet.section(first), '');
  await page.keyboard.press('Enter');
  await page.keyboard.type('1. matériel');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('capteurs');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('baies');

  const editor = sheet.editable(sheet.section(first));
  const styles = await editor
    .locator('li', { hasText: 'baies' })
    .last()
    .evaluate((item) => {
      const found: string[] = [];
      for (let list = item.closest('ol'); list; list = list.parentElement?.closest('ol') ?? null) {
        found.unshift(getComputedStyle(list).listStyleType);
      }
      return found;
    });
  // The levels of the layout the exports follow.
  expect(styles).toEqual(layoutJson.lists.numbers);
});
