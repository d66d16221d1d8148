import { expect, type Locator, type Page } from '@playwright/test';

/** The home view, driven as a user would: by what is on screen, located by data-testid. */
export class HomePage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByTestId('home-view')).toBeVisible();
  }

  async goHome(): Promise<void> {
    await this.page.getByTestId('nav-home').click();
    await expect(this.page.getByTestId('home-view')).toBeVisible();
  }

  get families(): Locator {
    return this.page.locator('[data-testid^="home-family-"]');
  }

  get variables(): Locator {
    return this.page.locator('li[data-testid^="variable-"]');
  }

  family(id: string): Locator {
    return this.page.getByTestId(`home-family-${id}`);
  }

  variable(id: string): Locator {
    return this.page.getByTestId(`variable-${id}`);
  }

  status(variableId: string): Locator {
    return this.page.getByTestId(`variable-status-${variableId}`);
  }

  completeness(variableId: string): Locator {
    return this.page.getByTestId(`variable-completeness-${variableId}`);
  }

  createButton(variableId: string): Locator {
    return this.page.getByTestId(`create-sheet-${variableId}`);
  }

  damaged(variableId: string): Locator {
    return this.page.getByTestId(`damaged-${variableId}`);
  }

  async openSheet(variableId: string): Promise<void> {
    await this.variable(variableId).getByRole('link').click();
    await expect(this.page.getByTestId('sheet-view')).toBeVisible();
  }

  async createSheet(variableId: string): Promise<void> {
    await this.createButton(variableId).click();
    await expect(this.page.getByTestId('sheet-view')).toBeVisible();
  }

  /** Opens the family's form and submits a name; `typed` types it key by key, else pastes it. */
  async addVariable(familyId: string, name: string, { typed = false } = {}): Promise<void> {
    await this.page.getByTestId(`add-variable-${familyId}`).click();
    const input = this.page.getByTestId(`add-variable-name-${familyId}`);
    if (typed) await input.pressSequentially(name);
    else await input.fill(name);
    await this.page.getByTestId(`add-variable-submit-${familyId}`).click();
  }

  addVariableError(familyId: string): Locator {
    return this.page.getByTestId(`add-variable-error-${familyId}`);
  }

  trashEntry(sheetId: string): Locator {
    return this.page.getByTestId('trash-panel').locator(`[data-sheet-id="${sheetId}"]`);
  }

  async restore(sheetId: string): Promise<void> {
    await this.trashEntry(sheetId).getByRole('button', { name: 'Restaurer' }).click();
  }
}
