// Electron entry: wiring only. Services come from main/services.ts (plain Node); this file adds the
// window, the app:// protocol, the IPC bridge and the security guards around them.
import { app, BrowserWindow, dialog, Menu, shell } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DATABASE_FILE } from '../db/default-database-path.js';
import { describeOpenError } from '../db/describe-open-error.js';
import { openExternalUrl } from '../links/external-url.js';
import { openServices, type Services } from '../services.js';
import { printToPdf } from './print-to-pdf.js';
import { printWithDialog } from './print-dialog.js';
import { APP_ORIGIN } from '../security/trusted-sender.js';
import { registerAppScheme, serveRenderer } from './app-protocol.js';
import { forwardEvents, registerIpcBridge } from './ipc-bridge.js';
import { spawnUtilityParser } from './spawn-utility-parser.js';
import { buildMenu } from './menu.js';
import { secureWebPreferences } from './web-preferences.js';
import { installWindowGuards } from './window-security.js';

const here = dirname(fileURLToPath(import.meta.url));
let services: Services | undefined;

function databasePathFromArgs(): string {
  const { values } = parseArgs({ args: process.argv.slice(1), options: { db: { type: 'string' } }, strict: false });
  const fromArgs = typeof values.db === 'string' ? values.db : undefined;
  return fromArgs ?? process.env.TRIAGE_DESK_DB ?? join(app.getPath('userData'), DATABASE_FILE);
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'Triage Desk',
    show: false,
    webPreferences: secureWebPreferences(join(here, 'preload.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

async function start(): Promise<void> {
  const dbPath = databasePathFromArgs();
  try {
    services = await openServices(dbPath, {
      transport: 'electron',
      spawnParser: spawnUtilityParser,
      version: app.getVersion(),
      openExternal: async (url) => void (await openExternalUrl(url, (u) => shell.openExternal(u))),
      printPdf: printToPdf,
      printDialog: printWithDialog,
    });
  } catch (error) {
    dialog.showErrorBox('Triage Desk', describeOpenError(error, dbPath));
    app.exit(2);
    return;
  }
  installWindowGuards();
  serveRenderer(join(here, '..', 'renderer'));
  registerIpcBridge(services.handlers);
  Menu.setApplicationMenu(buildMenu());
  forwardEvents(services.events, createWindow().webContents);
}

registerAppScheme();
if (!app.requestSingleInstanceLock()) {
  // A second instance would open the same database from another process; focus the first instead.
  app.quit();
} else {
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.whenReady().then(start, (error: unknown) => {
    console.error(error);
    app.exit(1);
  });
  app.on('window-all-closed', () => {
    void services?.close().finally(() => app.quit());
  });
}
