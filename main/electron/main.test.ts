import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FLUSH_CHANNEL, FLUSHED_CHANNEL, INVOKE_CHANNEL, MENU_CHANNEL } from './channels.js';
import {
  app,
  BrowserWindow,
  FakeEvent,
  FakeFrame,
  ipcMain,
  Menu,
  protocol,
  session,
} from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

/**
 * The desktop app's start and stop, as Electron would run main.ts: what it sets up before
 * and after ready, the window it opens on a real repository, the menu, and the quit that
 * saves and releases the repository first.
 */

let root: string;
let repository: string;
const argv = process.argv;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'fiches-shell-'));
  repository = path.join(root, 'depot');
  process.argv = [argv[0] ?? 'electron', 'main.js', '--repo', repository, '--no-sandbox'];
  await import('./main.js');
});

afterAll(async () => {
  process.argv = argv;
  await rm(root, { recursive: true, force: true });
});

function window(): BrowserWindow {
  const [first] = BrowserWindow.instances;
  if (!first) throw new Error('no window');
  return first;
}

type MenuItem = { label?: string; submenu?: MenuItem[]; click?: () => void };

function menuItem(...labels: string[]): MenuItem {
  const [template] = Menu.setApplicationMenu.mock.calls.at(-1) as [{ template: MenuItem[] }];
  let items: MenuItem[] = template.template;
  let found: MenuItem | undefined;
  for (const label of labels) {
    found = items.find((item) => item.label === label);
    if (!found) throw new Error(`no menu item ${label}`);
    items = found.submenu ?? [];
  }
  return found as MenuItem;
}

describe('before ready', () => {
  it('sandboxes every renderer, registers its scheme as privileged, and asks for the single-instance lock', () => {
    expect(app.enableSandbox).toHaveBeenCalledOnce();
    expect(protocol.registerSchemesAsPrivileged.mock.calls).toEqual([
      [
        [
          {
            scheme: 'app',
            privileges: {
              standard: true,
              secure: true,
              supportFetchAPI: true,
              corsEnabled: true,
              codeCache: true,
            },
          },
        ],
      ],
    ]);
    expect(app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('asks Chromium for French, whatever the system’s language', () => {
    expect(app.commandLine.appendSwitch.mock.calls).toEqual([['lang', 'fr']]);
  });
});

describe('once ready', () => {
  beforeAll(async () => {
    app.becomeReady();
    await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1), { timeout: 20_000 });
    await vi.waitFor(() => expect(window().webContents.mainFrame.url).not.toBe('about:blank'));
  });

  it('opens the repository given by --repo and loads the built renderer from app://fiches', () => {
    expect(existsSync(path.join(repository, 'repository.json'))).toBe(true);
    expect(existsSync(path.join(repository, '.fiches.lock'))).toBe(true);
    expect(window().webContents.mainFrame.url).toBe('app://fiches/index.html');
    expect(window().loadedBody).toContain('<div id="root"></div>');
    expect(window().options.webPreferences).toMatchObject({
      preload: expect.stringMatching(/main[/\\]electron[/\\]preload\.cjs$/),
      sandbox: true,
    });
  });

  it('answers its page over IPC, and nobody else', async () => {
    const page = window().webContents.mainFrame;
    expect(await ipcMain.invokeFrom(page, INVOKE_CHANNEL, 'app:info', {})).toMatchObject({
      ok: true,
      value: { host: 'electron', canChooseRepository: true },
    });
    const overview = (await ipcMain.invokeFrom(page, INVOKE_CHANNEL, 'repository:overview', {})) as {
      ok: boolean;
      value: { families: unknown[] };
    };
    expect(overview.ok).toBe(true);
    expect(overview.value.families).toHaveLength(6);
    const iframe = new FakeFrame(page.url, page.processId, page.routingId + 1);
    expect(await ipcMain.invokeFrom(iframe, INVOKE_CHANNEL, 'app:info', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('checks spelling in French, and answers a right-click in the text with a French menu', () => {
    expect(session.defaultSession.setSpellCheckerLanguages.mock.calls).toEqual([[['fr']]]);
    Menu.buildFromTemplate.mockClear();
    const params = {
      isEditable: true,
      misspelledWord: 'prospectve',
      dictionarySuggestions: ['prospective'],
      selectionText: '',
      linkURL: '',
      editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true },
    };
    window().webContents.emit('context-menu', new FakeEvent(), params);
    const [shown] = Menu.buildFromTemplate.mock.results.map((result) => result.value) as {
      template: MenuItem[];
      popup: () => void;
    }[];
    expect(shown?.template.map((item) => item.label)).toEqual([
      'prospective',
      'Ajouter au dictionnaire',
      undefined,
      'Couper',
      'Copier',
      'Coller',
      undefined,
      'Tout sélectionner',
    ]);
    expect(shown?.popup).toHaveBeenCalledOnce();
  });

  it('keeps the window on its page', () => {
    const navigation = new FakeEvent({ url: 'https://evil.example/' });
    window().webContents.emit('will-navigate', navigation, 'https://evil.example/');
    const frame = new FakeEvent({ url: 'https://evil.example/', isMainFrame: false });
    window().webContents.emit('will-frame-navigate', frame);
    expect([navigation.defaultPrevented, frame.defaultPrevented]).toEqual([true, true]);
    expect(window().webContents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({
      action: 'deny',
    });
  });

  it('passes Fichier › Exporter › Word…, PDF… and Recueil… to the page', () => {
    menuItem('Fichier', 'Exporter', 'Word…').click?.();
    menuItem('Fichier', 'Exporter', 'PDF…').click?.();
    menuItem('Fichier', 'Exporter', 'Recueil…').click?.();
    expect(window().webContents.sent.filter(([channel]) => channel === MENU_CHANNEL)).toEqual([
      [MENU_CHANNEL, 'export:docx'],
      [MENU_CHANNEL, 'export:pdf'],
      [MENU_CHANNEL, 'export:volume'],
    ]);
  });

  it('on quit, lets the page save, releases the repository, then quits for real', async () => {
    const close = new FakeEvent();
    window().emit('close', close);
    expect(close.defaultPrevented).toBe(true);
    expect(app.quit).toHaveBeenCalledTimes(1);

    const quit = new FakeEvent();
    app.emit('before-quit', quit);
    expect(quit.defaultPrevented).toBe(true);
    const flush = window().webContents.sent.find(([channel]) => channel === FLUSH_CHANNEL);
    expect(flush).toEqual([FLUSH_CHANNEL, expect.any(Number)]);
    // Still held while the page saves.
    expect(existsSync(path.join(repository, '.fiches.lock'))).toBe(true);
    ipcMain.emit(FLUSHED_CHANNEL, { sender: window().webContents }, flush?.[1]);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(2));
    expect(existsSync(path.join(repository, '.fiches.lock'))).toBe(false);

    const final = new FakeEvent();
    app.emit('before-quit', final);
    expect(final.defaultPrevented).toBe(false);
  });
});
