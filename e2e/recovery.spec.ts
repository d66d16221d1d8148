import { chromium, type BrowserContext } from '@playwright/test';
import { readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import playwrightConfig from '../playwright.config.js';
import { expect, test, type FichesHost } from './fixtures/host.js';
import { HomePage } from './pages/HomePage.js';
import { RecoveryDialog } from './pages/RecoveryDialog.js';
import { SheetPage } from './pages/SheetPage.js';

/**
 * Edits the host never acknowledged survive the page (reload, closed tab, crashed
 * browser): the browser keeps them and offers them back, with a comparison, never
 * replacing newer content on its own.
 */

async function savedSection(host: FichesHost, section: string): Promise<string> {
  const answer = (await host.call('sheets:get', { id: 'cobotique' })) as {
    value: { sheet: { sections: Record<string, unknown> } };
  };
  return JSON.stringify(answer.value.sheet.sections[section] ?? null);
}

const paragraph = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

test('après un rechargement, les mots jamais confirmés sont proposés, comparés, et repris', async ({
  page,
  fichesHost,
}) => {
  test.setTimeout(90_000);
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  const recovery = new RecoveryDialog(page);
  await home.open(fichesHost.url);
  await home.createSheet('cobotique');
  const [first = ''] = await sheet.sectionIds();
  await sheet.typeInto(sheet.section(first), 'Premier jet.');
  await sheet.waitUntilSaved();

  // The host never acknowledges the next save: the network refuses it.
  await page.route('**/api/sheets:update', (route) => route.abort('connectionrefused'));
  await sheet.typeInto(sheet.section(first), ' Mots jamais confirmés.');
  await expect(sheet.saveState).toHaveText('Échec de l’enregistrement', { timeout: 15_000 });
  await page.reload();

  await expect(recovery.lead).toContainText(
    'Des modifications non enregistrées de cette fiche ont été retrouvées',
  );
  await expect(recovery.newerWarning).toHaveCount(0);
  await expect(recovery.insertedWords).toContainText(['Mots jamais confirmés.']);
  // Nothing was written while the offer waits.
  expect(await savedSection(fichesHost, first)).not.toContain('jamais confirmés');

  await page.unroute('**/api/sheets:update');
  await recovery.take();
  await expect(recovery.dialog).toHaveCount(0);
  await expect(sheet.section(first)).toContainText('Premier jet. Mots jamais confirmés.');
  expect(await savedSection(fichesHost, first)).toContain('Premier jet. Mots jamais confirmés.');
  await page.reload();
  await expect(sheet.title).toHaveText('Cobotique');
  await expect(recovery.dialog).toHaveCount(0);
});

test('serveur arrêté puis onglet fermé : à la réouverture, les mots tapés entre-temps sont repris', async ({
  page,
  context,
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

  await fichesHost.stop();
  await sheet.typeInto(sheet.section(first), ' Tapé serveur arrêté.');
  await expect(sheet.saveState).toHaveText('Échec de l’enregistrement', { timeout: 15_000 });
  await page.close({ runBeforeUnload: true });

  await fichesHost.start();
  const reopened = await context.newPage();
  const recovery = new RecoveryDialog(reopened);
  await new HomePage(reopened).open(fichesHost.url);
  await new HomePage(reopened).openSheet('cobotique');
  await expect(recovery.insertedWords).toContainText(['Tapé serveur arrêté.']);
  await recovery.take();
  await expect(new SheetPage(reopened).section(first)).toContainText('Avant l’arrêt. Tapé serveur arrêté.');
  expect(await savedSection(fichesHost, first)).toContain('Avant l’arrêt. Tapé serveur arrêté.');
});

test('un contenu plus récent sur le serveur n’est jamais écrasé en silence', async ({ page, fichesHost }) => {
  test.setTimeout(90_000);
  const home = new HomePage(page);
  const sheet = new SheetPage(page);
  const recovery = new RecoveryDialog(page);
  await home.open(fichesHost.url);
  await home.createSheet('cobotique');
  const [first = ''] = await sheet.sectionIds();
  await sheet.typeInto(sheet.section(first), 'Base commune.');
  await sheet.waitUntilSaved();

  await page.route('**/api/sheets:update', (route) => route.abort('connectionrefused'));
  await sheet.typeInto(sheet.section(first), ' Version hors ligne.');
  await expect(sheet.saveState).toHaveText('Échec de l’enregistrement', { timeout: 15_000 });
  // Meanwhile the section is rewritten elsewhere (another tab, another machine).
  expect(
    await fichesHost.call('sheets:update', {
      id: 'cobotique',
      patch: { sections: { [first]: paragraph('Version plus récente, écrite ailleurs.') } },
    }),
  ).toMatchObject({ ok: true });
  // Reloaded while saves still fail: a retry of the old page cannot land the edit first.
  await page.reload();

  await expect(recovery.newerWarning).toContainText('La fiche a été modifiée depuis');
  await page.unroute('**/api/sheets:update');
  await expect(recovery.part(`section/${first}`)).toContainText('Modifiée depuis');
  await expect(recovery.insertedWords).toContainText(['Base commune. Version hors ligne.']);
  await expect(sheet.section(first)).toContainText('Version plus récente, écrite ailleurs.');
  expect(await savedSection(fichesHost, first)).toContain('Version plus récente');

  await recovery.giveUp();
  await expect(recovery.dialog).toHaveCount(0);
  await page.reload();
  await expect(sheet.title).toHaveText('Cobotique');
  await expect(recovery.dialog).toHaveCount(0);
  await expect(sheet.section(first)).toContainText('Version plus récente, écrite ailleurs.');
  expect(await savedSection(fichesHost, first)).toContain('Version plus récente');
});

/** The browser's own process (not a renderer or helper), found by the profile folder it runs on. */
async function browserPid(profile: string): Promise<number> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const args = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const argv = args.split('\0');
    if (argv.includes(`--user-data-dir=${profile}`) && !argv.some((arg) => arg.startsWith('--type='))) {
      return Number(entry);
    }
  }
  throw new Error(`no browser runs on ${profile}`);
}

