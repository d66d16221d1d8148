import { expect, type Locator, type Page } from '@playwright/test';

/** A file as the system's file picker hands it over. */
export interface PickedFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/**
 * Figures, tables and pasting, in the editor of one part of the sheet: what a user sees
 * (numbered captions, sources, buttons on each block) and does (pick a file, paste).
 */
export class BlocksPage {
  constructor(readonly page: Page) {}

  editable(part: Locator): Locator {
    return part.locator('[contenteditable="true"]').first();
  }

  figures(part: Locator): Locator {
    return part.getByTestId('figure');
  }

  tables(part: Locator): Locator {
    return part.getByTestId('table-figure');
  }

  /** « Figure 2 : Légende » for each figure or table of the part, in order. */
  async captions(part: Locator, kind: 'figure' | 'table' = 'figure'): Promise<string[]> {
    const blocks = kind === 'figure' ? this.figures(part) : this.tables(part);
    const texts = await blocks.locator('figcaption').allTextContents();
    return texts.map((text) => text.replace(/\u00a0/g, ' '));
  }

  async sources(part: Locator): Promise<string[]> {
    return this.figures(part).locator('.source-line').allTextContents();
  }

  /** Puts the cursor at the very end of a part's last paragraph. */
  async placeCursorAtEnd(part: Locator): Promise<void> {
    await this.editable(part).locator(':scope > p').last().click();
    await this.page.keyboard.press('Control+End');
  }

  /** « Figure » in the toolbar, then the file picker (a file given by its path, or in memory). */
  async insertFigure(files: string | PickedFile | PickedFile[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByTestId('toolbar-figure').click();
    await (await chooser).setFiles(files);
  }

  /** Types the caption (the cursor is there after an insertion), then the source under it. */
  async typeCaptionAndSource(caption: string, source: string): Promise<void> {
    await this.page.keyboard.type(caption);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.type(source);
  }

  /** A button of a block's own bar (up, down, delete, width, replace), shown on hover. */
  async blockButton(block: Locator, id: string): Promise<void> {
    await block.hover();
    await block.getByTestId(`block-${id}`).click();
  }

  /**
   * Pastes as the system clipboard would deliver it: a real paste event on the editor
   * carrying the HTML (and its plain text) exactly as given.
   */
  async paste(part: Locator, data: { html?: string; text?: string }): Promise<void> {
    await this.editable(part).evaluate((element, { html, text }) => {
      const transfer = new DataTransfer();
      if (html !== undefined) transfer.setData('text/html', html);
      if (text !== undefined) transfer.setData('text/plain', text);
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    }, data);
  }

  /** An image file dropped on a part, over its last paragraph, as from the file manager. */
  async dropFile(part: Locator, file: PickedFile): Promise<void> {
    const target = this.editable(part).locator(':scope > p').last();
    const box = await target.boundingBox();
    if (!box) throw new Error('the paragraph to drop on is not visible');
    await target.evaluate(
      (element, { name, mimeType, base64, x, y }) => {
        const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, { type: mimeType }));
        const init = { dataTransfer: transfer, clientX: x, clientY: y, bubbles: true, cancelable: true };
        element.dispatchEvent(new DragEvent('dragover', init));
        element.dispatchEvent(new DragEvent('drop', init));
      },
      {
        ...file,
        buffer: undefined,
        base64: file.buffer.toString('base64'),
        x: box.x + box.width / 2,
        y: box.y + box.height / 2,
      },
    );
  }

  /** A copied image (from an image viewer, a browser) pasted into a part: a file, no HTML. */
  async pasteFile(part: Locator, file: PickedFile): Promise<void> {
    await this.editable(part).evaluate(
      (element, { name, mimeType, base64 }) => {
        const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, { type: mimeType }));
        element.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
        );
      },
      { name: file.name, mimeType: file.mimeType, base64: file.buffer.toString('base64') },
    );
  }

  notice(kind: 'error' | 'info'): Locator {
    return this.page.getByTestId(`editor-notice-${kind}`);
  }

  async expectImageShown(figure: Locator): Promise<void> {
    const image = figure.getByTestId('figure-image');
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  }
}
