// Electron's bulletin printer: the same print HTML the browser shell prints with headless Chromium, laid
// out in a hidden, sandboxed window with JavaScript off and every request refused, then webContents.printToPDF.
// One window per PDF: printing is rare, and a fresh window keeps no state between bulletins.
import { BrowserWindow, session } from 'electron';
import type { PrintPdf } from '../bulletin-handlers.js';

const MM_PER_INCH = 25.4;
const inches = (mm: number) => mm / MM_PER_INCH;

export const printToPdf: PrintPdf = async (html, furniture) => {
  // A private, in-memory session: nothing of the app's session is reachable, and nothing is stored.
  const printSession = session.fromPartition('print-bulletin');
  printSession.webRequest.onBeforeRequest((details, respond) => respond({ cancel: !details.url.startsWith('data:') }));
  const window = new BrowserWindow({
    show: false,
    webPreferences: { session: printSession, sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    return await window.webContents.printToPDF({
      pageSize: 'A4',
      landscape: false,
      printBackground: true,
      preferCSSPageSize: true,
      margins: { top: inches(20), bottom: inches(18), left: inches(18), right: inches(18) },
      ...(furniture
        ? { displayHeaderFooter: true, headerTemplate: furniture.headerTemplate, footerTemplate: furniture.footerTemplate }
        : { displayHeaderFooter: false }),
    });
  } finally {
    window.destroy();
  }
};
