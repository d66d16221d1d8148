import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** « Publier le recueil » on the home view. */
export class VolumeDialog {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByTestId('volume-dialog');
  }

  get progress(): Locator {
    return this.page.getByTestId('volume-progress');
  }

  get summary(): Locator {
    return this.page.getByTestId('volume-summary');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('volume-open').click();
    await expect(this.page.getByTestId('volume-run')).toBeVisible();
  }

  async chooseFormats(...formats: ('docx' | 'pdf')[]): Promise<void> {
    for (const format of ['docx', 'pdf'] as const) {
      await this.page.getByTestId(`volume-format-${format}`).setChecked(formats.includes(format));
    }
  }

  async setTitle(title: string): Promise<void> {
    await this.page.getByTestId('volume-title').fill(title);
  }

  async chooseStatuses(...statuses: string[]): Promise<void> {
    await this.page.getByTestId('volume-scope-statuses').check();
    for (const status of ['draft', 'review', 'validated', 'published']) {
      await this.page.getByTestId(`volume-status-${status}`).setChecked(statuses.includes(status));
    }
  }

  async start(): Promise<void> {
    await this.page.getByTestId('volume-run').click();
  }

  /** Publishes and answers the downloads it triggered. */
  async publishAndDownload(expected: number): Promise<Download[]> {
    const downloads: Download[] = [];
    const collect = (download: Download) => downloads.push(download);
    this.page.on('download', collect);
    await this.start();
    await expect(this.summary).toBeVisible({ timeout: 120_000 });
    await expect.poll(() => downloads.length).toBe(expected);
    this.page.off('download', collect);
    return downloads;
  }

  async cancel(): Promise<void> {
    await this.page.getByTestId('volume-cancel').click();
  }
}
