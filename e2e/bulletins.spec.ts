// #6: an awareness bulletin drafted from an incident, edited, approved and issued in the browser shell;
// the item moves to 周知済 and names the bulletin; the PDF downloads as A4.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test, expect } from './fixtures.js';
import { BulletinsPage } from './page-models/bulletins-page.js';

const ATOM = resolve('../shared/samples/casebook-2023-07.atom');
const TITLE = '東谷株式会社';
const NEW_TITLE = '【注意喚起】通販サイトへの不正アクセスとカード情報の流出について';
/** A4 portrait in PDF points (595.28 × 841.89), rounded as Chromium writes it. */
const A4 = { width: 595, height: 842 };

/** Every page's MediaBox from the PDF bytes (Chromium writes them uncompressed in the page objects). */
function mediaBoxes(pdf: Buffer): number[][] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/MediaBox\s*\[\s*([\d.\s-]+)\]/g)].map((m) => (m[1] ?? '').trim().split(/\s+/).map(Number));
}

test('draft, edit, approve and issue a bulletin; the item is 周知済 and names it; the PDF is A4', async ({ board, page, shell, offsiteRequests }) => {
  test.setTimeout(120_000);
  await board.importFiles([ATOM]);
  // The machine running e2e may be busy: the import is given a minute before its result is read.
  await expect(page.getByRole('dialog', { name: '取り込み結果' })).toBeVisible({ timeout: 60_000 });
  await board.expectImportResult(/取り込み 8件/);
  await board.card('new', TITLE).click();
  const detail = page.getByRole('dialog', { name: '詳細' });
  await detail.getByRole('button', { name: 'この事案で周知文書を作成' }).click();

  const bulletins = new BulletinsPage(page);
  await expect(bulletins.dialog).toBeVisible();
  await bulletins.expectState('下書き');
  await expect(bulletins.status).toHaveText('下書きを作成しました。');
  const number = (await bulletins.dialog.locator('.bulletin-editor-number').textContent())?.trim() ?? '';
  expect(number).toMatch(/^SEC-\d{4}-\d{3}$/);
  // The preview is main's print page in a sandboxed frame: no scripts, no same-origin.
  await expect(bulletins.preview).toHaveAttribute('sandbox', '');
  await expect(bulletins.previewBody).toContainText('概要');
  await expect(bulletins.previewBody).toContainText('東谷');

  // Edit the title: the preview follows before saving; Ctrl+S saves.
  await bulletins.field('件名').fill(NEW_TITLE);
  await expect(bulletins.dialog).toContainText('保存していない変更があります');
  // Debounced, rendered by main with the font embedded: give a busy machine time.
  await expect(bulletins.previewBody.locator('h1')).toHaveText(NEW_TITLE, { timeout: 20_000 });
  await bulletins.field('区分').selectOption('社外秘');
  await bulletins.field('件名').press('Control+s');
  await expect(bulletins.status).toHaveText('保存しました。');
  await expect(bulletins.previewBody.locator('.label')).toHaveText('社外秘');
  await bulletins.screenshot('20-bulletin-draft');

  await bulletins.button('承認').click();
  await bulletins.expectState('承認済');
  await expect(bulletins.field('件名')).not.toBeEditable();

  await bulletins.button('発行').click();
  const question = bulletins.dialog.getByRole('group', { name: '発行' });
  await expect(question.getByLabel(/周知済に移動する/)).toBeChecked();
  await bulletins.screenshot('21-bulletin-issue-question');
  await question.getByRole('button', { name: '発行する' }).click();
  // Issuing prints the PDF it keeps: the shell starts headless Chromium for the first one.
  await expect(bulletins.status).toHaveText('発行し、1 件の事案を周知済に移動しました。', { timeout: 60_000 });
  await bulletins.expectState('発行済');
  await expect(bulletins.dialog).toContainText('発行済の周知文書は変更できません');
  await expect(bulletins.button('新しい版を作成')).toBeVisible();
  await expect(bulletins.field('本文 (Markdown)')).not.toBeEditable();
  await expect(bulletins.dialog.getByRole('list', { name: '周知文書の一覧' })).toContainText(NEW_TITLE);

  // Download the PDF: the bytes kept at issue.
  const downloading = page.waitForEvent('download');
  await bulletins.button('PDFをダウンロード').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${number}.pdf`);
  const pdfPath = join(shell.dir, download.suggestedFilename());
  await download.saveAs(pdfPath);
  const pdf = readFileSync(pdfPath);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const boxes = mediaBoxes(pdf);
  expect(boxes.length).toBeGreaterThan(0);
  for (const [x0, y0, x1, y1] of boxes) {
    expect([x0, y0]).toEqual([0, 0]);
    expect(Math.round(x1 ?? 0)).toBe(A4.width);
    expect(Math.round(y1 ?? 0)).toBe(A4.height);
  }
  if (existsSync('/usr/bin/pdftotext')) {
    const text = execFileSync('/usr/bin/pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain(number);
    expect(text).toContain('社外秘');
    expect(text.replace(/\s+/g, '')).toContain(NEW_TITLE.replace(/\s+/g, ''));
  }
  if (existsSync('/usr/bin/pdftoppm')) {
    // The first printed page as an image, to be looked at beside the screenshots.
    execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfPath, 'e2e/artifacts/screenshots/24-bulletin-pdf-page1']);
  }
  await bulletins.screenshot('22-bulletin-issued');

  // 印刷 opens the same PDF in a new tab, whose viewer prints it (the sandboxed preview cannot print).
  const printTab = page.context().waitForEvent('page');
  await bulletins.button('印刷').click();
  const tab = await printTab;
  expect(tab.url()).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
  await tab.close();

  // The settings: number format and templates, Japanese defaults.
  await bulletins.button('設定').click();
  await expect(bulletins.dialog.getByLabel('文書番号の形式')).toHaveValue('SEC-{YYYY}-{NNN}');
  await expect(bulletins.dialog.getByLabel(/^テンプレート本文/)).toHaveValue(/## 4\. お願い/);
  await bulletins.screenshot('25-bulletin-settings');
  await bulletins.button('キャンセル').click();
  await bulletins.expectState('発行済');

  // Escape closes; the item sits in 周知済 and its detail names the bulletin.
  await page.keyboard.press('Escape');
  await expect(bulletins.dialog).toBeHidden();
  await expect(board.card('notified', TITLE)).toBeVisible();
  await expect(detail.getByRole('region', { name: '周知文書' })).toContainText(`${number} で周知`);
  await expect(detail.getByLabel('状態', { exact: true })).toHaveValue('notified');
  await board.screenshot('23-bulletin-detail-coverage');
  expect(offsiteRequests).toEqual([]);
});
