// Working fast (issue #5): triage by keyboard alone, then one bulk change of several cards undone in one step.
import type { BoardPage, StatusKey } from './page-models/board-page.js';
import { test, expect } from './fixtures.js';

const EMOTET = 'マルウエアEmotetの感染に関する注意喚起';

// Counted from the column's name (「新着 (20)」): a virtualized column keeps only the cards near the view
// in the DOM, so the list items are not the count.
async function expectColumnCount(board: BoardPage, status: StatusKey, count: number): Promise<void> {
  await expect(board.column(status)).toHaveAccessibleName(new RegExp(`\\(${count}\\)$`));
}

/** The i-th card of a column, as rendered (the cards are the column's buttons, in order). */
function cardAt(board: BoardPage, status: StatusKey, index: number) {
  return board.column(status).getByRole('button').nth(index);
}

async function loadDemo(board: BoardPage): Promise<void> {
  await board.loadDemo();
  // The import starts a parser process: on a busy machine that takes longer than expect's 5 s.
  const result = board.page.getByRole('dialog', { name: '取り込み結果' });
  await expect(result).toContainText(/取り込み 20件/, { timeout: 30_000 });
  await result.getByRole('button', { name: '閉じる' }).click();
  await expectColumnCount(board, 'new', 20);
}

test('keyboard triage: search, move between cards and columns, status, severity, category, detail, help', async ({ board, page, offsiteRequests }) => {
  await loadDemo(board);

  // / focuses the search box wherever the focus was.
  await page.keyboard.press('/');
  await expect(board.search).toBeFocused();

  // Into the board: the first card of 新着 is the one in the Tab order; ↓ moves down the column.
  const first = cardAt(board, 'new', 0);
  await first.focus();
  await page.keyboard.press('ArrowDown');
  await expect(cardAt(board, 'new', 1)).toBeFocused();

  // 2 moves the focused card to 確認中 and the focus stays on it; ← and → cross the columns.
  const emotet = board.card('new', EMOTET);
  await emotet.focus();
  await page.keyboard.press('2');
  await expectColumnCount(board, 'triage', 1);
  const moved = board.card('triage', EMOTET);
  await expect(moved).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(board.column('new').getByRole('button').first()).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(moved).toBeFocused();

  // s opens the severity menu; 4 chooses 重大 (read by the key's code, the same on a Japanese keyboard).
  await page.keyboard.press('s');
  const severityMenu = page.getByRole('menu', { name: '深刻度を選ぶ (この項目)' });
  await expect(severityMenu).toBeVisible();
  await page.keyboard.press('4');
  await expect(severityMenu).toBeHidden();
  await expect(moved).toContainText('4 重大');
  await expect(moved).toBeFocused();

  // c opens the category menu; G chooses 紛失・誤廃棄 (A–L in the vocabulary's order).
  await page.keyboard.press('c');
  const categoryMenu = page.getByRole('menu', { name: 'カテゴリを選ぶ (この項目)' });
  await expect(categoryMenu.getByRole('menuitem')).toHaveCount(12);
  await page.keyboard.press('g');
  await expect(categoryMenu).toBeHidden();
  await expect(moved).toContainText('紛失・誤廃棄');

  // Enter opens the detail: the status history and the corrections are there, by the officer.
  await page.keyboard.press('Enter');
  const detail = page.getByRole('dialog', { name: '詳細' });
  await expect(detail).toContainText('確認中');
  await expect(detail).toContainText('紛失・誤廃棄');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  // ? lists every shortcut, the new ones included.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'キーボードショートカット' });
  for (const text of ['検索欄へ移動', '深刻度を変更', 'カテゴリを変更', 'カードを選択/選択解除', '同じ列の範囲を選択', '直前の移動または一括変更を元に戻す']) {
    await expect(help).toContainText(text);
  }
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  expect(offsiteRequests).toEqual([]);
});

