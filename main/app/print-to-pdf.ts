// Electron's bulletin PDF: the same print HTML the browser shell prints with headless Chromium, through
// webContents.printToPDF in the hidden print window, with the same page size, margins and bands.
import type { PrintPdf } from '../bulletin-handlers.js';
import { withPrintWindow } from './print-window.js';

const MM_PER_INCH = 25.4;
const inches = (mm: number) => mm / MM_PER_INCH;

export const printToPdf: PrintPdf = (html, furniture) =>
  withPrintWindow(html, (contents) =>
    contents.printToPDF({
      pageSize: 'A4',
      landscape: false,
      printBackground: true,
      preferCSSPageSize: true,
      margins: { top: inches(20), bottom: inches(18), left: inches(18), right: inches(18) },
      ...(furniture
        ? { displayHeaderFooter: true, headerTemplate: furniture.headerTemplate, footerTemplate: furniture.footerTemplate }
        : { displayHeaderFooter: false }),
    }),
  );
