import { expect, type Locator, type Page } from '@playwright/test';

/** « Synchroniser » and its dialogs (share, join, credentials), and a sheet's conflicts. */
export class SyncPanel {
  constructor(readonly page: Page) {}

  get state(): Locator {
    return this.page.getByTestId('sync-state');
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

  /** Joins into `folder`; the page starts again on the joined repository. */
  async join(remote: string, username: string, password: string, folder: string): Promise<void> {
    await this.page.getByTestId('sync-join').click();
    await this.page.getByTestId('join-remote').fill(remote);
    await this.fillCredentials(username, password);
    await this.page.getByTestId('join-folder').fill(folder);
    await this.page.getByTestId('join-submit').click();
    await expect(this.state).toHaveText('À jour', { timeout: 30_000 });
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