test('après un plantage du navigateur, les mots non confirmés sont proposés à la réouverture', async ({
  fichesHost,
}) => {
  test.skip(process.platform !== 'linux', 'finds the browser process through /proc');
  test.setTimeout(120_000);
  const profile = path.join(os.tmpdir(), `fiches-profil-${process.pid}-${Date.now()}`);
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      ...playwrightConfig.use?.launchOptions,
      locale: 'fr-FR',
    });
  let context: BrowserContext | undefined = await launch();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const home = new HomePage(page);
    const sheet = new SheetPage(page);
    await home.open(fichesHost.url);
    await home.createSheet('cobotique');
    const [first = ''] = await sheet.sectionIds();
    await page.route('**/api/sheets:update', (route) => route.abort('connectionrefused'));
    await sheet.typeInto(sheet.section(first), 'Tapé juste avant le plantage.');
    await expect(sheet.saveState).toHaveText('Échec de l’enregistrement', { timeout: 15_000 });

    // The browser dies at once: no unload, no last request.
    process.kill(await browserPid(profile), 'SIGKILL');
    await context.close().catch(() => {});
    context = await launch();
    const again = context.pages()[0] ?? (await context.newPage());
    const recovery = new RecoveryDialog(again);
    await new HomePage(again).open(fichesHost.url);
    await new HomePage(again).openSheet('cobotique');
    await expect(recovery.insertedWords).toContainText(['Tapé juste avant le plantage.']);
    await recovery.take();
    await expect(new SheetPage(again).section(first)).toContainText('Tapé juste avant le plantage.');
    expect(await savedSection(fichesHost, first)).toContain('Tapé juste avant le plantage.');
  } finally {
    await context?.close().catch(() => {});
    await rm(profile, { recursive: true, force: true });
  }
});
