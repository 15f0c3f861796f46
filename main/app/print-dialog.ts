// Electron's system print dialog for a bulletin: its print HTML in a hidden, sandboxed window (JavaScript
// off, every request but data: refused), then webContents.print — the officer picks the printer there.
import { BrowserWindow, session } from 'electron';
import type { PrintDialog } from '../bulletin-handlers.js';

export const printWithDialog: PrintDialog = async (html) => {
  const printSession = session.fromPartition('print-bulletin');
  printSession.webRequest.onBeforeRequest((details, respond) => respond({ cancel: !details.url.startsWith('data:') }));
  const window = new BrowserWindow({
    show: false,
    webPreferences: { session: printSession, sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    return await new Promise<boolean>((resolve) =>
      window.webContents.print({ silent: false, printBackground: true, pageSize: 'A4' }, (success) => resolve(success)),
    );
  } finally {
    window.destroy();
  }
};
