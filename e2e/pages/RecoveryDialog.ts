import type { Locator, Page } from '@playwright/test';

/** The offer of edits the browser kept because the host never acknowledged them. */
export class RecoveryDialog {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByTestId('recovery-dialog');
  }

  get lead(): Locator {
    return this.page.getByTestId('recovery-lead');
  }

  get comparison(): Locator {
    return this.page.getByTestId('recovery-comparison');
  }

  /** Words the recovery would add, as the comparison marks them. */
  get insertedWords(): Locator {
    return this.comparison.locator('ins');
  }

  /** Said when the host's content changed since the edits were typed. */
  get newerWarning(): Locator {
    return this.page.getByTestId('recovery-warning');
  }

  part(historyKey: string): Locator {
    return this.page.getByTestId(`recovery-part-${historyKey}`);
  }

  async take(): Promise<void> {
    await this.page.getByTestId('recovery-take').click();
  }

  async giveUp(): Promise<void> {
    await this.page.getByTestId('recovery-discard').click();
  }
}
