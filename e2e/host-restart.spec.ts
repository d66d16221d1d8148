import { rm } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures/host.js';
import { HomePage } from './pages/HomePage.js';
import { SheetPage } from './pages/SheetPage.js';

/** The text of a section as the host has it on disk, read through the API as another client. */
async function savedText(call: (name: string, request: unknown) => Promise<unknown>, section: string) {
  const answer = (await call('sheets:get', { id: 'cobotique' })) as {
    ok: boolean;
    value: { sheet: { sections: Record<string, unknown> } };
  };
  expect(answer.ok).toBe(true);
  return JSON.stringify(answer.value.sheet.sections[section] ?? null);
}

test('un onglet resté ouvert pendant que le serveur redémarre enregistre ensuite, sans rechargement', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(90_000);
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  await home.open(fichesHost.url);
  await home.createSheet('cobotique');
  const [first = ''] = await sheet.sectionIds();
  await sheet.typeInto(sheet.section(first), 'Avant l’arrêt.');
  await sheet.waitUntilSaved();
  // A mark on the page: it is gone if the page reloads.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  const address = fichesHost.url;

  await fichesHost.stop();
  await sheet.typeInto(sheet.section(first), ' Pendant l’arrêt.');
  await expect(sheet.saveState).toContainText('Échec de l’enregistrement', { timeout: 15_000 });
  // Said in French, with advice that fits: the host is unreachable, the folder is fine.
  const problem = page.getByTestId('save-problem');
  await expect(problem).toContainText('Fiches ne répond pas');
  await expect(problem).toContainText('gardées');
  await expect(problem).not.toContainText(/fetch|dossier du dépôt/i);

  // The same command again: same address (port and key remembered for this user).
  expect(await fichesHost.start()).toBe(address);
  // Nothing to click: the page tries again by itself and every word lands.
  await sheet.waitUntilSaved();
  expect(await savedText(fichesHost.call, first)).toContain('Avant l’arrêt. Pendant l’arrêt.');
  await sheet.typeInto(sheet.section(first), ' Après.');
  await sheet.waitUntilSaved();
  expect(await savedText(fichesHost.call, first)).toContain('Pendant l’arrêt. Après.');
  expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
});

test('après une nouvelle clé, coller la nouvelle adresse dans l’onglet la prend et enregistre ce qui attendait', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(90_000);
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  await home.open(fichesHost.url);
  await home.createSheet('cobotique');
  const [first = ''] = await sheet.sectionIds();
  await sheet.typeInto(sheet.section(first), 'Premier jet.');
  await sheet.waitUntilSaved();
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  const oldAddress = fichesHost.url;

  // The host comes back with another key (its key file was removed): the page's key no
  // longer opens it, and the page says what to do.
  await fichesHost.stop();
  await rm(path.join(fichesHost.dataDir, 'browser-host.key'));
  const newAddress = await fichesHost.start();
  expect(new URL(newAddress).origin).toBe(new URL(oldAddress).origin);
  expect(newAddress).not.toBe(oldAddress);
  await sheet.typeInto(sheet.section(first), ' Tapé entre-temps.');
  await expect(page.getByTestId('save-problem')).toContainText('adresse complète', { timeout: 15_000 });

  // Pasting the new address in the same tab only changes the fragment: the page takes the
  // key without reloading, goes home as the address says, and the sheet it leaves saves
  // what was typed with the new key.
  await page.goto(newAddress);
  await expect(page.getByTestId('home-view')).toBeVisible();
  await expect
    .poll(() => savedText(fichesHost.call, first), { timeout: 15_000 })
    .toContain('Premier jet. Tapé entre-temps.');
  await home.openSheet('cobotique');
  await expect(sheet.section(first)).toContainText('Premier jet. Tapé entre-temps.');
  await expect(page.getByTestId('recovery-dialog')).toHaveCount(0);
  expect(page.url()).not.toContain('token=');
  expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
});
