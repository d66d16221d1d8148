import { expect, type Locator, type Page } from '@playwright/test';

/** The history of the open sheet: « Enregistrer une version… », the timeline, a revision, a comparison. */
export class HistoryPanel {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByTestId('history-panel');
  }

  get entries(): Locator {
    return this.panel.locator('li[data-testid^="history-entry-"]');
  }

  get screen(): Locator {
    return this.page.getByTestId('history-screen');
  }

  get compareView(): Locator {
    return this.page.getByTestId('compare-view');
  }

  get revisionView(): Locator {
    return this.page.getByTestId('revision-view');
  }

  /** Entries of one kind (named, auto, pre-restore, restore…), newest first. */
  entriesOfKind(kind: string): Locator {
    return this.panel.locator(`li[data-testid^="history-entry-"][data-kind="${kind}"]`);
  }

  async seqOf(entry: Locator): Promise<number> {
    const testId = (await entry.getAttribute('data-testid')) ?? '';
    return Number(testId.slice('history-entry-'.length));
  }

  /** Ctrl+S, as a user names a version, then the dialog. */
  async saveVersion(name: string, comment?: string): Promise<void> {
    await this.page.keyboard.press('Control+s');
    await this.fillVersionDialog(name, comment);
  }

  /** « Enregistrer une version… » of the history the panel shows (the family's on its tab): the dialog. */
  async openSaveVersionFromPanel(): Promise<Locator> {
    await this.panel.getByTestId('history-save-version').click();
    return this.page.getByTestId('save-version-dialog');
  }

  /** Names the version in the open dialog, and waits for « Version … enregistrée ». */
  async fillVersionDialog(name: string, comment?: string): Promise<void> {
    const dialog = this.page.getByTestId('save-version-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('save-version-name').fill(name);
    if (comment) await dialog.getByTestId('save-version-comment').fill(comment);
    await dialog.getByTestId('save-version-submit').click();
    await expect(this.page.getByTestId('save-version-done')).toContainText(name);
  }

  /** The timeline, or the message saying it has no entry yet: the history is read. */
  get loaded(): Locator {
    return this.panel.locator('[data-testid="history-timeline"], [data-testid="history-empty"]');
  }

  async open(): Promise<void> {
    if (!(await this.panel.isVisible())) await this.page.getByTestId('history-toggle').click();
    await expect(this.panel).toBeVisible();
    await expect(this.loaded).toBeVisible();
  }

  async close(): Promise<void> {
    await this.page.getByTestId('history-close').click();
    await expect(this.panel).toBeHidden();
  }

  /** « Modifier » the name versions are signed with, and the optional e-mail, then « Enregistrer ». */
  async setAuthor(name: string, email: string): Promise<void> {
    await this.panel.getByTestId('history-author-edit').click();
    await this.panel.getByTestId('history-author-input').fill(name);
    await this.panel.getByTestId('history-author-email-input').fill(email);
    await this.panel.getByTestId('history-author-save').click();
    await expect(this.panel.getByTestId('history-author-name')).toHaveText(name);
  }

  /** The sheet's own history, or its family's shared micro-scenarios'. */
  async showScope(scope: 'sheet' | 'family'): Promise<void> {
    await this.panel.getByTestId(`history-scope-${scope}`).click();
    await expect(this.panel.getByTestId(`history-scope-${scope}`)).toHaveAttribute('aria-selected', 'true');
    await expect(this.loaded).toBeVisible();
  }

  async setNamedOnly(on: boolean): Promise<void> {
    await this.panel.getByTestId('history-named-only').setChecked(on);
  }

  async compareWithCurrent(seq: number): Promise<void> {
    await this.panel.getByTestId(`history-select-${seq}`).check();
    await this.panel.getByTestId('history-compare-current').click();
    await expect(this.compareView).toBeVisible();
  }

  async openRevision(seq: number): Promise<void> {
    await this.panel.getByTestId(`history-open-${seq}`).click();
    await expect(this.revisionView).toBeVisible();
  }

  /** A changed part of the comparison, by its history key (`section/passe`). */
  comparedPart(key: string): Locator {
    return this.compareView.getByTestId(`compare-part-${key}`);
  }

  /** « Restaurer … de cette section » in the comparison, then the confirmation. */
  async restoreComparedPart(key: string): Promise<void> {
    await this.compareView.getByTestId(`compare-restore-${key}`).click();
    await this.page.getByTestId('confirm-ok').click();
    await expect(this.screen).toHaveCount(0);
  }

  async closeScreen(): Promise<void> {
    await this.page.getByTestId('history-screen-close').click();
    await expect(this.screen).toHaveCount(0);
  }
}
