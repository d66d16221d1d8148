import { expect, type Locator, type Page } from '@playwright/test';

/** The Relecture panel and what a reviewer does in the text: select, comment, answer, decide. */
export class ReviewPanel {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByTestId('review-panel');
  }

  get toggle(): Locator {
    return this.page.getByTestId('review-toggle');
  }

  get openCount(): Locator {
    return this.page.getByTestId('review-open-count');
  }

  get threads(): Locator {
    return this.panel.locator('li[data-testid^="thread-"]');
  }

  async open(): Promise<void> {
    if (!(await this.panel.isVisible())) await this.toggle.click();
    await expect(this.panel).toBeVisible();
  }

  /** « Importer une relecture Word… » with this file: its dialog opens. */
  async importWord(file: string): Promise<void> {
    await this.open();
    await this.page.getByTestId('review-import-input').setInputFiles(file);
  }

  /** The dialog « Importer une relecture Word » opens on: what the file holds, before anything is written. */
  get importDialog(): Locator {
    return this.page.getByTestId('review-import-dialog');
  }

  /** « Importer » in that dialog: the review lands, the dialog closes. */
  async applyImport(): Promise<void> {
    await this.importDialog.getByTestId('review-import-apply').click();
    await expect(this.importDialog).toBeHidden();
  }

  async close(): Promise<void> {
    await this.page.getByTestId('review-close').click();
    await expect(this.panel).toBeHidden();
  }

  /** The sheet's own review, or its family's shared micro-scenarios' (a sheet showing them has both tabs). */
  scopeTab(scope: 'sheet' | 'family'): Locator {
    return this.panel.getByTestId(`review-scope-${scope}`);
  }

  async showScope(scope: 'sheet' | 'family'): Promise<void> {
    await this.scopeTab(scope).click();
    await expect(this.scopeTab(scope)).toHaveAttribute('aria-selected', 'true');
  }

  /** The part's group of threads, by its history key (`section/passe`, `scenario/basse/title`…). */
  part(key: string): Locator {
    return this.panel.getByTestId(`review-part-${key}`);
  }

  /** The same thread, found by its id: it stays found when its quote changes. */
  async pinned(thread: Locator): Promise<Locator> {
    const testId = await thread.getAttribute('data-testid');
    if (!testId) throw new Error('a thread has its data-testid');
    return this.panel.getByTestId(testId);
  }

  /** The thread quoting `quote`. */
  thread(quote: string): Locator {
    return this.threads.filter({ has: this.page.getByTestId('thread-quote').filter({ hasText: quote }) });
  }

  /**
   * Selects `text` inside an editable element as the mouse would (the DOM selection,
   * which ProseMirror then reads), and waits until the editor has taken it.
   */
  async select(editable: Locator, text: string): Promise<void> {
    await editable.click();
    const found = await editable.evaluate((root, wanted) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      let all = '';
      while (walker.nextNode()) {
        nodes.push(walker.currentNode as Text);
        all += (walker.currentNode as Text).data;
      }
      const start = all.indexOf(wanted);
      if (start < 0) return false;
      const end = start + wanted.length;
      const range = document.createRange();
      let offset = 0;
      for (const node of nodes) {
        const next = offset + node.data.length;
        if (start >= offset && start <= next) range.setStart(node, start - offset);
        if (end >= offset && end <= next) {
          range.setEnd(node, end - offset);
          break;
        }
        offset = next;
      }
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return true;
    }, text);
    expect(found, `« ${text} » dans la partie`).toBe(true);
    await expect.poll(() => this.page.evaluate(() => String(window.getSelection()))).toBe(text);
  }

  /** Selects `text` in `editable`, then « Commenter » (the toolbar's button, or Ctrl+Alt+M) and posts `comment`. */
  async comment(
    editable: Locator,
    text: string,
    comment: string,
    via: 'toolbar' | 'shortcut' = 'toolbar',
  ): Promise<Locator> {
    await this.select(editable, text);
    if (via === 'toolbar') {
      const button = this.page.getByTestId('toolbar-comment');
      await expect(button).toBeEnabled();
      await button.click();
    } else {
      await this.page.keyboard.press('Control+Alt+m');
    }
    const composer = this.page.getByTestId('comment-composer');
    await expect(composer).toContainText(text);
    await composer.getByTestId('comment-new-text').fill(comment);
    await composer.getByTestId('comment-new-submit').click();
    await expect(composer).toBeHidden();
    const thread = this.thread(text);
    await expect(thread).toContainText(comment);
    return thread;
  }

  async reply(thread: Locator, text: string): Promise<void> {
    await thread.getByTestId('thread-reply').click();
    await thread.getByTestId('reply-form-text').fill(text);
    await thread.getByTestId('reply-form-submit').click();
    await expect(thread.getByTestId('reply-text').last()).toHaveText(text);
  }

  async resolve(thread: Locator): Promise<void> {
    await thread.getByTestId('thread-resolve').click();
  }

  async reopen(thread: Locator): Promise<void> {
    await thread.getByTestId('thread-reopen').click();
    await expect(thread).toHaveAttribute('data-state', 'open');
  }

  async setShowResolved(on: boolean): Promise<void> {
    const box = this.panel.getByTestId('review-show-resolved');
    if ((await box.isChecked()) !== on) await box.click();
  }

  /** Edits the thread's own comment (the first « Modifier »), or one of its replies. */
  async edit(owner: Locator, text: string): Promise<void> {
    await owner.getByTestId('thread-edit').first().click();
    const form = owner.locator('[data-testid$="edit-form"]');
    await form.locator('textarea').fill(text);
    await form.locator('button[type="submit"]').click();
    await expect(form).toBeHidden();
  }

  async delete(owner: Locator): Promise<void> {
    await owner.getByTestId('thread-delete').first().click();
    await this.page.getByTestId('confirm-ok').click();
  }

  suggestion(id: string): Locator {
    return this.panel.getByTestId(`suggestion-${id}`);
  }

  suggestionsOf(part: string): Locator {
    return this.panel.getByTestId(`suggestions-part-${part}`);
  }

  async decide(id: string, decision: 'accept' | 'reject'): Promise<void> {
    await this.suggestion(id).getByTestId(`suggestion-${decision}`).click();
    await expect(this.suggestion(id)).toHaveCount(0);
  }
}
