// Scale (issue #5): 3,000 items imported through the UI from a generated CSV; the board's columns and the
// table are virtualized, so the DOM holds far fewer cards and rows than match, and both still reach the
// last item by scrolling. The table sorts by a header and its columns resize by drag and by keyboard.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Page } from './fixtures.js';

const ITEMS = 3_000;
const ORGS = ['株式会社さくら通信', '北海市役所', '青葉大学', '港町信用金庫', '東西物流株式会社', '南山病院'];
const WHAT = ['不正アクセスによる個人情報漏洩のお知らせ', 'メール誤送信に関するお詫び', 'ランサムウェア被害について', '脆弱性に関する注意喚起'];

/** A CSV of `count` distinct items, one day apart, titles numbered so a title sort has a known first and last. */
function writeCsv(path: string, count: number): void {
  const lines = ['日付,タイトル,本文,組織'];
  const start = Date.UTC(2016, 0, 1);
  for (let i = 1; i <= count; i++) {
    const org = ORGS[i % ORGS.length] ?? '';
    const title = `${WHAT[i % WHAT.length] ?? ''}（第${String(i).padStart(5, '0')}号）`;
    const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${day},${title},${org}で事案${i}が確認されました。詳細は調査中です。,${org}`);
  }
  writeFileSync(path, `${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Scrolls an element (found by a CSS selector inside `scope`) to its bottom, as a user dragging the scrollbar would. */
async function scrollToBottom(page: Page, selector: string): Promise<void> {
  await page.locator(selector).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
}

test('3,000 items: virtualized board column and table, sort, resize by drag and keyboard', async ({ board, page, shell, offsiteRequests }) => {
  test.setTimeout(240_000);
  const csv = join(shell.dir, 'many-items.csv');
  writeCsv(csv, ITEMS);
  await board.importFiles([csv]);
  await expect(page.getByRole('dialog', { name: '取り込み結果' })).toBeVisible({ timeout: 180_000 });
  await board.expectImportResult(/取り込み 3,?000件/);

  // The board: 新着 holds every item, its first page loaded and only the cards in view rendered.
  const column = board.column('new');
  await expect(column).toHaveAccessibleName(/3000/);
  await expect(column.getByText('3,000件中 50件')).toBeVisible();
  const renderedCards = await board.cards('new').count();
  expect(renderedCards).toBeGreaterThan(0);
  expect(renderedCards).toBeLessThan(40);
  // Scrolling to the end loads the next pages (150 each). The board may reload meanwhile (main reads the
  // facts of the 3,000 new items in the background and the board follows), which starts the column at its
  // first page again: scroll until two more pages are there, rather than counting on one scroll per page.
  const loaded = async () => Number(((await column.locator('.column-shown').textContent()) ?? '').match(/中 ([\d,]+)件/)?.[1]?.replace(/,/g, '') ?? 0);
  await expect
    .poll(async () => {
      await scrollToBottom(page, '[data-status="new"] .column-scroll');
      return loaded();
    }, { timeout: 60_000, intervals: [500] })
    .toBeGreaterThanOrEqual(350);
  await expect(column.getByText(/^3,000件中 \d{3}件$/)).toBeVisible();
  expect(await board.cards('new').count()).toBeLessThan(40);
  await board.screenshot('81-board-scrolled');

  // A card in view, deep in the scrolled column, still drags to another column.
  const viewport = await page.locator('[data-status="new"] .column-scroll').boundingBox();
  let from: { x: number; y: number; width: number; height: number } | null = null;
  for (const item of await column.getByRole('listitem').all()) {
    const box = await item.getByRole('button').first().boundingBox();
    // The overscan renders cards just outside the scrollport too: take one fully in view.
    if (box && viewport && box.y >= viewport.y && box.y + box.height <= viewport.y + viewport.height) {
      from = box;
      break;
    }
  }
  const to = await board.column('triage').boundingBox();
  if (!from || !to) throw new Error('card or column not laid out');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 15 });
  await page.mouse.up();
  await board.expectCount('triage', 1);

  // The column remembers where it was for this query: a card in view now is in view again after a reload.
  let inView = '';
  for (const item of await column.getByRole('listitem').all()) {
    const box = await item.boundingBox();
    if (box && viewport && box.y >= viewport.y && box.y + box.height <= viewport.y + viewport.height) {
      inView = (await item.getByRole('button').first().getAttribute('data-card-id')) ?? '';
      break;
    }
  }
  expect(inView).not.toBe('');
  await page.reload();
  await expect(column.locator(`[data-card-id="${inView}"]`)).toBeInViewport();

  // The table: one grid of every match, the rows in view in the DOM.
  await page.getByRole('button', { name: '表', exact: true }).click();
  const grid = page.getByRole('grid');
  await expect(grid).toHaveAttribute('aria-rowcount', String(ITEMS + 1));
  await expect(grid.locator('tbody tr[data-item-id]').first()).toBeVisible();
  const renderedRows = await grid.locator('tbody tr').count();
  expect(renderedRows).toBeGreaterThan(5);
  expect(renderedRows).toBeLessThan(100);

  // Sort by title: the first row is the smallest title.
  await grid.getByRole('button', { name: /^タイトル/ }).click();
  await expect(grid.getByRole('columnheader', { name: /^タイトル/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(grid.locator('tbody tr[aria-rowindex="2"] td').first()).toContainText('（第00001号）');

  // Scrolling to the end reaches the last row (fetched by its offset window, not by loading all before it).
  await scrollToBottom(page, '.table-scroll');
  const lastRow = grid.locator(`tbody tr[aria-rowindex="${ITEMS + 1}"]`);
  await expect(lastRow).toHaveAttribute('data-item-id', /\d+/);
  await expect(lastRow.locator('td').first()).toContainText('（第02999号）');
  expect(await grid.locator('tbody tr').count()).toBeLessThan(100);

  // Resize the title column by dragging its header edge.
  const titleEdge = grid.getByRole('separator', { name: 'タイトルの列幅' });
  const before = Number(await titleEdge.getAttribute('aria-valuenow'));
  const edge = await titleEdge.boundingBox();
  if (!edge) throw new Error('resize handle not laid out');
  await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
  await page.mouse.down();
  await page.mouse.move(edge.x + edge.width / 2 + 60, edge.y + edge.height / 2, { steps: 6 });
  await page.mouse.move(edge.x + edge.width / 2 + 120, edge.y + edge.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect(titleEdge).toHaveAttribute('aria-valuenow', String(before + 120));
  const titleHeader = grid.getByRole('columnheader', { name: /^タイトル/ });
  expect(Math.round((await titleHeader.boundingBox())?.width ?? 0)).toBe(before + 120);

  // And the organisation column from the keyboard: two steps of 16 px.
  const orgEdge = grid.getByRole('separator', { name: '組織の列幅' });
  const orgBefore = Number(await orgEdge.getAttribute('aria-valuenow'));
  await orgEdge.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(orgEdge).toHaveAttribute('aria-valuenow', String(orgBefore + 32));
  await board.screenshot('80-table');

  // Enter on a row opens its detail.
  const row = grid.locator('tbody tr[data-item-id]').nth(2);
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: '詳細' })).toBeVisible();

  // Widths are remembered: after a reload the table opens as it was left.
  await page.reload();
  await page.getByRole('button', { name: '表', exact: true }).click();
  await expect(page.getByRole('separator', { name: 'タイトルの列幅' })).toHaveAttribute('aria-valuenow', String(before + 120));
  await expect(page.getByRole('separator', { name: '組織の列幅' })).toHaveAttribute('aria-valuenow', String(orgBefore + 32));

  expect(offsiteRequests).toEqual([]);
});
