import { app, dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { AppHandlers } from '../host/handlers.js';
import type { CurrentRepository } from '../host/current-repository.js';
import { joinAndOpen, joinProgress } from '../host/join.js';
import type { CredentialStore } from '../services/sync/credentials.js';
import { saveExport } from './export-save.js';
import { saveVolume } from './volume-save.js';
import { requestFlush } from './flush.js';

/**
 * What the desktop host adds to the services: a folder dialog and a repository that
 * can be switched. Both the menu and the renderer (`repository:choose`) go through it.
 */
export class Desktop {
  #switching = false;

  constructor(
    readonly repository: CurrentRepository,
    private readonly window: () => BrowserWindow | undefined,
    private readonly credentials: CredentialStore,
  ) {}

  /**
   * Asks for a folder and opens it. Answers whether a repository was chosen (possibly
   * the one already open); false when the user cancelled or another switch is under
   * way (a second dialog would only confuse). The renderer saves its pending edits
   * first: after the switch they would land in the other repository.
   */
  async chooseAndSwitch(): Promise<boolean> {
    if (this.#switching) return false;
    this.#switching = true;
    try {
      const window = this.window();
      const options: OpenDialogOptions = {
        title: 'Ouvrir un dépôt',
        buttonLabel: 'Ouvrir ce dépôt',
        properties: ['openDirectory', 'createDirectory'],
      };
      const choice = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      const folder = choice.canceled ? undefined : choice.filePaths[0];
      if (folder === undefined) return false;
      if (window) await requestFlush(window.webContents);
      await this.repository.switchTo(folder);
      return true;
    } finally {
      this.#switching = false;
    }
  }

  appHandlers(): AppHandlers {
    return {
      'app:info': async () => ({ host: 'electron', version: app.getVersion(), canChooseRepository: true }),
      'repository:choose': async () => {
        const chosen = await this.chooseAndSwitch();
        return chosen ? this.repository.handlers['repository:overview']({}) : null;
      },
      'export:save': (request) => saveExport(this.window(), this.repository.handlers, request),
      'sync:joinProgress': async () => joinProgress(),
      'sync:join': async (request) => {
        const window = this.window();
        // Pending edits belong to the repository being left.
        if (window) await requestFlush(window.webContents);
        return joinAndOpen(this.repository, request, this.credentials);
      },
      'volume:save': (request) => saveVolume(this.window(), this.repository.handlers, request),
    };
  }
}
