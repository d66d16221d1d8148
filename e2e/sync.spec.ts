import { readdir, readFile, rm, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startGitServer, type GitServer } from '../main/services/testing/git-server.js';
import { callApi, startFiches, type ServedFiches } from './fixtures/serve-process.js';
import { HistoryPanel } from './pages/HistoryPanel.js';
import { HomePage } from './pages/HomePage.js';
import { ReviewPanel } from './pages/ReviewPanel.js';
import { SheetPage } from './pages/SheetPage.js';
import { SyncPanel } from './pages/SyncPanel.js';

/**
 * Two colleagues, two browser hosts, two browser contexts, one remote (a real git server).
 * After each test the password (every one the server had) is searched for in every file of
 * both colleagues' folders (repositories and data folders) and every line either host
 * printed, and every repository of the server passes `git fsck`.
 */
/** A colleague: their own host and data, and their own browser context on it. */
interface Colleague {
  served: ServedFiches;
  root: string;
  context: BrowserContext;
  page: Page;
  home: HomePage;
  sync: SyncPanel;
  sheet: SheetPage;
}

/** The passwords the server had during the test: none may be written or printed anywhere. */
const passwords: string[] = [];

const test = base.extend<{ server: GitServer; anne: Colleague; bruno: Colleague }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a test needs from this pattern
  server: async ({}, use) => {
    const server = await startGitServer();
    const setPassword = server.setPassword.bind(server);
    passwords.push(server.password);
    server.setPassword = (next) => {
      passwords.push(next);
      setPassword(next);
    };
    await use(server);
    for (const name of await readdir(server.root)) {
      await server.git(['--git-dir', server.pathOf(name), 'fsck', '--strict', '--no-progress']);
    }
    await server.close();
  },
  anne: async ({ browser }, use) => use(await colleague('Anne', browser)),
  bruno: async ({ browser }, use) => use(await colleague('Bruno', browser)),
});

const started: Colleague[] = [];

async function colleague(name: string, browser: Browser): Promise<Colleague> {
  const root = await mkdtemp(path.join(os.tmpdir(), `fiches-e2e-${name.toLowerCase()}-`));
  const served = await startFiches({
    args: ['serve', '--repo', path.join(root, 'depot'), '--port', '0'],
    env: { FICHES_DATA_DIR: path.join(root, 'donnees') },
  });
  // The name commits and revisions are signed with (set in the history panel by a user).
  await callApi(served, 'preferences:set', { authorName: name });
  const context = await browser.newContext();
  const page = await context.newPage();
  const person = {
    served,
    root,
    context,
    page,
    home: new HomePage(page),
    sync: new SyncPanel(page),
    sheet: new SheetPage(page),
  };
  started.push(person);
  return person;
}

