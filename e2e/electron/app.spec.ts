// The product itself, driven through Playwright's Electron support. It needs Electron's binary, which
// this CI machine cannot download: there the tests skip with that reason and the same renderer and
// services are covered through the browser shell.
import { test, expect, _electron as electron } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHANNELS } from '../../shared/ipc/channels.js';

function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test.describe('Electron app', () => {
  test.skip(binary === null, 'Electron binary not installed on this machine');

  test('R1/R2 opens the board with a locked-down renderer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'triage-electron-'));
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: ['dist/electron/main.mjs', '--db', join(dir, 'triage.sqlite')],
    });
    const page = await app.firstWindow();
    await expect(page.getByRole('button', { name: 'デモデータを読み込む' })).toBeVisible();
    // R1: no Node in the page, and the bridge is exactly one method per channel.
    expect(await page.evaluate('[typeof require, typeof process, typeof module, typeof Buffer]')).toEqual([
      'undefined', 'undefined', 'undefined', 'undefined',
    ]);
    expect(await page.evaluate('Object.keys(window.triage).sort()')).toEqual([...CHANNELS, 'onEvent'].sort());
    await page.getByRole('button', { name: 'デモデータを読み込む' }).click();
    // The column is virtualized: its cards carry the column's size rather than all being in the DOM.
    await expect(page.getByRole('region', { name: /新着/ }).getByRole('listitem').first()).toHaveAttribute('aria-setsize', '20');
    // R5/R6: content cannot navigate the window or open new ones.
    await page.evaluate("window.location.href = 'https://example.com/'");
    await page.evaluate("window.open('https://example.com/')");
    expect(app.windows()).toHaveLength(1);
    expect(page.url()).toMatch(/^app:\/\/triage\//);
    await app.close();
  });
});
