// Filters combined freely in the browser shell: several kinds, a source and a status chosen from their
// checkbox lists, shown as chips; the same result after a reload of the address and from a saved view;
// 続報あり and 続報なし splitting the board; the search hits marked in the open item beside the fact
// evidence, stepped through with n; and a tag added in the detail chosen in the tag filter.
import { resolve } from 'node:path';
import { test, expect, type Page } from './fixtures.js';

const SAMPLES = resolve('../shared/samples');
const UTF8_CSV = `${SAMPLES}/cdns-2019-12.utf8-bom.csv`;
const ATOM = `${SAMPLES}/casebook-2023-07.atom`;
const IBARAKI = '茨城県発達障害者支援センターにおける個人情報の漏洩について';

/** The "N 件 / 全 M 件" line of the filter bar, as N, once the board has finished loading. */
async function matching(page: Page): Promise<number> {
  const summary = page.getByTestId('matching');
  await expect(summary).toHaveAttribute('aria-busy', 'false');
  const text = (await summary.textContent()) ?? '';
  return Number(text.split('件')[0]?.replace(/[^\d]/g, ''));
}

/** The query the address carries (`#board=<json>`), or {} when none. */
function queryInUrl(page: Page): Record<string, unknown> {
  const raw = new URLSearchParams(new URL(page.url()).hash.slice(1)).get('board');
  return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
}

