// The import history: every import listed, and an import undone without touching triaged work.
import { resolve } from 'node:path';
import { test, expect } from './fixtures.js';

const UTF8_CSV = resolve('../shared/samples/cdns-2019-12.utf8-bom.csv');

test('undo an import: untouched items go, a triaged one stays', async ({ board, page }) => {
  await board.importFiles([UTF8_CSV]);
  await board.expectImportResult(/取り込み 20件/);
  await board.card('new', 'マルウエアEmotetの感染に関する注意喚起').focus();
  await page.keyboard.press('2');
  await board.expectCount('triage', 1);

  await page.getByRole('button', { name: '取り込み履歴' }).click();
  const history = page.getByRole('dialog', { name: '取り込み履歴' });
  await expect(history.getByRole('table')).toContainText('cdns-2019-12.utf8-bom.csv');
  await expect(history.getByRole('table')).toContainText('取り込み 20');
  await board.screenshot('06-import-history');
  page.once('dialog', (d) => void d.accept());
  await history.getByRole('button', { name: 'cdns-2019-12.utf8-bom.csv の取り込みを取り消す' }).click();
  await expect(history.getByRole('status')).toContainText('19件を削除しました（1件はトリアージ済みのため残しました）');
  await expect(history).toContainText('取り消し済み');
  await history.getByRole('button', { name: '閉じる' }).click();

  await board.expectCount('new', 0);
  await board.expectCount('triage', 1);
});
