// `npm run serve -- [--db PATH] [--port N] [--no-open]`: the app in the officer's own browser, for
// machines where Electron's binary cannot be had. Prints the URL on stdout (the only stdout line).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDatabasePath } from '../db/default-database-path.js';
import { describeOpenError } from '../db/describe-open-error.js';
import { openServices } from '../services.js';
import { createLazyChromiumPrinter } from './lazy-chromium-printer.js';
import { createLaunchToken } from './request-guard.js';
import { startShellServer } from './shell-server.js';
import { UploadStore } from './upload-store.js';

// TRIAGE_DESK_RENDERER_DIR serves another build (a developer's own `vite build --outDir`), so parallel
// work on the renderer does not overwrite one dist folder.
export const RENDERER_DIR = process.env.TRIAGE_DESK_RENDERER_DIR ?? fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
  child.on('error', () => console.error(`Could not open a browser; open ${url.split('#')[0]} yourself (the address printed above).`));
  child.unref();
}

export async function runServe(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, port: { type: 'string' }, 'no-open': { type: 'boolean', default: false } },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got ${values.port}`);
  if (!existsSync(`${RENDERER_DIR}/index.html`)) {
    throw new Error('the renderer is not built: run `npm run build` first (npm run serve does this for you)');
  }
  const dbPath = values.db ?? defaultDatabasePath();
  let services;
  const printer = createLazyChromiumPrinter();
  const uploads = new UploadStore();
  try {
    services = await openServices(dbPath, { transport: 'http', printPdf: printer.printPdf, uploads });
  } catch (error) {
    console.error(describeOpenError(error, dbPath));
    process.exit(2);
  }
  const shell = await startShellServer({
    handlers: services.handlers,
    events: services.events,
    rendererDir: RENDERER_DIR,
    token: createLaunchToken(),
    port,
    uploads,
  });
  process.stdout.write(`${shell.url}\n`);
  console.error(`Triage Desk (browser shell) — database: ${dbPath}. Press Ctrl+C to stop.`);
  if (!values['no-open']) openInBrowser(shell.url);
  const stop = async () => {
    await shell.close();
    await services.close();
    await printer.close();
    uploads.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runServe(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`triage-desk serve: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  });
}
