// Hands an exported file to the officer as a download: an object URL clicked through <a download>, the way
// bulletin PDFs are delivered (pdf-delivery.ts). The text is encoded as UTF-8 by the Blob, so the CSV's BOM
// reaches the file and Japanese Excel opens it correctly.
import type { HistoryFile } from '../../../shared/domain/annotations.js';

/** Object URLs live until revoked; a minute is ample for the download to read the bytes. */
const URL_LIFETIME_MS = 60_000;

export function deliverFileInBrowser(file: HistoryFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mimeType};charset=utf-8` }));
  setTimeout(() => URL.revokeObjectURL(url), URL_LIFETIME_MS);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}
