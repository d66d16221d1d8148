import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { startGitServer, type GitServer } from '../main/services/testing/git-server.js';
import { callApi, startFiches, type ServedFiches } from './fixtures/serve-process.js';
import { HomePage } from './pages/HomePage.js';
import { SheetPage } from './pages/SheetPage.js';
import { SyncPanel } from './pages/SyncPanel.js';

/**
 * Two colleagues, two browser hosts, two browser contexts, one remote (a real git server):
 * Anne shares her repository from the interface, Bruno joins it from his, both write in the
 * same paragraph, and the conflict is shown side by side and resolved in the interface.
 */
interface Colleague {
  served: ServedFiches;
  root: string;
}

const test = base.extend<{ server: GitServer; anne: Colleague; bruno: Colleague }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a test needs from this pattern
  server: async ({}, use) => {
    const server = await startGitServer();
    await use(server);
    await server.close();
  },
  // eslint-disable-next-line no-empty-pattern -- as above
  anne: async ({}, use) => use(await colleague('Anne')),
  // eslint-disable-next-line no-empty-pattern -- as above
  bruno: async ({}, use) => use(await colleague('Bruno')),
});

const started: Colleague[] = [];

async function colleague(name: string): Promise<Colleague> {
  const root = await mkdtemp(path.join(os.tmpdir(), `fiches-e2e-${name.toLowerCase()}-`));
  const served = await startFiches({
    args: ['serve', '--repo', path.join(root, 'depot'), '--port', '0'],
    env: { FICHES_DATA_DIR: path.join(root, 'donnees') },
  });
  // The name commits and revisions are signed with (set in the history panel by a user).
  await callApi(served, 'preferences:set', { authorName: name });
  const person = { served, root };
  started.push(person);
  return person;
}

test.afterEach(async () => {
  for (const person of started.splice(0)) {
    await person.served.stop();
    await rm(person.root, { recursive: true, force: true });
  }
});

test('le même paragraphe modifié des deux côtés : le conflit est montré et résolu dans l’interface', async ({
  browser,
  server,
  anne,
  bruno,
}) => {
  test.setTimeout(180_000);
  const remote = await server.createRepository('equipe.git');
  const anneContext = await browser.newContext();
  const brunoContext = await browser.newContext();
  const annePage = await anneContext.newPage();
  const brunoPage = await brunoContext.newPage();
  const [anneHome, brunoHome] = [new HomePage(annePage), new HomePage(brunoPage)];
  const [anneSync, brunoSync] = [new SyncPanel(annePage), new SyncPanel(brunoPage)];
  const [anneSheet, brunoSheet] = [new SheetPage(annePage), new SheetPage(brunoPage)];

  await anneHome.open(anne.served.url);
  await anneSync.share(remote, server.user, server.password);
  await brunoHome.open(bruno.served.url);
  await brunoSync.join(remote, server.user, server.password, path.join(bruno.root, 'equipe'));
  await expect(brunoPage.getByTestId('repository-hint')).toContainText(path.join(bruno.root, 'equipe'));

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
  await anneContext.close();
  await brunoContext.close();
});
