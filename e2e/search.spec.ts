// Search and filters on the board, walked in the browser shell: a two-character Japanese term, a phrase,
// an exclusion, a filter that survives a reload (it lives in the address beside the launch token), a
// saved view and the table view.
import { resolve } from 'node:path';
import { test, expect, type Page } from './fixtures.js';

const SAMPLES = resolve('../shared/samples');
const UTF8_CSV = `${SAMPLES}/cdns-2019-12.utf8-bom.csv`;
const ATOM = `${SAMPLES}/casebook-2023-07.atom`;
const IBARAKI = '茨城県発達障害者支援センターにおける個人情報の漏洩について';
const LIFEISTECH = '申込者宛当選メール誤送信による個人情報漏洩に係るお知らせとお詫び';

/** The "N 件 / 全 M 件" line of the filter bar, as N, once the board or table has finished loading. */
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

async function searchFor(page: Page, text: string): Promise<void> {
  await page.getByRole('searchbox', { name: '検索' }).fill(text);
  // The board follows 200 ms after the last key; the address changes when the load starts.
  await expect.poll(() => queryInUrl(page)['text']).toBe(text);
}

test('search: a 2-character term, a phrase, an exclusion; filters survive a reload; saved view; table', async ({ board, page, offsiteRequests }) => {
  // Import, background fact reading and a dozen reloads on a shared 2-core machine.
  test.setTimeout(180_000);
  await board.importFiles([UTF8_CSV, ATOM]);
  // Two files on a machine shared with other work: give the import more than the default 5 s.
  await expect(page.getByRole('dialog', { name: '取り込み結果' })).toBeVisible({ timeout: 30_000 });
  await board.expectImportResult(/取り込み \d+件/);
  const all = await matching(page);
  expect(all).toBeGreaterThan(20);

  // 漏洩: two characters, found in titles (marked) and in bodies.
  await searchFor(page, '漏洩');
  const ibaraki = page.getByRole('button', { name: new RegExp(IBARAKI) });
  await expect(ibaraki).toBeVisible();
  await expect(ibaraki.locator('mark').first()).toHaveText('漏洩');
  await expect(page.getByRole('button', { name: new RegExp(LIFEISTECH) })).toBeVisible();
  const leaks = await matching(page);
  expect(leaks).toBeGreaterThanOrEqual(2);
  expect(leaks).toBeLessThan(all);
  await board.screenshot('30-search-hits');

  // A phrase finds the words only next to each other: no more than the words anywhere.
  await searchFor(page, '個人情報 漏洩');
  const words = await matching(page);
  await searchFor(page, '"個人情報の漏洩"');
  await expect(ibaraki).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(LIFEISTECH) })).toBeHidden();
  expect(await matching(page)).toBeLessThan(words);

  // An exclusion drops what contains the word.
  await searchFor(page, '漏洩 -茨城');
  await expect(page.getByRole('button', { name: new RegExp(LIFEISTECH) })).toBeVisible();
  await expect(ibaraki).toBeHidden();
  expect(await matching(page)).toBe(leaks - 1);

  await page.getByRole('button', { name: '条件をクリア' }).click();
  await expect(page.getByRole('searchbox', { name: '検索' })).toHaveValue('');

  // Facts are read in the background after the import; a reload shows them once they are there.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('listitem').getByText('インシデント', { exact: true }).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 45_000 });

  // A filter and a sort, then a reload: both come back from the address, and the token is not in it.
  // The kind filter is a checkbox list behind a button (e2e/filters.spec.ts walks it in full).
  await page.getByRole('button', { name: /^種別 / }).click();
  await page.getByRole('group', { name: '種別', exact: true }).getByRole('checkbox', { name: 'インシデント' }).check();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '古い順' }).click();
  await expect.poll(() => queryInUrl(page)).toEqual({ kinds: ['incident'], sort: 'date_asc' });
  const incidents = await matching(page);
  expect(incidents).toBeGreaterThan(0);
  expect(incidents).toBeLessThan(all);
  await page.reload();
  await expect(page.getByRole('button', { name: /^種別 インシデント/ })).toBeVisible();
  await expect(page.getByRole('button', { name: '古い順' })).toHaveAttribute('aria-pressed', 'true');
  expect(await matching(page)).toBe(incidents);
  expect(page.url()).not.toContain('token=');
  await board.screenshot('31-filter-restored');

  // Saved view: save, clear, apply.
  await page.getByLabel('ビューの名前').fill('インシデント・古い順');
  await page.getByRole('button', { name: 'ビューを保存' }).click();
  await page.getByRole('button', { name: '条件をクリア' }).click();
  await expect(page.getByRole('button', { name: /^種別 すべて/ })).toBeVisible();
  await expect.poll(() => matching(page)).toBe(all);
  await page.getByLabel('保存したビュー').selectOption({ label: 'インシデント・古い順' });
  await expect(page.getByRole('button', { name: /^種別 インシデント/ })).toBeVisible();
  await expect.poll(() => matching(page)).toBe(incidents);

  // The table: same filters, sortable headers.
  await page.getByRole('button', { name: '表', exact: true }).click();
  // A virtualized grid (e2e/table.spec.ts): every match counted, the rows in view rendered.
  const table = page.getByRole('grid');
  await expect(table).toHaveAttribute('aria-rowcount', String(incidents + 1));
  await expect(table.locator('tbody tr[data-item-id]').first()).toBeVisible();
  await table.getByRole('button', { name: /^タイトル/ }).click();
  await expect(table.getByRole('columnheader', { name: /^タイトル/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.locator('tbody tr[aria-busy="true"]')).toHaveCount(0);
  const titles = await table.locator('tbody tr[data-item-id] td:first-child').allTextContents();
  expect(titles).toEqual([...titles].sort());
  await board.screenshot('32-table-view');

  expect(offsiteRequests).toEqual([]);
});
