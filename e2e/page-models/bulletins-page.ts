// The bulletins dialog as a user sees it: found by roles, labels and accessible names.
import { expect, type Locator, type Page } from '@playwright/test';

export class BulletinsPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: '周知文書' });
  }

  field(label: '件名' | '日付' | '発行部署' | '宛先' | '区分' | '本文 (Markdown)'): Locator {
    return this.dialog.getByLabel(label, { exact: true });
  }

  button(name: string): Locator {
    return this.dialog.getByRole('button', { name, exact: true });
  }

  get status(): Locator {
    return this.dialog.getByRole('status');
  }

  get preview(): Locator {
    return this.dialog.locator('iframe[title="印刷プレビュー"]');
  }

  /** The preview's document (a sandboxed srcdoc frame). */
  get previewBody(): Locator {
    return this.page.frameLocator('iframe[title="印刷プレビュー"]').locator('body');
  }

  async expectState(label: '下書き' | '承認済' | '発行済'): Promise<void> {
    await expect(this.dialog.locator('.bulletin-editor-head')).toContainText(label);
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `e2e/artifacts/screenshots/${name}.png`, fullPage: true });
  }
}
