// NOCODE and NONET: hostile content in an imported file is shown as text and never runs or loads anything.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures.js';

const PAYLOADS = [
  `<img src=x onerror="window.__pwn='img';console.error('PWN:img')">`,
  `<script>window.__pwn='script';alert('PWN:script')</script>`,
  `<a href="javascript:window.__pwn='link'">click</a>`,
  `<svg onload="window.__pwn='svg'"></svg>`,
  `<iframe src="http://pwn.invalid/frame"></iframe>`,
  `<link rel=stylesheet href="http://pwn.invalid/x.css">`,
];

test('R3 hostile HTML in titles, organisations and bodies stays inert text', async ({ board, page, shell, offsiteRequests }) => {
  const rows = PAYLOADS.map((p, i) => `"${p.replaceAll('"', '""')}",2023-07-0${i + 1},"${p.replaceAll('"', '""')}","${p.replaceAll('"', '""')} 本文"`);
  const file = join(shell.dir, 'hostile.csv');
  writeFileSync(file, `title,date,organization,body\n${rows.join('\n')}\n`);
  const dialogs: string[] = [];
  const pwnConsole: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.text().includes('PWN')) pwnConsole.push(m.text());
  });

  await board.importFiles([file]);
  await board.expectImportResult(/取り込み 6件/);
  await board.expectCount('new', PAYLOADS.length);
  await expect(board.column('new')).toContainText('<script>');
  await board.cards('new').first().getByRole('button').first().click();
  await expect(page.getByRole('dialog', { name: '詳細' })).toContainText('本文');
  await board.screenshot('05-hostile-content');

  expect(await page.evaluate('typeof window.__pwn')).toBe('undefined');
  expect(await page.locator('img, iframe, svg[onload], script:not([src])').count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(pwnConsole).toEqual([]);
  expect(offsiteRequests).toEqual([]);
});
