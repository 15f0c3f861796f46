// The board as a user sees it: found by roles and accessible names, never by CSS classes.
import { expect, type Locator, type Page } from '@playwright/test';

export const STATUS_LABELS = { new: '新着', triage: '確認中', action: '要周知', notified: '周知済', dismissed: '対象外' } as const;
export type StatusKey = keyof typeof STATUS_LABELS;

export class BoardPage {
  constructor(readonly page: Page) {}

  column(status: StatusKey): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${STATUS_LABELS[status]}`) });
  }

  cards(status: StatusKey): Locator {
    return this.column(status).getByRole('listitem');
  }

  card(status: StatusKey, title: string): Locator {
    return this.column(status).getByRole('button', { name: new RegExp(escapeRegExp(title)) }).first();
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: '検索' });
  }

  get fileInput(): Locator {
    return this.page.getByLabel('取り込むファイル');
  }

  async importFiles(paths: string[]): Promise<void> {
    await this.fileInput.setInputFiles(paths);
  }

  /** Checks the import result dialog's summary line, then closes it. */
  async expectImportResult(summary: RegExp): Promise<void> {
    const result = this.page.getByRole('dialog', { name: '取り込み結果' });
    // The first import of a session also starts the parser process: give a loaded machine time.
    await expect(result).toContainText(summary, { timeout: 30_000 });
    await result.getByRole('button', { name: '閉じる' }).click();
    await expect(result).toBeHidden();
  }

  async loadDemo(): Promise<void> {
    await this.page.getByRole('button', { name: 'デモデータを読み込む' }).click();
  }

  /**
   * The column holds `count` cards. Columns are virtualized (only the cards in view are in the DOM), so the
   * cards say how many the whole column has (aria-setsize) rather than being counted.
   */
  async expectCount(status: StatusKey, count: number): Promise<void> {
    if (count === 0) await expect(this.cards(status)).toHaveCount(0);
    else await expect(this.cards(status).first()).toHaveAttribute('aria-setsize', String(count));
    await expect(this.column(status)).toHaveAccessibleName(new RegExp(`${count}`));
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `e2e/artifacts/screenshots/${name}.png`, fullPage: true });
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
