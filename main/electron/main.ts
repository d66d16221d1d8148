import { app, dialog, Menu, session, shell, type BrowserWindow, type MessageBoxOptions } from 'electron';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { IMPORT_MENU_COMMAND } from '../../shared/api/import-contract.js';
import { VOLUME_MENU_COMMAND, type MenuCommand } from '../../shared/api/bridge.js';
import { AppFailure } from '../../shared/result.js';
import { CurrentRepository } from '../host/current-repository.js';
import { composeHandlers } from '../host/handlers.js';
import { usePdfPrinter } from '../services/export/pdf/printer-choice.js';
import { defaultRepositoryPath } from '../services/index.js';
import { fr } from '../services/french.js';
import { useWorkerLauncher } from '../services/worker/launcher.js';
import { registerAppScheme } from './app-scheme.js';
import { MENU_CHANNEL } from './channels.js';
import { SafeStorageCredentialStore } from './credential-store.js';
import { Desktop } from './desktop.js';
import { requestFlush } from './flush.js';
import { registerInvokeHandler } from './ipc.js';
import { checkSpellingInFrench, useFrenchInterface } from './locale.js';
import { buildMenu } from './menu.js';
import { ElectronPrinter } from './pdf-printer.js';
import { serveRenderer } from './renderer-protocol.js';
import { hardenApp } from './security.js';
import { createMainWindow } from './window.js';
import { utilityLauncher } from './worker-launcher.js';

const rendererDir = path.join(app.getAppPath(), 'dist', 'renderer');
const preload = path.join(import.meta.dirname, 'preload.cjs');

/** `--repo DIR`, as `fiches start --repo DIR` passes it; Chromium's own switches are ignored. */
function repositoryArgument(): string | undefined {
  const { values } = parseArgs({
    args: process.argv.slice(1),
    options: { repo: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  return typeof values.repo === 'string' ? path.resolve(values.repo) : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof AppFailure
    ? error.message
    : fr`Erreur inattendue : ${(error as Error)?.message ?? String(error)}`;
}

async function run(): Promise<void> {
  await app.whenReady();
  hardenApp();
  checkSpellingInFrench(session.defaultSession);
  serveRenderer(rendererDir);
  usePdfPrinter(new ElectronPrinter());
  useWorkerLauncher(utilityLauncher);

  // Credentials of shared repositories: sealed by the system's keychain, in the app's data folder.
  const credentials = new SafeStorageCredentialStore(app.getPath('userData'));
  let repository: CurrentRepository;
  try {
    repository = await CurrentRepository.open(repositoryArgument() ?? defaultRepositoryPath(), {
      sync: { credentials, background: true },
    });
  } catch (error) {
    dialog.showErrorBox('Fiches ne peut pas ouvrir le dépôt', messageOf(error));
    app.exit(1);
    return;
  }

  let window: BrowserWindow | undefined = createMainWindow({ preload });
  window.on('closed', () => (window = undefined));
  const desktop = new Desktop(repository, () => window, credentials);

  registerInvokeHandler({
    handlers: composeHandlers(() => repository.handlers, desktop.appHandlers()),
    mainFrame: () => window?.webContents.mainFrame,
    onInternalError: (error) => console.error('fiches:', error),
  });

  const reload = async () => {
    if (!window) return;
    await requestFlush(window.webContents);
    window.webContents.reload();
  };
  Menu.setApplicationMenu(
    buildMenu({
      openRepository: () => {
        desktop.chooseAndSwitch().then(
          (chosen) => {
            if (chosen) window?.webContents.reload();
          },
          (error: unknown) => dialog.showErrorBox('Impossible d’ouvrir ce dépôt', messageOf(error)),
        );
      },
      reload: () => void reload(),
      showAbout: () => {
        const options: MessageBoxOptions = {
          type: 'info',
          title: 'À propos de Fiches',
          message: `Fiches ${app.getVersion()}`,
          detail: fr`Rédaction, historique et publication des fiches variables.\nDépôt ouvert : ${repository.path}`,
        };
        void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
      },
      revealRepository: () => void shell.openPath(repository.path),
      exportAs: (format) => {
        const command: MenuCommand = `export:${format}`;
        window?.webContents.send(MENU_CHANNEL, command);
      },
      importWord: () => window?.webContents.send(MENU_CHANNEL, IMPORT_MENU_COMMAND),
      sync: (command) => window?.webContents.send(MENU_CHANNEL, command),
      publishVolume: () => window?.webContents.send(MENU_CHANNEL, VOLUME_MENU_COMMAND),
    }),
  );

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  // Quitting (menu, shortcut, closing the window) first lets the page save its pending
  // edits, then closes the repository to release its lock, and only then quits for real.
  let shutdown: 'running' | 'closing' | 'closed' = 'running';
  window.on('close', (event) => {
    if (shutdown !== 'closed') {
      event.preventDefault();
      app.quit();
    }
  });
  app.on('before-quit', (event) => {
    if (shutdown === 'closed') return;
    event.preventDefault();
    if (shutdown === 'closing') return;
    shutdown = 'closing';
    void (async () => {
      try {
        if (window) await requestFlush(window.webContents);
        await repository.close();
      } catch (error) {
        console.error('fiches:', error);
      } finally {
        shutdown = 'closed';
        app.quit();
      }
    })();
  });
  app.on('window-all-closed', () => app.quit());
}

app.enableSandbox();
useFrenchInterface();
registerAppScheme();
if (app.requestSingleInstanceLock()) {
  void run();
} else {
  // Another Fiches is running: it gets the 'second-instance' event and comes to the front.
  app.quit();
}
