// The hidden window bulletins are printed from (PDF or the system dialog): sandboxed, JavaScript off, in a
// private in-memory session that refuses every request but the data: URL of the page itself. One window
// per print: printing is rare, and a fresh window keeps nothing between bulletins.
import { BrowserWindow, session, type WebContents } from 'electron';

export async function withPrintWindow<T>(html: string, print: (contents: WebContents) => Promise<T>): Promise<T> {
  const printSession = session.fromPartition('print-bulletin');
  printSession.webRequest.onBeforeRequest((details, respond) => respond({ cancel: !details.url.startsWith('data:') }));
  const window = new BrowserWindow({
    show: false,
    webPreferences: { session: printSession, sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    return await print(window.webContents);
  } finally {
    window.destroy();
  }
}
