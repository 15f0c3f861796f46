// Each test gets its own data folder and its own browser shell, started the way a user starts it
// (`serve --db … --no-open`), so tests never share a database.
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BoardPage } from './page-models/board-page.js';

export interface ShellFixture {
  url: string;
  origin: string;
  dbPath: string;
  dir: string;
}

export async function startShell(dbPath: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/http-shell/serve-cli.ts', '--db', dbPath, '--no-open'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`shell did not start: ${err}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
      if (line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`shell exited with ${code}: ${err}`)));
  });
  return { url, child };
}

export const test = base.extend<{ shell: ShellFixture; board: BoardPage; offsiteRequests: string[] }>({
  shell: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'triage-e2e-'));
    const dbPath = join(dir, 'triage.sqlite');
    const { url, child } = await startShell(dbPath);
    await use({ url, origin: new URL(url).origin, dbPath, dir });
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  },
  // NONET: every request the page makes is recorded; tests assert none leaves the shell's origin.
  offsiteRequests: async ({ page, shell }, use) => {
    const offsite: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith(shell.origin) && !req.url().startsWith('data:')) offsite.push(req.url());
    });
    await use(offsite);
  },
  board: async ({ page, shell, offsiteRequests }, use) => {
    void offsiteRequests;
    const board = new BoardPage(page);
    await page.goto(shell.url);
    await use(board);
  },
});

export { expect, type Page };
