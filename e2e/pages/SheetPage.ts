import { expect, type Locator, type Page } from '@playwright/test';

/** The sheet view: its parts (each its own editor), the toolbar, the autosave state. */
export class SheetPage {
  constructor(readonly page: Page) {}

  get view(): Locator {
    return this.page.getByTestId('sheet-view');
  }

  get title(): Locator {
    return this.page.getByTestId('sheet-title');
  }

  get status(): Locator {
    return this.page.getByTestId('sheet-status');
  }

  get saveState(): Locator {
    return this.page.getByTestId('save-state');
  }

  get useFamilyToggle(): Locator {
    return this.page.getByTestId('use-family-toggle');
  }

  get sharedBanner(): Locator {
    return this.page.getByTestId('shared-banner');
  }

  section(id: string): Locator {
    return this.page.getByTestId(`section-${id}`);
  }

  outlineItem(id: string): Locator {
    return this.page.getByTestId(`outline-item-${id}`);
  }

  /** A hypothesis's title: a one-line editor (its text is the locator's text). */
  scenarioTitle(hypothesis: string): Locator {
    return this.page.getByTestId(`scenario-${hypothesis}-title`).locator('[contenteditable]');
  }

  scenarioAngle(hypothesis: string, angle: string): Locator {
    return this.page.getByTestId(`scenario-${hypothesis}-${angle}`);
  }

  toolbarButton(id: string): Locator {
    return this.page.getByTestId(`toolbar-${id}`);
  }

  /** The text area of a part (section, angle, family note), as the user sees and clicks it. */
  editable(part: Locator): Locator {
    return part.locator('[contenteditable="true"]');
  }

  /** The ids of the template's sections, in order, as shown. */
  async sectionIds(): Promise<string[]> {
    const testIds = await this.page
      .locator('[data-testid^="section-"]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid') ?? ''));
    return testIds.map((testId) => testId.slice('section-'.length));
  }

  async hypothesesAndAngles(): Promise<{ hypotheses: string[]; angles: string[] }> {
    const hypotheses = await this.page
      .locator('article[data-testid^="scenario-"]')
      .evaluateAll((nodes) =>
        nodes.map((node) => (node.getAttribute('data-testid') ?? '').slice('scenario-'.length)),
      );
    const first = hypotheses[0] ?? '';
    const angles = await this.page
      .locator(
        `article[data-testid="scenario-${first}"] [data-testid^="scenario-${first}-"]:not([data-testid$="-title"])`,
      )
      .evaluateAll(
        (nodes, prefix) => nodes.map((node) => (node.getAttribute('data-testid') ?? '').slice(prefix.length)),
        `scenario-${first}-`,
      );
    return { hypotheses, angles };
  }

  /**
   * Clicks into a part and types at its end, key by key. The click goes to the part's last
   * paragraph of its own (a click at the middle of a long part could land on a figure,
   * whose caption keeps Ctrl+End to itself), when it has one.
   */
  async typeInto(part: Locator, text: string): Promise<void> {
    const editable = this.editable(part);
    // An image still loading grows its figure and moves what follows it: aimed before, the
    // click could land on the figure (seen in CI, the text then went before the paragraph).
    await editable.evaluate((root) =>
      Promise.all(Array.from(root.querySelectorAll('img'), (image) => image.decode().catch(() => undefined))),
    );
    const paragraph = editable.locator(':scope > p').last();
    await ((await paragraph.count()) > 0 ? paragraph : editable).click();
    await expect(editable).toBeFocused();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type(text);
  }

  async typeTitle(hypothesis: string, text: string): Promise<void> {
    const field = this.scenarioTitle(hypothesis);
    await field.click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type(text);
  }

  async setStatus(label: string): Promise<void> {
    await this.status.selectOption({ label });
  }

  /** Flips the « Utiliser les micro-scénarios partagés » switch by its label, as a user clicks it. */
  async setUseFamily(on: boolean): Promise<void> {
    const label = this.page.getByText('Utiliser les micro-scénarios partagés de la famille');
    // Just opened, the parts above the switch may still grow as their editors mount: a
    // click that landed beside it is tried again, as a user would.
    await expect(async () => {
      if ((await this.useFamilyToggle.isChecked()) !== on) await label.click();
      await expect(this.useFamilyToggle).toBeChecked({ checked: on, timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
  }

  /** A sheet of thousands of blocks takes longer to send and write: its test says how long to wait. */
  async waitUntilSaved(timeout = 15_000): Promise<void> {
    await expect(this.saveState).toHaveText('Enregistré', { timeout });
  }

  async deleteSheet(): Promise<void> {
    await this.page.getByTestId('delete-sheet').click();
    await this.page.getByTestId('confirm-ok').click();
    await expect(this.page.getByTestId('home-view')).toBeVisible();
  }
}
