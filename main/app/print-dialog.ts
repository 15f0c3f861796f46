// Electron's system print dialog for a bulletin: its print HTML (number, label and page X / Y in CSS margin
// boxes) in the hidden print window, then webContents.print — the officer picks the printer there.
import type { PrintDialog } from '../bulletin-handlers.js';
import { withPrintWindow } from './print-window.js';

export const printWithDialog: PrintDialog = (html) =>
  withPrintWindow(
    html,
    (contents) =>
      new Promise<boolean>((resolve) => contents.print({ silent: false, printBackground: true, pageSize: 'A4' }, (success) => resolve(success))),
  );
