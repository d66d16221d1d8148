import { expect, type Locator, type Page } from '@playwright/test';

/** « Synchroniser » and its dialogs (share, join, credentials), and a sheet's conflicts. */
export class SyncPanel {
  constructor(readonly page: Page) {}

  get state(): Locator {
    return this.page.getByTestId('sync-state');
  }

  /**
   * The state is shown and nothing covers it (a panel, a revision opened from the history):
   * the element at its centre is the state itself.
   */
  async expectStateUncovered(): Promise<void> {
    await expect(this.state).toBeVisible();
    await expect
      .poll(() =>
        this.state.evaluate((element) => {
          const box = element.getBoundingClientRect();
          const onTop = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          return onTop !== null && element.contains(onTop);
        }),
      )
      .toBe(true);
  }

  get conflictBanner(): Locator {
    return this.page.getByTestId('conflict-banner');
  }

  get conflictView(): Locator {
    return this.page.getByTestId('conflict-view');
  }

  private async fillCredentials(username: string, password: string): Promise<void> {
    await this.page.getByTestId('sync-username').fill(username);
    await this.page.getByTestId('sync-password').fill(password);
  }

  async share(remote: string, username: string, password: string): Promise<void> {
    await this.page.getByTestId('sync-share').click();
    await this.page.getByTestId('share-remote').fill(remote);
    await this.fillCredentials(username, password);
    await this.page.getByTestId('share-submit').click();
    await expect(this.page.getByTestId('share-dialog')).toBeHidden({ timeout: 30_000 });
    await expect(this.state).toHaveText('À jour');
  }

  get firstStart(): Locator {
    return this.page.getByTestId('first-start');
  }

  get joinProgress(): Locator {
    return this.page.getByTestId('join-progress');
  }

  get notes(): Locator {
    return this.page.getByTestId('sync-notes');
  }

  get credentialsDialog(): Locator {
    return this.page.getByTestId('credentials-dialog');
  }

  /**
   * Fills the join dialog and submits it, from the sync bar or the first-start welcome;
   * `whileCopying` runs while the copy is under way (the dialog shows its progress).
   */
  async join(
    remote: string,
    username: string,
    password: string,
    folder: string,
    { from = 'bar', whileCopying }: { from?: 'bar' | 'welcome'; whileCopying?: () => Promise<void> } = {},
  ): Promise<void> {
    await this.page.getByTestId(from === 'welcome' ? 'first-start-join' : 'sync-join').click();
    await this.page.getByTestId('join-remote').fill(remote);
    await this.fillCredentials(username, password);
    await this.page.getByTestId('join-folder').fill(folder);
    await this.page.getByTestId('join-submit').click();
    await whileCopying?.();
    await expect(this.state).toHaveText('À jour', { timeout: 30_000 });
  }

  /** « Réglages »: when this copy syncs by itself, saved with « Enregistrer ». */
  async setSettings({ every, onClose }: { every: number | null; onClose: boolean }): Promise<void> {
    await this.page.getByTestId('sync-settings').click();
    const dialog = this.page.getByTestId('sync-settings-dialog');
    await dialog.getByTestId('sync-setting-auto').setChecked(every !== null);
    if (every !== null) await dialog.getByTestId('sync-setting-interval').fill(String(every));
    await dialog.getByTestId('sync-setting-on-close').setChecked(onClose);
    await dialog.getByTestId('sync-settings-save').click();
    await expect(dialog).toBeHidden();
  }

  /** Answers the credentials dialog the server's refusal opened; the sync runs again. */
  async giveCredentials(username: string, password: string): Promise<void> {
    await expect(this.credentialsDialog).toBeVisible();
    await this.fillCredentials(username, password);
    await this.page.getByTestId('credentials-submit').click();
    await expect(this.credentialsDialog).toBeHidden();
    await expect(this.state).not.toHaveText('Synchronisation…', { timeout: 30_000 });
  }

  async sync(): Promise<void> {
    await this.page.getByTestId('sync-run').click();
    await expect(this.state).not.toHaveText('Synchronisation…', { timeout: 30_000 });
  }

  async openConflict(part: string): Promise<void> {
    await this.page.getByTestId(`conflict-open-${part}`).click();
    await expect(this.conflictView).toBeVisible();
  }
}
