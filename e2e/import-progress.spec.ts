// #3: a large import shows its progress with counts, and a cancel leaves the database as it was.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { csvLines } from '../main/bench/generate-snapshots.js';
import { test, expect } from './fixtures.js';

const SAMPLES = resolve('../shared/samples');

function bigCsv(items: number): string {
  const path = join(mkdtempSync(join(tmpdir(), 'triage-e2e-big-')), `big-${items}.csv`);
  writeFileSync(path, [...csvLines(items)].join(''));
  return path;
}

test.setTimeout(180_000);

test('C18 a large import shows progress with counts; cancelling it keeps the board as it was', async ({ board, page }) => {
  await board.importFiles([`${SAMPLES}/cdns-2019-12.utf8-bom.csv`]);
  await board.expectImportResult(/取り込み 20件/);
  await board.expectCount('new', 20);

  await board.importFiles([bigCsv(6_000)]);
  const bar = page.getByRole('progressbar', { name: '取り込みの進行状況' });
  await expect(bar).toBeVisible();
  // The bar moves with counts while the file is written.
  await expect(page.locator('.import-progress-text')).toContainText(/件を保存中|を読み込み中/, { timeout: 90_000 });
  await board.screenshot('40-import-progress');
  await page.getByRole('button', { name: '取り込みを取り消す' }).click();

  const result = page.getByRole('dialog', { name: '取り込み結果' });
  await expect(result).toContainText('取り込みを取り消しました', { timeout: 60_000 });
  await expect(result).toContainText('取り込み 0件');
  await board.screenshot('41-import-cancelled');
  await result.getByRole('button', { name: '閉じる' }).click();
  // Nothing of the cancelled file landed: the one transaction per file was rolled back.
  await page.reload();
  await board.expectCount('new', 20);
});
