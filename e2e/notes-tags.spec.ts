// #5 (the detail): a note in Markdown rendered safely, tags added and removed from the keyboard, two items
// linked and opened from each other, and the history of it all exported as CSV for Excel.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { test, expect } from './fixtures.js';

const FIRST = 'A社 不正アクセスによる個人情報漏えいのお知らせ';
const FOLLOW_UP = 'A社 不正アクセスに関する続報';
const NOTE = '**重要** 初報を確認。\n\n<script>window.__pwned = 1</script>\n\n[危険](javascript:window.__pwned=2) [公式発表](https://example.jp/news)';

test('note, tags and related items in the detail, and their history exported as CSV', async ({ board, page, shell, offsiteRequests }) => {
  const csv = join(shell.dir, 'a.csv');
  writeFileSync(csv, `title,date,body\n${FIRST},2023-07-01,初報の本文\n${FOLLOW_UP},2023-07-10,続報の本文\n`);
  await board.importFiles([csv]);
  // The reader process starts cold; on a busy machine that alone can take longer than expect's default.
  await expect(page.getByRole('dialog', { name: '取り込み結果' })).toBeVisible({ timeout: 30_000 });
  await board.expectImportResult(/取り込み 2件/);
  await board.card('new', FIRST).click();
  const detail = page.getByRole('dialog', { name: '詳細' });

  // メモ: bold renders, the script stays text and never runs, the javascript: link is not a link.
  const note = detail.getByRole('region', { name: 'メモ' });
  await note.getByRole('button', { name: 'メモを書く' }).click();
  await note.getByLabel('メモ (Markdown)').fill(NOTE);
  await expect(note.getByRole('region', { name: 'プレビュー' }).locator('strong')).toHaveText('重要');
  await note.getByRole('button', { name: '保存' }).click();
  const rendered = note.locator('.note-body');
  await expect(rendered.locator('strong')).toHaveText('重要');
  await expect(rendered).toContainText('<script>window.__pwned = 1</script>');
  await expect(rendered).toContainText('[危険](javascript:window.__pwned=2)');
  await expect(rendered.locator('script, a, img, iframe')).toHaveCount(0);
  await expect(rendered.getByRole('button', { name: '危険' })).toHaveCount(0);
  await expect(rendered.getByRole('button', { name: '公式発表' })).toBeVisible();
  expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
  await rendered.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/artifacts/screenshots/51-note-markdown.png' });
  // The http link asks first; declining opens nothing.
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('https://example.jp/news');
    void dialog.dismiss();
  });
  await rendered.getByRole('button', { name: '公式発表' }).click();

  // タグ: typed and added with Enter, then one removed with its button.
  const tags = detail.getByRole('region', { name: 'タグ' });
  const tagInput = tags.getByRole('combobox', { name: 'タグを追加' });
  await tagInput.fill('要確認');
  await tagInput.press('Enter');
  await expect(tags.getByRole('listitem').filter({ hasText: '要確認' })).toBeVisible();
  await tagInput.fill('ＡＰＰＩ');
  await tagInput.press('Enter');
  await expect(tags.getByRole('listitem').filter({ hasText: 'APPI' })).toBeVisible(); // NFKC: full-width folded
  await tags.getByRole('button', { name: 'タグ「要確認」を外す' }).click();
  await expect(tags.getByRole('listitem')).toHaveCount(1);

  // 関連項目: found by a title word, linked, opened from the list; the link shows from the other end.
  const related = detail.getByRole('region', { name: '関連項目' });
  await related.getByRole('searchbox', { name: '関連付ける項目を検索' }).fill('続報');
  await related.getByRole('button', { name: `「${FOLLOW_UP}」を関連付ける` }).click();
  await expect(related.getByRole('button', { name: `「${FOLLOW_UP}」を開く` })).toBeVisible();
  await expect(detail).toContainText('関連項目: (なし) → #');
  await expect(detail).toContainText('タグ: APPI, 要確認 → APPI');
  await board.screenshot('50-notes-tags-related');
  await related.getByRole('button', { name: `「${FOLLOW_UP}」を開く` }).click();
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(FOLLOW_UP);
  await expect(related.getByRole('button', { name: `「${FIRST}」を開く` })).toBeVisible();
  await related.getByRole('button', { name: `「${FIRST}」を開く` }).click();
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(FIRST);

  // The history of this item as CSV: BOM, header, the note, the tag changes and the link, who and when.
  const downloading = page.waitForEvent('download');
  await detail.getByRole('button', { name: '履歴をCSVで書き出す' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^history_item-\d+\.csv$/);
  const path = join(shell.dir, download.suggestedFilename());
  await download.saveAs(path);
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('\uFEFF"changedAt","changedBy","itemId","itemTitle","field","from","to"\r\n')).toBe(true);
  const [header, ...rows] = parse(text.slice(1)) as string[][];
  expect(header).toEqual(['changedAt', 'changedBy', 'itemId', 'itemTitle', 'field', 'from', 'to']);
  expect(rows.map((r) => r[4])).toEqual(['status', 'note', 'tags', 'tags', 'tags', 'related']);
  expect(rows.every((r) => r[3] === FIRST && /^\d{4}-\d{2}-\d{2}T/.test(r[0] ?? '') && (r[1] ?? '') !== '')).toBe(true);
  expect(rows[1]?.slice(5)).toEqual(['', NOTE]);
  expect(rows.slice(2, 5).map((r) => r.slice(5))).toEqual([
    ['', '要確認'],
    ['要確認', 'APPI; 要確認'],
    ['APPI; 要確認', 'APPI'],
  ]);
  expect(rows[5]?.[6]).toMatch(/^\d+$/);

  // The whole database's history from the header (the drawer covers it while open).
  await detail.getByRole('button', { name: '閉じる' }).click();
  const all = page.waitForEvent('download');
  await page.getByRole('button', { name: '変更履歴CSV' }).click();
  expect((await all).suggestedFilename()).toBe('history.csv');
  expect(offsiteRequests).toEqual([]);
});
