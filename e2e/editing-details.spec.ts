import type { Page } from '@playwright/test';
import { pressFast, typed } from './fixtures/fast-keys.js';
import { expect, test } from './fixtures/host.js';
import { HomePage } from './pages/HomePage.js';
import { SheetPage } from './pages/SheetPage.js';

/**
 * Small things a user notices: the encadré's Enter, the toolbar that must not jump, the
 * link dialog with a fast typist. The link tests type without waiting between keys, as
 * someone who knows the shortcuts does; they were run under CPU load (two busy loops).
 */

async function openCobotique(page: Page, url: string) {
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  await home.open(url);
  await home.createSheet('cobotique');
  const [first = ''] = await sheet.sectionIds();
  return { sheet, section: sheet.section(first) };
}

/** A paragraph, then an encadré « Le Health Data Hub » holding « Une plateforme publique. », typed. */
async function typeEncadre(page: Page, url: string) {
  const { sheet, section } = await openCobotique(page, url);
  await sheet.typeInto(section, 'Avant l’encadré.');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ControlOrMeta+Alt+e');
  await page.keyboard.type('Le Health Data Hub');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Une plateforme publique.');
  return section.locator('.encadre');
}

test('Entrée sur le titre d’un encadré mène à son texte, sans paragraphe vide laissé derrière', async ({
  page,
  fichesHost,
}) => {
  const encadre = await typeEncadre(page, fichesHost.url);
  await expect(encadre.locator('.encadre-title')).toHaveText('Le Health Data Hub');
  await expect(encadre.locator('> p:not(.encadre-title)')).toHaveText(['Une plateforme publique.']);

  // Enter again starts a new paragraph of the encadré, as anywhere else.
  await page.keyboard.press('Enter');
  await page.keyboard.type('Créée en 2019.');
  await expect(encadre.locator('> p:not(.encadre-title)')).toHaveText([
    'Une plateforme publique.',
    'Créée en 2019.',
  ]);
  // The title keeps its own text when Enter is pressed with the caret inside it.
  await encadre.locator('.encadre-title').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Première ligne');
  await expect(encadre.locator('.encadre-title')).toHaveText('Le Health Data Hub');
  await expect(encadre.locator('> p:not(.encadre-title)')).toHaveText([
    'Première ligne',
    'Une plateforme publique.',
    'Créée en 2019.',
  ]);
});

test('des touches pressées aussitôt après un clic agissent là où le clic a mis le curseur', async ({
  page,
  fichesHost,
}) => {
  const encadre = await typeEncadre(page, fichesHost.url);
  await expect(encadre.locator('> p:not(.encadre-title)')).toHaveText(['Une plateforme publique.']);

  // A click on the title, to the right of its words, then End, Enter and a word, all at
  // once: the keys reach the page before the browser tells the editor where the click put
  // the caret (its selectionchange comes later). Enter must act in the title, not where the
  // caret was before the click (once, the new paragraph went to the end of the encadré).
  const title = encadre.locator('.encadre-title');
  const box = await title.boundingBox();
  if (!box) throw new Error('the encadré’s title is on screen');
  await pressFast(page, [{ key: 'End' }, { key: 'Enter' }, ...typed('Premier')], {
    x: box.x + box.width - 8,
    y: box.y + box.height / 2,
  });
  await expect(title).toHaveText('Le Health Data Hub');
  await expect(encadre.locator('> p:not(.encadre-title)')).toHaveText([
    'Premier',
    'Une plateforme publique.',
  ]);
});

