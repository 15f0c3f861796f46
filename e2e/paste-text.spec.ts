// H6: text pasted from a news page is split into items; pasted markup stays inert text.
import { test, expect } from './fixtures.js';

test('paste a list of notices and get one card per notice', async ({ board, page }) => {
  await page.getByRole('button', { name: 'テキストを貼り付け' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'テキストを貼り付けて取り込む' });
  const text = [
    '2023年7月3日',
    '株式会社テスト商事 不正アクセスによる個人情報流出のお知らせ',
    '当社サーバーへの不正アクセスにより、顧客情報が流出した可能性があります。',
    '',
    '2023年7月5日',
    '〇〇市 メール誤送信について <img src=x onerror="window.__pwn=1">',
    '職員が市民あてのメールを誤った宛先に送信しました。',
  ].join('\n');
  await dialog.getByLabel('貼り付けるテキスト').fill(text);
  await dialog.getByRole('button', { name: '取り込む' }).click();
  await board.expectImportResult(/取り込み 2件/);
  await board.expectCount('new', 2);
  await expect(board.column('new')).toContainText('<img src=x');
  expect(await page.evaluate('typeof window.__pwn')).toBe('undefined');
  await board.screenshot('08-pasted-text');
});
