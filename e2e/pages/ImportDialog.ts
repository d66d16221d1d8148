import { expect, type Locator, type Page } from '@playwright/test';

/** « Importer des fiches Word… »: choose files (or drop them on the home view), review each, import. */
export class ImportDialog {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByTestId('import-dialog');
  }

  get review(): Locator {
    return this.page.getByTestId('import-review');
  }

  get result(): Locator {
    return this.page.getByTestId('import-result');
  }

  get warnings(): Locator {
    return this.page.getByTestId('import-warnings');
  }

  get runButton(): Locator {
    return this.page.getByTestId('import-run');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('import-open').click();
    await expect(this.page.getByTestId('import-choose')).toBeVisible();
  }

  /** Chooses files as the file picker would give them. */
  async choose(files: { name: string; buffer: Buffer }[]): Promise<void> {
    await this.page.getByTestId('import-file-input').setInputFiles(
      files.map((file) => ({
        ...file,
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      })),
    );
  }

  /** Chooses a folder, as the folder picker gives its files. */
  async chooseFolder(path: string): Promise<void> {
    await this.page.getByTestId('import-folder-input').setInputFiles(path);
  }

  /** Drops files on the home view, as the system's file manager would. */
  async dropOnHome(files: { name: string; buffer: Buffer }[]): Promise<void> {
    const transfer = await this.page.evaluateHandle(
      (given) => {
        const data = new DataTransfer();
        for (const file of given) data.items.add(new File([Uint8Array.from(file.bytes)], file.name));
        return data;
      },
      files.map((file) => ({ name: file.name, bytes: [...file.buffer] })),
    );
    const home = this.page.getByTestId('home-view');
    await home.dispatchEvent('dragover', { dataTransfer: transfer });
    await home.dispatchEvent('drop', { dataTransfer: transfer });
  }

  part(id: string): Locator {
    return this.page.getByTestId(`import-part-${id}`);
  }

  target(id: string): Locator {
    return this.page.getByTestId(`import-target-${id}`);
  }

  fileError(index: number): Locator {
    return this.page.getByTestId(`import-error-${index}`);
  }

  async moveTo(partId: string, targetKey: string): Promise<void> {
    await this.target(partId).selectOption(targetKey);
  }

  async chooseUnplacedSection(sectionId: string): Promise<void> {
    await this.page.getByTestId('import-unplaced').selectOption(sectionId);
  }

  async run(): Promise<void> {
    await this.runButton.click();
    await expect(this.result).toBeVisible();
  }

  async close(): Promise<void> {
    await this.page.getByTestId('import-close').click();
    await expect(this.dialog).toBeHidden();
  }
}
