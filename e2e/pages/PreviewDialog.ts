import { expect, type Locator, type Page } from '@playwright/test';

/** « Aperçu avant impression »: the PDF of the sheet drawn page by page. */
export class PreviewDialog {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByTestId('preview-dialog');
  }

  get pages(): Locator {
    return this.dialog.getByTestId('preview-page');
  }

  /** « Taille »: page entière, largeur confortable, grand. */
  get zoom(): Locator {
    return this.dialog.getByTestId('preview-zoom');
  }

  get count(): Locator {
    return this.dialog.getByTestId('preview-count');
  }

  /** Opens it from the first « Aperçu avant impression » button on screen. */
  async open(within: Locator = this.page.locator('body')): Promise<void> {
    await within.getByTestId('preview-open').first().click();
    await expect(this.dialog).toBeVisible();
    await expect(this.count).toBeVisible({ timeout: 30_000 });
  }

  async pageCount(): Promise<number> {
    return Number(/^(\d+)/.exec((await this.count.textContent()) ?? '')?.[1] ?? NaN);
  }

  /** Share of the page's pixels that are not white: text, bands, figures. */
  async inkOf(page: Locator): Promise<number> {
    await page.scrollIntoViewIfNeeded();
    await expect(page).toHaveAttribute('data-drawn', 'true', { timeout: 15_000 });
    return page.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
      const context = canvas.getContext('2d');
      if (!context) return 0;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let ink = 0;
      for (let index = 0; index < data.length; index += 4) {
        if ((data[index] ?? 255) < 230 || (data[index + 1] ?? 255) < 230 || (data[index + 2] ?? 255) < 230)
          ink += 1;
      }
      return ink / (data.length / 4);
    });
  }

  async close(): Promise<void> {
    await this.dialog.getByTestId('preview-close').click();
    await expect(this.dialog).toHaveCount(0);
  }
}
