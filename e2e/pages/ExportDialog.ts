import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The export dialog, opened from the home view or from a sheet (« Exporter… »). */
export class ExportDialog {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByTestId('export-dialog');
  }

  get summary(): Locator {
    return this.page.getByTestId('export-summary');
  }

  result(sheetId: string): Locator {
    return this.page.getByTestId(`export-result-${sheetId}`);
  }

  async open(): Promise<void> {
    await this.page.getByTestId('export-open').click();
    await expect(this.dialog).toBeVisible();
    await expect(this.page.getByTestId('export-run')).toBeVisible();
  }

  async chooseScope(scope: 'sheet' | 'all' | 'family' | 'selection'): Promise<void> {
    await this.page.getByTestId(`export-scope-${scope}`).check();
  }

  async chooseFormat(format: 'docx' | 'pdf'): Promise<void> {
    await this.page.getByTestId(`export-format-${format}`).check();
  }

  /** « Pour une relecture dans Word » (the current sheet, in Word only). */
  get review(): Locator {
    return this.page.getByTestId('export-review');
  }

  async withComments(): Promise<void> {
    await this.page.getByTestId('export-with-comments').check();
  }

  /** « avec les modifications depuis une version », the version listed as n° `seq` picked. */
  async withChangesSince(seq: number): Promise<void> {
    await this.page.getByTestId('export-with-changes').check();
    const select = this.page.getByTestId('export-changes-since');
    // Options are valued by revision id (the same on every copy); the user reads the number.
    const option = select.locator('option', { hasText: new RegExp(`^n°\u00a0${seq} —`) });
    await select.selectOption((await option.getAttribute('value')) ?? '');
  }

  async select(sheetId: string): Promise<void> {
    await this.page.getByTestId(`export-select-${sheetId}`).check();
  }

  /** Runs the export and answers the downloads it triggered, in order. */
  async runAndDownload(expected: number): Promise<Download[]> {
    const downloads: Download[] = [];
    const collect = (download: Download) => downloads.push(download);
    this.page.on('download', collect);
    await this.page.getByTestId('export-run').click();
    await expect(this.summary).toBeVisible({ timeout: 30_000 });
    await expect.poll(() => downloads.length).toBe(expected);
    this.page.off('download', collect);
    return downloads;
  }

  async close(): Promise<void> {
    await this.page.getByTestId('export-close').click();
    await expect(this.dialog).toBeHidden();
  }
}