/** Anne shares her repository from the interface, Bruno joins it from the sync bar. */
async function shareAndJoin(server: GitServer, anne: Colleague, bruno: Colleague): Promise<void> {
  const remote = await server.createRepository('equipe.git');
  await anne.home.open(anne.served.url);
  await anne.sync.share(remote, server.user, server.password);
  await bruno.home.open(bruno.served.url);
  await bruno.sync.join(remote, server.user, server.password, path.join(bruno.root, 'equipe'));
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

test.afterEach(async ({ server }) => {
  const people = started.splice(0);
  for (const person of people) {
    await person.context.close();
    await person.served.stop();
  }
  const secrets = passwords
    .splice(0)
    .flatMap((password) => [password, Buffer.from(`${server.user}:${password}`).toString('base64')]);
  for (const person of people) {
    const printed = [...person.served.lines, ...person.served.errors];
    for (const secret of secrets) {
      for (const line of printed) expect(line).not.toContain(secret);
      for (const file of await filesUnder(person.root)) {
        expect((await readFile(file)).includes(secret), file).toBe(false);
      }
    }
    await rm(person.root, { recursive: true, force: true });
  }
});

test('le même paragraphe modifié des deux côtés : le conflit est montré et résolu dans l’interface', async ({
  server,
  anne,
  bruno,
}) => {
  test.setTimeout(180_000);
  const remote = await server.createRepository('equipe.git');
  const { home: anneHome, sync: anneSync, sheet: anneSheet } = anne;
  const { page: brunoPage, home: brunoHome, sync: brunoSync, sheet: brunoSheet } = bruno;

  await anneHome.open(anne.served.url);
  await anneSync.share(remote, server.user, server.password);
  // Bruno starts Fiches for the first time: it offers to join his team's repository first.
  await brunoHome.open(bruno.served.url);
  await expect(brunoSync.firstStart).toContainText('Rejoindre un dépôt partagé…');
  // The server answers slowly, so the copy lasts long enough to watch its progress.
  server.setChunkDelay(150);
  await brunoSync.join(remote, server.user, server.password, path.join(bruno.root, 'equipe'), {
    from: 'welcome',
    whileCopying: async () => {
      await expect(brunoSync.joinProgress).toContainText('Copie du dépôt partagé…');
      await expect(brunoSync.joinProgress).toContainText(/\(objets [a-zé]+\u00a0: \d+\u00a0%\)/);
    },
  });
  server.setChunkDelay(0);
  await expect(brunoPage.getByTestId('repository-hint')).toContainText(path.join(bruno.root, 'equipe'));
  // A joined repository is not a first start.
  await expect(brunoSync.firstStart).toBeHidden();

  // Both write at the end of the same paragraph of « Évolution passée », offline from each other.
  await anneHome.openSheet('big-data');
  await brunoHome.openSheet('big-data');
  await anneSheet.typeInto(anneSheet.section('passe'), ' Ajout d’Anne.');
  // Anne also writes in a section Bruno leaves alone: it reaches his open sheet without a reload.
  await anneSheet.typeInto(anneSheet.section('trajectoire'), ' Trajectoire revue par Anne.');
  await brunoSheet.typeInto(brunoSheet.section('passe'), ' Ajout de Bruno.');
  await anneSheet.waitUntilSaved();
  await brunoSheet.waitUntilSaved();
  await expect(anneSync.state).toHaveText('1 fiche modifiée à envoyer');

  await anneSync.sync();
  await expect(anneSync.state).toHaveText('À jour');
  await brunoSync.sync();
  await expect(brunoSync.state).toHaveText('Conflit à résoudre dans 1 fiche');
  await expect(brunoSheet.section('trajectoire')).toContainText('Trajectoire revue par Anne.');
  // The open sheet shows it, without a reload.
  await expect(brunoSync.conflictBanner).toContainText('Évolution passée');
  await expect(brunoSync.conflictBanner).toContainText('version de Anne');

  // Side by side: Bruno's version and Anne's, nothing lost.
  await brunoSync.openConflict('section/passe');
  await expect(brunoSync.conflictView.getByTestId('conflict-current')).toContainText('Ajout de Bruno.');
  await expect(brunoSync.conflictView.getByTestId('conflict-other')).toContainText('Ajout d’Anne.');
  // Anne, syncing before it is resolved, sees the same conflict.
  await anneSync.sync();
  await expect(anneSync.state).toHaveText('Conflit à résoudre dans 1 fiche');

  // Bruno edits the two together and keeps the result.
  await brunoSync.conflictView.getByTestId('conflict-edit-together').click();
  const together = brunoSync.conflictView.getByTestId('conflict-editor').locator('[contenteditable="true"]');
  await expect(together).toContainText('Ajout d’Anne.');
  await expect(together).toContainText('Ajout de Bruno.');
  await together.click();
  await brunoPage.keyboard.press('Control+End');
  await brunoPage.keyboard.type(' Relu ensemble.');
  await brunoSync.conflictView.getByTestId('conflict-save-together').click();
  await expect(brunoSync.conflictView).toBeHidden();
  await expect(brunoSync.conflictBanner).toBeHidden();
  await expect(brunoSheet.section('passe')).toContainText('Ajout d’Anne.');
  await expect(brunoSheet.section('passe')).toContainText('Ajout de Bruno.');
  await expect(brunoSheet.section('passe')).toContainText('Relu ensemble.');
  await expect(brunoSync.state).not.toHaveText(/Conflit/);

  await brunoSync.sync();
  await anneSync.sync();
  await expect(anneSync.state).toHaveText('À jour');
  await expect(anneSync.conflictBanner).toBeHidden();
  await expect(anneSheet.section('passe')).toContainText('Relu ensemble.');
});

test('une fiche supprimée ici et modifiée par un collègue revient, et c’est dit ; des identifiants refusés sont redemandés', async ({
  server,
  anne,
  bruno,
}) => {
  test.setTimeout(180_000);
  const { page: annePage, home: anneHome, sync: anneSync, sheet: anneSheet } = anne;
  const { home: brunoHome, sync: brunoSync, sheet: brunoSheet } = bruno;
  await shareAndJoin(server, anne, bruno);

  // Anne deletes the sheet; Bruno, offline from her, keeps writing in it and syncs first.
  await anneHome.openSheet('big-data');
  await anneSheet.deleteSheet();
  await brunoHome.openSheet('big-data');
  await brunoSheet.typeInto(brunoSheet.section('passe'), ' Bruno continue.');
  await brunoSheet.waitUntilSaved();
  await brunoSync.sync();
  await expect(brunoSync.state).toHaveText('À jour');

  await anneSync.sync();
  await expect(anneSync.notes).toContainText(
    'La fiche «\u00a0Big Data\u00a0», supprimée ici, a été modifiée par Bruno\u00a0: elle revient',
  );
  await anneSync.notes.getByTestId('sync-notes-close').click();
  await expect(anneSync.notes).toBeHidden();
  await anneHome.openSheet('big-data');
  await expect(anneSheet.section('passe')).toContainText('Bruno continue.');

  // IT renews the password: Anne's next sync is refused, and the credentials are asked again.
  server.setPassword('nouveau-mot-de-passe-57');
  await anneSheet.typeInto(anneSheet.section('passe'), ' Anne relit.');
  await anneSheet.waitUntilSaved();
  await anneSync.page.getByTestId('sync-run').click();
  await expect(anneSync.credentialsDialog.getByTestId('credentials-reason')).toContainText(
    'a refusé ces identifiants',
  );
  await anneSync.giveCredentials(server.user, 'nouveau-mot-de-passe-57');
  await expect(anneSync.state).toHaveText('À jour');

  // Anne gives her e-mail in the history panel: her next commit carries it beside her name.
  const anneHistory = new HistoryPanel(annePage);
  await anneHistory.open();
  await anneHistory.setAuthor('Anne', 'anne@agence.fr');
  await expect(anneHistory.panel.getByTestId('history-author-email')).toHaveText(' (anne@agence.fr)');
  // Closed to go on writing, as a user would (the panel covers the right of the sheet).
  await anneHistory.close();
  await anneSheet.typeInto(anneSheet.section('passe'), ' Signé.');
  await anneSheet.waitUntilSaved();
  await anneSync.sync();
  await expect(anneSync.state).toHaveText('À jour');
  expect(
    await server.git(['--git-dir', server.pathOf('equipe.git'), 'log', '-1', '--format=%an <%ae>']),
  ).toBe('Anne <anne@agence.fr>\n');

  await brunoSync.sync();
  await expect(brunoSync.credentialsDialog).toBeVisible();
  await brunoSync.giveCredentials(server.user, 'nouveau-mot-de-passe-57');
  await expect(brunoSync.state).toHaveText('À jour');
  await expect(brunoSheet.section('passe')).toContainText('Anne relit. Signé.');
});

test('le texte d’un collègue arrive dans la partie en cours d’écriture une fois celle-ci enregistrée, sans rien perdre', async ({
  server,
  anne,
  bruno,
}) => {
  test.setTimeout(180_000);
  const { page: annePage, home: anneHome, sync: anneSync, sheet: anneSheet } = anne;
  const { page: brunoPage, home: brunoHome, sync: brunoSync, sheet: brunoSheet } = bruno;
  await shareAndJoin(server, anne, bruno);
  // Bruno's copy syncs every 10 minutes, not at closing: his settings, kept on his computer.
  await brunoSync.setSettings({ every: 10, onClose: false });
  const settings = async () =>
    ((await callApi(bruno.served, 'sync:status', {})) as { value: { settings: unknown } }).value.settings;
  expect(await settings()).toEqual({ auto: true, intervalMinutes: 10, onClose: false });
  await brunoPage.reload();
  await brunoPage.getByTestId('sync-settings').click();
  await expect(brunoPage.getByTestId('sync-setting-interval')).toHaveValue('10');
  await expect(brunoPage.getByTestId('sync-setting-on-close')).not.toBeChecked();
  await brunoPage.keyboard.press('Escape');
  await expect(brunoPage.getByTestId('sync-settings-dialog')).toBeHidden();

  await anneHome.openSheet('big-data');
  await brunoHome.openSheet('big-data');
  // Bruno is writing at the end of « Évolution passée »; Anne edits its first paragraph and syncs.
  await brunoSheet.typeInto(brunoSheet.section('passe'), ' Bruno écrit encore.');
  await brunoSheet.waitUntilSaved();
  await anneSheet.editable(anneSheet.section('passe')).locator('p').first().click();
  await annePage.keyboard.press('End');
  await annePage.keyboard.type(' Précision d’Anne.');
  await anneSheet.waitUntilSaved();
  await anneSync.sync();
  // Bruno's scheduled sync runs while he still has the focus in that section.
  await callApi(bruno.served, 'sync:run', {});
  await expect(brunoSync.state).toHaveText('À jour');
  const brunoPasse = brunoSheet.editable(brunoSheet.section('passe'));
  await expect(brunoPasse).toBeFocused();
  // What he is typing is not disturbed: Anne's text waits until his part is saved.
  await brunoPage.keyboard.type(' Et termine.');
  await brunoSheet.waitUntilSaved();
  // His save merged with Anne's paragraph on the host; his editor keeps what he sees until he leaves it.
  const hostPasse = async () => {
    const answer = (await callApi(bruno.served, 'sheets:get', { id: 'big-data' })) as {
      value: { sheet: { sections: { passe: unknown } } };
    };
    return JSON.stringify(answer.value.sheet.sections.passe);
  };
  await expect.poll(hostPasse).toContain('Précision d’Anne.');
  expect(await hostPasse()).toContain('Bruno écrit encore. Et termine.');
  await expect(brunoPasse).toContainText('Bruno écrit encore. Et termine.');
  await expect(brunoPasse).not.toContainText('Précision d’Anne.');
  // He leaves the section: it shows both, as the host holds them.
  await brunoSheet.title.click();
  await expect(brunoPasse).toContainText('Précision d’Anne.');
  await expect(brunoPasse).toContainText('Bruno écrit encore. Et termine.');
});

test('la relecture d’un collègue arrive dans la fiche ouverte, et une réponse n’en efface aucune', async ({
  server,
  anne,
  bruno,
}) => {
  test.setTimeout(180_000);
  await shareAndJoin(server, anne, bruno);
  const anneReview = new ReviewPanel(anne.page);
  const brunoReview = new ReviewPanel(bruno.page);
  // « Synchroniser » stays within reach with the Relecture panel open.
  const syncWithPanelOpen = async (person: Colleague) => {
    await person.sync.sync();
    await expect(person.sync.state).toHaveText('À jour');
  };
  await anne.home.openSheet('big-data');
  await bruno.home.openSheet('big-data');
  await anneReview.open();
  await brunoReview.open();

  // Anne comments; Bruno's open sheet shows her thread, on its words, once he syncs.
  const anneThread = await anneReview.comment(
    anne.sheet.editable(anne.sheet.section('passe')),
    'une histoire récente',
    'Depuis quand exactement ?',
  );
  await anne.sheet.waitUntilSaved();
  await syncWithPanelOpen(anne);
  await syncWithPanelOpen(bruno);
  const brunoThread = brunoReview.thread('une histoire récente');
  await expect(brunoThread).toContainText('Depuis quand exactement ?');
  await expect(brunoThread.getByTestId('thread-orphan')).toHaveCount(0);
  await expect(brunoReview.openCount).toHaveText('1');

  // Bruno answers; Anne, her sheet still open, sees his reply after her sync, without a reload.
  await brunoReview.reply(brunoThread, 'Depuis la fin des années 1990.');
  await bruno.sheet.waitUntilSaved();
  await syncWithPanelOpen(bruno);
  await syncWithPanelOpen(anne);
  await expect(anneThread.getByTestId('reply-text')).toHaveText(['Depuis la fin des années 1990.']);

  // Her answer and her resolution come after his reply: nothing of his is overwritten.
  await anneReview.reply(anneThread, 'Merci, je précise.');
  await anneReview.resolve(anneThread);
  await anne.sheet.waitUntilSaved();
  await syncWithPanelOpen(anne);
  await syncWithPanelOpen(bruno);
  await expect(brunoReview.openCount).toHaveCount(0);
  await brunoReview.setShowResolved(true);
  await expect(brunoThread.getByTestId('reply-text')).toHaveText([
    'Depuis la fin des années 1990.',
    'Merci, je précise.',
  ]);
  await expect(brunoThread).toHaveAttribute('data-state', 'resolved');
});

test('l’état de la synchronisation reste visible, et « Synchroniser » à portée, les panneaux Relecture et Historique ouverts', async ({
  server,
  anne,
}) => {
  test.setTimeout(120_000);
  const remote = await server.createRepository('equipe.git');
  await anne.home.open(anne.served.url);
  await anne.sync.share(remote, server.user, server.password);
  await anne.home.openSheet('big-data');
  const review = new ReviewPanel(anne.page);
  const history = new HistoryPanel(anne.page);

  await review.open();
  await anne.sync.expectStateUncovered();
  await anne.page.screenshot({ path: test.info().outputPath('etat-synchronisation-relecture.png') });
  await anne.sync.sync();
  await expect(anne.sync.state).toHaveText('À jour');
  await review.close();

  await history.open();
  await anne.sync.expectStateUncovered();
  // Far down the sheet, and with a revision opened beside the panel: still in view.
  await anne.page.mouse.wheel(0, 4000);
  await anne.sync.expectStateUncovered();
  await history.saveVersion('Avant l’envoi');
  await history.openRevision(await history.seqOf(history.entriesOfKind('named').first()));
  await anne.sync.expectStateUncovered();
  await anne.page.screenshot({ path: test.info().outputPath('etat-synchronisation-historique.png') });
  await anne.sync.sync();
  await expect(anne.sync.state).toHaveText('À jour');
});

test('le commentaire d’un collègue sur un titre de scénario, arrivé la fiche ouverte, reste après l’enregistrement suivant', async ({
  server,
  anne,
  bruno,
}) => {
  test.setTimeout(180_000);
  await shareAndJoin(server, anne, bruno);
  const anneReview = new ReviewPanel(anne.page);
  const brunoReview = new ReviewPanel(bruno.page);
  await anne.home.openSheet('big-data');
  await anne.sheet.setUseFamily(false);
  await anne.sheet.typeTitle('basse', 'LA DONNÉE SANS MAÎTRE');
  await anne.sheet.waitUntilSaved();
  await anne.sync.sync();
  await bruno.sync.sync();
  await bruno.home.openSheet('big-data');
  await anneReview.open();
  await brunoReview.open();

  // Bruno comments the title and sends it.
  await brunoReview.comment(bruno.sheet.scenarioTitle('basse'), 'SANS MAÎTRE', 'Titre trop dur ?');
  await bruno.sheet.waitUntilSaved();
  await bruno.sync.sync();

  // Anne comments the same title; her save is still on its way when her scheduled sync
  // brings Bruno's comment into the sheet she has open.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await anne.page.route('**/api/sheets:update', async (route) => {
    await held;
    await route.continue();
  });
  await anneReview.comment(anne.sheet.scenarioTitle('basse'), 'LA DONNÉE', 'Quelle donnée ?');
  await callApi(anne.served, 'sync:run', {});
  release();
  await anne.sheet.waitUntilSaved();
  await anne.page.unroute('**/api/sheets:update');

  // Both comments keep their words on Anne's copy, then on Bruno's.
  const marks = async (person: Colleague) => {
    const answer = (await callApi(person.served, 'sheets:get', { id: 'big-data' })) as {
      value: { sheet: { review: { titleMarks: Record<string, { from: number; to: number }[]> } } };
    };
    return (answer.value.sheet.review.titleMarks.basse ?? []).map(({ from, to }) =>
      'LA DONNÉE SANS MAÎTRE'.slice(from, to),
    );
  };
  await expect.poll(() => marks(anne)).toEqual(expect.arrayContaining(['LA DONNÉE', 'SANS MAÎTRE']));
  await expect(anneReview.thread('SANS MAÎTRE').getByTestId('thread-orphan')).toHaveCount(0);
  await anne.sync.sync();
  await bruno.sync.sync();
  await expect.poll(() => marks(bruno)).toEqual(expect.arrayContaining(['LA DONNÉE', 'SANS MAÎTRE']));
  await expect(brunoReview.thread('LA DONNÉE')).toContainText('Quelle donnée ?');
  await expect(brunoReview.thread('SANS MAÎTRE').getByTestId('thread-orphan')).toHaveCount(0);
});
