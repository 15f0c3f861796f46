// #4: the facts read from a notice, their evidence, and a correction that survives re-import and restart.
import { resolve } from 'node:path';
import { test, expect } from './fixtures.js';

const SAMPLES = resolve('../shared/samples');
const ATOM = `${SAMPLES}/casebook-2023-07.atom`;
const PAGE = `${SAMPLES}/004_fa8b37c40a989728.txt`;
const TITLE = '東谷株式会社';

test('facts show their evidence; a corrected severity survives a re-import and a reload', async ({ board, page, offsiteRequests }) => {
  await board.importFiles([ATOM]);
  await board.expectImportResult(/取り込み 8件/);
  await board.card('new', TITLE).click();
  const detail = page.getByRole('dialog', { name: '詳細' });
  const facts = detail.getByRole('region', { name: '読み取った事実' });
  // Facts are read in the background right after the import; the panel updates when they are.
  const organization = facts.locator('[data-field="organization"] .fact-value');
  await expect(organization).toHaveText(/東谷/);

  // Hovering a fact marks its evidence in the body; the tooltip carries the sentence.
  const records = facts.locator('[data-field="affected.people"]');
  await records.hover();
  const active = detail.locator('mark.evidence--active');
  await expect(active.first()).toBeVisible();
  await expect(records.locator('.fact-value')).toHaveAttribute('title', /^根拠: .+/);
  await board.screenshot('10-facts-evidence');

  // Correct the severity.
  const severity = facts.locator('[data-field="severity"]');
  const suggested = (await severity.locator('.fact-value').textContent()) ?? '';
  const corrected = suggested.startsWith('1') ? '2 中' : '1 低';
  await facts.getByRole('button', { name: '深刻度を修正' }).click();
  await facts.getByRole('form', { name: '深刻度を修正' }).getByLabel('深刻度').selectOption({ label: corrected });
  await facts.getByRole('button', { name: '保存' }).click();
  await expect(severity.locator('.fact-value')).toHaveText(corrected);
  await expect(severity).toContainText('修正済み');
  await expect(severity).toContainText(`提案: ${suggested}`);
  await expect(detail).toContainText(`深刻度: ${suggested} → ${corrected}`);
  await board.screenshot('11-facts-corrected');

  // The same notices again, from the feed and from the saved page: the correction stays.
  await detail.getByRole('button', { name: '閉じる' }).click();
  await board.importFiles([ATOM, PAGE]);
  await board.expectImportResult(/重複/);
  await page.reload();
  await board.card('new', TITLE).click();
  await expect(severity.locator('.fact-value')).toHaveText(corrected);
  await expect(severity).toContainText(`提案: ${suggested}`);

  // Back to the suggestion.
  await facts.getByRole('button', { name: '深刻度を提案に戻す' }).click();
  await expect(severity.locator('.fact-value')).toHaveText(suggested);
  await expect(severity).not.toContainText('修正済み');
  expect(offsiteRequests).toEqual([]);
});