test('la barre d’outils garde sa hauteur quel que soit l’état de l’enregistrement', async ({
  page,
  fichesHost,
}) => {
  const { sheet, section } = await openCobotique(page, fichesHost.url);
  const toolbar = page.getByTestId('toolbar');
  const heights = new Map<string, number>();
  const measure = async (state: string) => {
    heights.set(state, (await toolbar.boundingBox())?.height ?? 0);
  };
  await sheet.waitUntilSaved();
  await measure('saved');
  await page.route('**/api/sheets:update', (route) => route.abort('connectionrefused'));
  await sheet.typeInto(section, 'Un mot');
  await expect(sheet.saveState).toHaveText('Modifications non enregistrées');
  await measure('dirty');
  await expect(sheet.saveState).toHaveText('Échec de l’enregistrement', { timeout: 15_000 });
  await expect(page.getByTestId('save-problem')).toBeVisible();
  await measure('error');
  await page.setViewportSize({ width: 1000, height: 720 });
  const narrowError = (await toolbar.boundingBox())?.height ?? 0;
  await page.unroute('**/api/sheets:update');
  await page.getByTestId('save-retry').click();
  await sheet.waitUntilSaved();
  expect((await toolbar.boundingBox())?.height).toBe(narrowError);
  await page.setViewportSize({ width: 1280, height: 720 });
  expect(new Set(heights.values()).size, JSON.stringify([...heights])).toBe(1);
});

test('les touches tapées juste après « Appliquer » vont dans le texte', async ({ page, fichesHost }) => {
  const { sheet, section } = await openCobotique(page, fichesHost.url);
  await sheet.typeInto(section, 'Le lien');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('ControlOrMeta+k');
  await expect(page.getByTestId('link-href')).toBeFocused();
  // The address, Enter, and the next words without a pause.
  await pressFast(page, [...typed('https://exemple.fr/cobots'), { key: 'Enter' }, ...typed(' et la suite')]);
  await expect(section.locator('a[href="https://exemple.fr/cobots"]')).toHaveText('Le lien');
  await expect(section.locator('p', { hasText: 'Le lien' })).toHaveText('Le lien et la suite');

  // The same with a click on « Appliquer ».
  await page.keyboard.type(' puis');
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('ControlOrMeta+k');
  await page.getByTestId('link-href').fill('https://exemple.fr/puis');
  await page.getByTestId('link-apply').click();
  await pressFast(page, typed(' fin'));
  await expect(section.locator('a[href="https://exemple.fr/puis"]')).toHaveText('puis');
  await expect(section.locator('p', { hasText: 'Le lien' })).toHaveText('Le lien et la suite puis fin');
});

test('Ctrl+K aussitôt après une sélection lie toute la sélection', async ({ page, fichesHost }) => {
  const { sheet, section } = await openCobotique(page, fichesHost.url);
  await sheet.typeInto(section, 'un deux trois quatre');
  // Select the last three words with the keyboard and link them straight away.
  const wordLeft = { key: 'ArrowLeft', ctrl: true, shift: true };
  await pressFast(page, [wordLeft, wordLeft, wordLeft, { key: 'k', ctrl: true }]);
  await expect(page.getByTestId('link-href')).toBeFocused();
  await page.keyboard.type('https://exemple.fr/mots');
  await page.keyboard.press('Enter');
  await expect(section.locator('a[href="https://exemple.fr/mots"]')).toHaveText('deux trois quatre');
  await expect(section.locator('p', { hasText: 'un' })).toHaveText('un deux trois quatre');
});

test('les touches tapées aussitôt après la création d’une liste vont dans la liste', async ({
  page,
  fichesHost,
}) => {
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  await home.open(fichesHost.url);
  await home.openSheet('big-data');
  const [first = ''] = await sheet.sectionIds();
  const section = sheet.section(first);
  await sheet.typeInto(section, '');
  // The list is made by « 1. », and the key after it once went into the paragraph that
  // follows a list at a section's end, 1 time in 10: ten lists, each left by Enter twice.
  for (let list = 1; list <= 10; list += 1) {
    await page.keyboard.press('Enter');
    await page.keyboard.type(`1. matériel ${list}`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
  }
  const editor = sheet.editable(section);
  for (let list = 1; list <= 10; list += 1) {
    await expect(editor.locator('ol > li', { hasText: new RegExp(`^matériel ${list}$`) })).toHaveCount(1);
  }
  await expect(editor.locator(':scope > p', { hasText: /matériel/ })).toHaveCount(0);
  // The block holding the caret is laid out however new it is.
  const caretBlock = await page.evaluate(() => {
    const node = getSelection()?.anchorNode;
    const element = node instanceof Element ? node : node?.parentElement;
    const block = element?.closest('.ProseMirror > *');
    return block ? getComputedStyle(block).contentVisibility : 'none';
  });
  expect(caretBlock).toBe('visible');
});
