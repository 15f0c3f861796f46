// The browser half of `npm run bench:board`: the first board render in Chromium through the browser shell,
// started on the seeded database the way a user starts it (`serve --db … --no-open`, as e2e/fixtures.ts
// does). Each load is a fresh browser context (no HTTP cache, no stored state), so every load fetches the
// renderer, asks for the board and renders it, as an officer opening the app does.
//
// What is measured: performance.now() in the page (milliseconds since its navigation started) at the first
// animation frame after the first card is in the DOM. A MutationObserver installed before any page script
// watches for it; the frame after the insertion is when the browser paints it. Wall time in the bench
// process would add Playwright's own round trips.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findChromium } from '../features/bulletins/pdf-renderer.js';

export interface FirstRenderOptions {
  dbPath: string;
  /** A built renderer (`vite build --outDir`); null builds one into a temporary folder first. */
  rendererDir: string | null;
  loads: number;
  /** Saves 90-board-100k.png and 91-table-100k.png here when set. */
  screenshotsDir: string | null;
  log: (line: string) => void;
}

export interface FirstRenderResult {
  /** Median over the loads; null where no Chromium was found. */
  medianMs: number | null;
  samples: number[];
}

/** Chromium's switches for a shared CI machine, as playwright.config.ts launches it. */
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1440, height: 900 };
const CARD = '[data-card-id]';

function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${err}`))));
  });
}

/** The renderer as `npm run build:renderer` builds it, into a folder of our own (never dist/). */
async function buildRenderer(outDir: string): Promise<void> {
  await runToEnd(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir']);
}

async function startShell(dbPath: string, rendererDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/http-shell/serve-cli.ts', '--db', dbPath, '--no-open'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TRIAGE_DESK_RENDERER_DIR: rendererDir },
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`the shell did not start: ${err}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
      if (line) {
        clearTimeout(timer);
        resolveUrl(line.trim());
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`the shell exited with ${code}: ${err}`)));
  });
  return { url, child };
}

async function stopShell(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/**
 * Runs in the page before any of its scripts: records when the first card is painted. A string, because
 * main/ is type-checked without the DOM.
 */
const WATCH_FIRST_CARD = `(() => {
  const observer = new MutationObserver(() => {
    if (window.__firstCardMs !== undefined || !document.querySelector(${JSON.stringify(CARD)})) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__firstCardMs = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function measureFirstRender(options: FirstRenderOptions): Promise<FirstRenderResult> {
  const executablePath = findChromium();
  if (!executablePath) {
    options.log('first render: not measured (no Chromium: set CHROMIUM_PATH)');
    return { medianMs: null, samples: [] };
  }
  const buildDir = options.rendererDir ? null : mkdtempSync(join(tmpdir(), 'triage-board-renderer-'));
  const rendererDir = options.rendererDir ?? buildDir!;
  let shell: { url: string; child: ChildProcess } | null = null;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS, headless: true });
  try {
    if (buildDir) {
      const started = performance.now();
      await buildRenderer(buildDir);
      options.log(`renderer built into ${buildDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } else if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new Error(`no renderer build in ${rendererDir} (index.html is missing)`);
    }
    shell = await startShell(options.dbPath, rendererDir);
    const samples: number[] = [];
    // One load first that is not counted: the shell's first request compiles its handlers under tsx and
    // reads the database from disk, which an installed app has done before its window opens.
    for (let load = 0; load <= options.loads; load++) {
      const context = await browser.newContext({ viewport: VIEWPORT, locale: 'ja-JP' });
      try {
        const page = await context.newPage();
        await page.addInitScript({ content: WATCH_FIRST_CARD });
        await page.goto(shell.url);
        // Functions, not strings: the page's CSP forbids eval, and these run through the debugger protocol.
        await page.waitForFunction(() => (globalThis as { __firstCardMs?: number }).__firstCardMs !== undefined, undefined, { timeout: 60_000 });
        const ms = await page.evaluate(() => (globalThis as { __firstCardMs?: number }).__firstCardMs ?? NaN);
        if (load > 0) samples.push(ms);
        options.log(`  load ${load}${load === 0 ? ' (warm-up, not counted)' : ''}: first card painted ${ms.toFixed(0)} ms after navigation start`);
        if (load === options.loads && options.screenshotsDir) await saveScreenshots(page, options.screenshotsDir, options.log);
      } finally {
        await context.close();
      }
    }
    return { medianMs: Math.round(median(samples)), samples };
  } finally {
    await browser.close();
    if (shell) await stopShell(shell.child);
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  }
}

type BenchPage = Awaited<ReturnType<Awaited<ReturnType<Awaited<ReturnType<typeof import('playwright-core')['chromium']['launch']>>['newContext']>>['newPage']>>;

/** The board and the table view with every item, as the officer sees them on opening. */
async function saveScreenshots(page: BenchPage, dir: string, log: (line: string) => void): Promise<void> {
  mkdirSync(dir, { recursive: true });
  // Every column has its first cards (the board answers all columns at once) and the fonts are in (the
  // shell's event stream stays open, so there is no network idle to wait for).
  await page.locator('[data-status] [data-card-id]').first().waitFor();
  await page.evaluate(() => (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready.then(() => true));
  const board = join(dir, '90-board-100k.png');
  await page.screenshot({ path: board });
  await page.getByRole('button', { name: '表', exact: true }).click();
  const grid = page.getByRole('grid');
  await grid.locator('tbody tr[data-item-id]').first().waitFor();
  await grid.locator('tbody tr[aria-busy="true"]').first().waitFor({ state: 'detached' });
  const table = join(dir, '91-table-100k.png');
  await page.screenshot({ path: table });
  log(`screenshots: ${board}, ${table}`);
}