/** Opens a multi-value filter by its button, ticks the choices (by their accessible names), closes it with Escape. */
async function choose(page: Page, filter: string, choices: (string | RegExp)[]): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${filter} `) }).click();
  const list = page.getByRole('group', { name: filter, exact: true });
  for (const choice of choices) await list.getByRole('checkbox', { name: choice }).check();
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
}

function chips(page: Page) {
  return page.getByRole('group', { name: '絞り込み条件' }).getByRole('button', { name: /を外す$/ });
}

test('filters: combined, shown as chips, restored by a reload and by a saved view; 続報; detail hits', async ({ board, page, offsiteRequests }) => {
  // Import, background fact reading and a dozen reloads on a shared 2-core machine.
  test.setTimeout(180_000);
  await board.importFiles([UTF8_CSV, ATOM]);
  await expect(page.getByRole('dialog', { name: '取り込み結果' })).toBeVisible({ timeout: 30_000 });
  await board.expectImportResult(/取り込み \d+件/);
  const all = await matching(page);
  expect(all).toBeGreaterThan(20);
  // Facts are read in the background after the import; a reload shows them once they are there.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('listitem').getByText('インシデント', { exact: true }).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 45_000 });

  // Two kinds, one source, one status: each narrows, all combine, the address follows.
  await choose(page, '種別', ['インシデント', '注意喚起']);
  await expect.poll(() => queryInUrl(page)).toEqual({ kinds: ['incident', 'advisory'] });
  const twoKinds = await matching(page);
  expect(twoKinds).toBeGreaterThan(0);
  expect(twoKinds).toBeLessThan(all);
  await page.getByRole('button', { name: /^情報源 / }).click();
  const sources = page.getByRole('group', { name: '情報源', exact: true }).getByRole('checkbox');
  await expect(sources.first()).toBeVisible();
  // Each source is listed with how many items it has; the first is the largest.
  const firstSource = (await sources.first().locator('xpath=following-sibling::span[1]').textContent()) ?? '';
  expect(firstSource).not.toBe('');
  await sources.first().check();
  await board.screenshot('72-filter-list-open');
  await page.keyboard.press('Escape');
  await choose(page, '状態', ['新着']);
  await expect.poll(() => queryInUrl(page)).toEqual({ kinds: ['incident', 'advisory'], statuses: ['new'], sourceNames: [firstSource] });
  const combined = await matching(page);
  expect(combined).toBeGreaterThan(0);
  expect(combined).toBeLessThanOrEqual(twoKinds);
  await expect(chips(page)).toHaveText(['種別: インシデント×', '種別: 注意喚起×', '状態: 新着×', `情報源: ${firstSource}×`]);
  await expect(page.getByRole('button', { name: /^種別 インシデント ほか1件/ })).toBeVisible();

  // The same result after a reload of the address (the token is not in it).
  await page.reload();
  await expect(chips(page)).toHaveCount(4);
  expect(await matching(page)).toBe(combined);
  expect(page.url()).not.toContain('token=');

  // A saved view brings the whole combination back after 条件をクリア.
  await page.getByLabel('ビューの名前').fill('新着のインシデントと注意喚起');
  await page.getByRole('button', { name: 'ビューを保存' }).click();
  await page.getByRole('button', { name: '条件をクリア' }).click();
  await expect(chips(page)).toHaveCount(0);
  await expect.poll(() => matching(page)).toBe(all);
  await page.getByLabel('保存したビュー').selectOption({ label: '新着のインシデントと注意喚起' });
  await expect(chips(page)).toHaveCount(4);
  await expect.poll(() => matching(page)).toBe(combined);

  // A chip removes only its own value.
  await page.getByRole('button', { name: '種別: 注意喚起 を外す' }).click();
  await expect.poll(() => queryInUrl(page)['kinds']).toEqual(['incident']);
  await expect(chips(page)).toHaveCount(3);
  await page.getByRole('button', { name: '条件をクリア' }).click();

  // 続報あり and 続報なし split the board between them.
  const followUps = page.getByLabel('続報', { exact: true });
  await followUps.selectOption({ label: '続報あり' });
  await expect.poll(() => queryInUrl(page)).toEqual({ hasFollowUps: true });
  const chained = await matching(page);
  await followUps.selectOption({ label: '続報なし' });
  await expect.poll(() => queryInUrl(page)).toEqual({ hasFollowUps: false });
  expect(chained + (await matching(page))).toBe(all);
  await page.getByRole('button', { name: '条件をクリア' }).click();

  // The open item marks the search hits in its title and body, in their own style beside the evidence.
  await page.getByRole('searchbox', { name: '検索' }).fill('漏洩 -茨城県警');
  await expect.poll(() => queryInUrl(page)['text']).toBe('漏洩 -茨城県警');
  await page.getByRole('button', { name: new RegExp(IBARAKI) }).first().click();
  const detail = page.getByRole('dialog', { name: '詳細' });
  await expect(detail.getByRole('heading', { level: 2 }).locator('mark.search-hit')).toHaveText(['漏洩']);
  const bodyHits = detail.locator('.detail-body mark.search-hit');
  await expect(bodyHits.first()).toHaveText('漏洩');
  const count = await bodyHits.count();
  expect(count).toBeGreaterThan(0);
  await expect(detail.getByText(new RegExp(`検索語の一致 1 / \\d+`))).toBeVisible();
  await expect(detail.locator('.detail-body mark.search-hit--current')).toHaveAttribute('data-hit', '0');
  // The hit is in view: scrolled to when the item opened.
  await expect(detail.locator('.detail-body mark.search-hit--current').first()).toBeInViewport();
  const hitCount = Number((await detail.getByText(/検索語の一致/).textContent())?.match(/\/ (\d+)/)?.[1]);
  if (hitCount > 1) {
    await detail.getByRole('heading', { level: 2 }).press('n');
    await expect(detail.locator('.detail-body mark.search-hit--current').first()).toHaveAttribute('data-hit', '1');
    await expect(detail.locator('.detail-body mark.search-hit--current').first()).toBeInViewport();
  }
  // The imported text stays text: no element came from it.
  await expect(detail.locator('.detail-body img, .detail-body script')).toHaveCount(0);
  await board.screenshot('71-detail-hits');

  // A tag added in the detail is a choice of the tag filter (tags.list), any of the chosen tags.
  const tags = detail.getByRole('region', { name: 'タグ' });
  const tagInput = tags.getByRole('combobox', { name: 'タグを追加' });
  await tagInput.fill('要確認');
  await tagInput.press('Enter');
  await expect(tags.getByRole('listitem').filter({ hasText: '要確認' })).toBeVisible();
  // The drawer covers the right of the filter bar: closed, as the officer would to filter.
  await detail.getByRole('button', { name: '閉じる' }).click();
  await expect(detail).toBeHidden();
  await choose(page, 'タグ', [/^要確認/]);
  await expect.poll(() => queryInUrl(page)['tags']).toEqual(['要確認']);
  await expect.poll(() => matching(page)).toBe(1);
  await choose(page, '種別', ['インシデント']);
  await expect.poll(() => queryInUrl(page)['kinds']).toEqual(['incident']);
  expect(await matching(page)).toBe(1);
  await expect(chips(page)).toHaveText(['種別: インシデント×', 'タグ: 要確認×']);
  await board.screenshot('70-filters');

  expect(offsiteRequests).toEqual([]);
});
