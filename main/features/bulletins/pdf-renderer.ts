// PDF printing behind a small interface: here headless Chromium through playwright-core (CLI, bench,
// tests, browser shell); in the packaged Electron app an adapter in main/app/ implements the same
// interface with webContents.printToPDF. The page gets no network and no JavaScript.
import { existsSync } from 'node:fs';

export interface PageFurniture {
  headerTemplate: string;
  footerTemplate: string;
}

export interface PdfRenderer {
  /**
   * With furniture, the printer draws header and footer bands (HTML rendered with runningLabel false);
   * with null, the page's own CSS margin boxes do (runningLabel true), as when a browser prints it.
   */
  renderPdf(html: string, furniture: PageFurniture | null): Promise<Buffer>;
  close(): Promise<void>;
}

export class ChromiumNotFoundError extends Error {
  constructor(tried: string[]) {
    super(
      `no Chromium found to print the PDF (looked for ${tried.join(', ')}). Install Chromium (Debian: apt-get install chromium) ` +
        'or set CHROMIUM_PATH to its executable; or write HTML with --out FILE.html and print it from a browser.',
    );
    this.name = 'ChromiumNotFoundError';
  }
}

/**
 * Same rule as e2e (playwright.config.ts): CHROMIUM_PATH when set (and then only it: a wrong path is an
 * error to report, not a reason to print with another browser), else Debian's /usr/bin/chromium and the
 * usual other names.
 */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.CHROMIUM_PATH) return [env.CHROMIUM_PATH];
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  return chromiumCandidates(env).find((path) => existsSync(path)) ?? null;
}

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
];

/** Starts one headless Chromium; renderPdf can be called many times, then close it. */
export async function createChromiumPdfRenderer(executablePath = findChromium()): Promise<PdfRenderer> {
  if (!executablePath) throw new ChromiumNotFoundError(chromiumCandidates());
  // Loaded on demand: the packaged Electron app prints through printToPDF and does not ship playwright-core.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS, headless: true });
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  // Second wall behind the page's CSP: any request the page makes is refused.
  await context.route('**/*', (route) => route.abort('blockedbyclient'));
  // One page, reused: a new page per PDF costs a renderer process start (~0.4 s here). PDFs are printed one
  // at a time (the queue below), and each setContent replaces the whole document, so nothing carries over.
  let page: Awaited<ReturnType<typeof context.newPage>> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const render = async (html: string, furniture: PageFurniture | null): Promise<Buffer> => {
    page ??= await context.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      // data: fonts are loaded by the 'load' event; no script runs (and none may) to wait for them.
      return await page.pdf({
        format: 'A4',
        landscape: false,
        printBackground: true,
        preferCSSPageSize: true,
        ...(furniture
          ? { displayHeaderFooter: true, headerTemplate: furniture.headerTemplate, footerTemplate: furniture.footerTemplate }
          : { displayHeaderFooter: false }),
        margin: { top: '20mm', bottom: '18mm', left: '18mm', right: '18mm' },
      });
    } catch (error) {
      // A page in an unknown state is not reused.
      await page?.close().catch(() => undefined);
      page = null;
      throw error;
    }
  };
  return {
    renderPdf(html, furniture) {
      const next = queue.then(() => render(html, furniture));
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      await browser.close();
    },
  };
}
