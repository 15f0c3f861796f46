// Hands a PDF to the browser. Download: an object URL clicked through <a download>. Print: the PDF opens
// in a new tab, whose PDF viewer prints it with the system dialog. We print the PDF rather than the
// preview frame because the PDF is exactly what is kept and distributed (label and page numbers on every
// page, drawn by the printer), and because the preview frame is sandboxed without scripts or modals, so it
// cannot be printed from the page at all. (Electron would call webContents.print instead.)
import type { PdfFile, PdfPurpose } from './bulletins-store.js';

/** Object URLs live until revoked; a minute is ample for the download or the new tab to read the bytes. */
const URL_LIFETIME_MS = 60_000;

export function deliverPdfInBrowser(file: PdfFile, purpose: PdfPurpose): void {
  const url = URL.createObjectURL(new Blob([file.bytes], { type: 'application/pdf' }));
  setTimeout(() => URL.revokeObjectURL(url), URL_LIFETIME_MS);
  if (purpose === 'print') {
    window.open(url, '_blank', 'noopener');
    return;
  }
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}