test('bulk: select cards with the mouse and keys, change them all, one undo restores all', async ({ board, page }) => {
  await loadDemo(board);
  const nth = (i: number) => cardAt(board, 'new', i);

  // x picks the focused card; Shift+click takes the range from it; Ctrl+click toggles (it never opens the detail).
  await nth(0).focus();
  await page.keyboard.press('x');
  const bar = page.getByRole('toolbar', { name: '選択した項目の一括操作' });
  await expect(bar).toContainText('1件を選択中');
  await nth(2).click({ modifiers: ['Shift'] });
  await expect(bar).toContainText('3件を選択中');
  await nth(1).click({ modifiers: ['Control'] });
  await expect(bar).toContainText('2件を選択中');
  await nth(1).click({ modifiers: ['Control'] });
  await expect(bar).toContainText('3件を選択中');
  await expect(page.getByRole('dialog', { name: '詳細' })).toBeHidden();
  await board.screenshot('60-bulk-selection');

  // One change from the bar: 要周知 for the three.
  await bar.getByRole('combobox', { name: '状態を変更' }).selectOption({ label: '要周知' });
  await expectColumnCount(board, 'action', 3);
  await expectColumnCount(board, 'new', 17);
  const toast = page.getByRole('status', { name: '通知' });
  await expect(toast).toContainText('3件の状態を「要周知」に変更しました');

  // One undo: the toast's 元に戻す puts all three back.
  await toast.getByRole('button', { name: '元に戻す' }).click();
  await expectColumnCount(board, 'new', 20);
  await expectColumnCount(board, 'action', 0);
  await expect(toast).toContainText('一括変更を元に戻しました (3件)');

  // Ctrl+A takes the focused column's cards, s + 3 sets 高 on all of them, Ctrl+Z undoes it as a whole.
  await cardAt(board, 'new', 0).focus();
  await page.keyboard.press('Control+a');
  await expect(bar).toContainText('20件を選択中');
  await page.keyboard.press('s');
  await expect(page.getByRole('menu', { name: '深刻度を選ぶ (選択中の20件)' })).toBeVisible();
  await page.keyboard.press('3');
  await expect(toast).toContainText(/件の深刻度を「3 高」に変更しました/);
  // The Emotet advisory had no severity: it shows 高 now, and nothing again after the undo.
  await expect(board.card('new', EMOTET)).toContainText('3 高');
  await expect(cardAt(board, 'new', 1)).toContainText('3 高');
  await page.keyboard.press('Control+z');
  await expect(toast).toContainText('一括変更を元に戻しました');
  await expect(board.card('new', EMOTET)).not.toContainText('3 高');

  // Esc clears the selection and the bar goes away; the reload shows the undone state kept in SQLite.
  await page.keyboard.press('Escape');
  await expect(bar).toBeHidden();
  await page.reload();
  await expectColumnCount(board, 'new', 20);
  await expect(board.card('new', EMOTET)).not.toContainText('3 高');
});

test('table view: rows picked with Ctrl+click, Shift+click and x take the same bulk actions, tags included', async ({ board, page }) => {
  await loadDemo(board);
  await page.getByRole('button', { name: '表', exact: true }).click();
  const grid = page.getByRole('grid', { name: '項目の表' });
  const row = (i: number) => grid.getByRole('row').nth(i + 1); // row 0 is the header
  await expect(row(4)).toBeVisible();

  await row(0).click({ modifiers: ['Control'] });
  await row(2).click({ modifiers: ['Shift'] });
  const bar = page.getByRole('toolbar', { name: '選択した項目の一括操作' });
  await expect(bar).toContainText('3件を選択中');
  await row(4).focus();
  await page.keyboard.press('x');
  await expect(bar).toContainText('4件を選択中');
  await expect(grid.locator('[aria-selected="true"]')).toHaveCount(4);
  await board.screenshot('61-bulk-table-selection');
  await expect(page.getByRole('dialog', { name: '詳細' })).toBeHidden();

  // Tags for all four, then the undo takes them off again.
  await bar.getByRole('textbox', { name: 'タグ' }).fill('要確認、社内周知');
  await bar.getByRole('button', { name: 'タグを追加' }).click();
  const toast = page.getByRole('status', { name: '通知' });
  await expect(toast).toContainText('4件にタグ「要確認、社内周知」を追加しました');
  await row(4).click();
  const detail = page.getByRole('dialog', { name: '詳細' });
  await expect(detail.getByRole('region', { name: 'タグ' })).toContainText('社内周知');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await toast.getByRole('button', { name: '元に戻す' }).click();
  await expect(toast).toContainText('一括変更を元に戻しました (4件)');
  await row(4).click();
  // The tags are gone, and the history keeps both changes (the bulk add and its undo) as evidence.
  await expect(detail.getByRole('region', { name: 'タグ' })).not.toContainText('社内周知');
  await expect(detail).toContainText('タグ: (なし) → 社内周知, 要確認');
  await expect(detail).toContainText('タグ: 社内周知, 要確認 → (なし)');
});
