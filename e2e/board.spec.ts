// The first real path, walked as an officer walks it: import → board → move → restart → still moved.
import { resolve } from 'node:path';
import { test, expect } from './fixtures.js';

const SAMPLES = resolve('../shared/samples');
const UTF8_CSV = `${SAMPLES}/cdns-2019-12.utf8-bom.csv`;
const SJIS_CSV = `${SAMPLES}/cdns-2019-12.sjis.csv`;

test('an empty board explains what to do and loads the demo data', async ({ board, page }) => {
  await expect(page.getByText(/CSV/).first()).toBeVisible();
  await board.screenshot('01-empty-board');
  await board.loadDemo();
  await board.expectCount('new', 20);
  await board.screenshot('02-demo-board');
});

test('import a CSV, move a card by keyboard and one by drag, reload: still moved', async ({ board, page, offsiteRequests }) => {
  await board.importFiles([UTF8_CSV]);
  await board.expectImportResult(/取り込み 20件・重複 0件・更新 0件・失敗 0件/);
  await board.expectCount('new', 20);

  // Keyboard: focus a card, Shift+→ moves it to 確認中.
  const emotet = board.card('new', 'マルウエアEmotetの感染に関する注意喚起');
  await emotet.focus();
  await page.keyboard.press('Shift+ArrowRight');
  await board.expectCount('triage', 1);
  await expect(board.card('triage', 'マルウエアEmotetの感染に関する注意喚起')).toBeFocused();

  // Drag: another card onto the 要周知 column.
  const source = board.card('new', '「Emotet」感染で不正メール送信');
  const target = board.column('action');
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('card or column not laid out');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 15 });
  await page.mouse.up();
  await board.expectCount('action', 1);
  await board.expectCount('new', 18);
  await board.screenshot('03-after-moves');

  await page.reload();
  await board.expectCount('triage', 1);
  await board.expectCount('action', 1);
  await board.expectCount('new', 18);

  // The detail panel shows the history of the move.
  await board.card('triage', 'マルウエアEmotetの感染に関する注意喚起').click();
  const detail = page.getByRole('dialog', { name: '詳細' });
  await expect(detail).toContainText('JPCERT');
  await expect(detail).toContainText('確認中');
  await board.screenshot('04-detail');
  expect(offsiteRequests).toEqual([]);
});

test('the Shift_JIS twin gives the same 20 cards, and a re-import adds nothing', async ({ board }) => {
  await board.importFiles([SJIS_CSV]);
  await board.expectImportResult(/取り込み 20件/);
  await board.expectCount('new', 20);
  await board.importFiles([SJIS_CSV]);
  await board.expectImportResult(/取り込み 0件・重複 20件/);
  await board.expectCount('new', 20);
});

test('F12 the RSS feed of the same month adds no card; RDF and Atom feeds import', async ({ board }) => {
  await board.importFiles([UTF8_CSV]);
  await board.expectImportResult(/取り込み 20件/);
  await board.importFiles([`${SAMPLES}/cdns-2019-12.rss`]);
  await board.expectImportResult(/取り込み 0件・重複 20件・更新 0件・失敗 0件/);
  await board.importFiles([`${SAMPLES}/leak-articles.rdf`, `${SAMPLES}/casebook-2023-07.atom`]);
  await board.expectImportResult(/取り込み 18件/);
  await board.expectCount('new', 38);
  await board.screenshot('07-feeds-imported');
});

test('undo puts a moved card back', async ({ board, page }) => {
  await board.loadDemo();
  const card = board.cards('new').first().getByRole('button').first();
  await card.focus();
  await page.keyboard.press('4');
  await board.expectCount('notified', 1);
  await page.keyboard.press('Control+z');
  await board.expectCount('notified', 0);
  await board.expectCount('new', 20);
});

test('search narrows the board; English is one click away', async ({ board, page }) => {
  await board.loadDemo();
  // Only one demo item names this organisation.
  await board.search.fill('サンウェル');
  await expect(board.cards('new')).toHaveCount(1);
  await expect(board.cards('new').first()).toContainText('「Emotet」感染で不正メール送信');
  await board.search.fill('該当なしの語句ZZZ');
  await expect(board.cards('new')).toHaveCount(0);
  await board.search.fill('');
  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.getByRole('region', { name: /^New/ })).toBeVisible();
});
