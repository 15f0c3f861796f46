// The browser shell's PDF printer: headless Chromium through playwright-core, started on the first PDF
// (most sessions never print, and a browser costs ~100 MB) and kept for the next ones. A failed start is
// not cached, so installing Chromium and retrying works without restarting the shell.
import type { PrintPdf } from '../bulletin-handlers.js';
import { createChromiumPdfRenderer, type PdfRenderer } from '../features/bulletins/pdf-renderer.js';

export interface LazyPrinter {
  printPdf: PrintPdf;
  close: () => Promise<void>;
}

export function createLazyChromiumPrinter(start: () => Promise<PdfRenderer> = () => createChromiumPdfRenderer()): LazyPrinter {
  let renderer: Promise<PdfRenderer> | null = null;
  return {
    printPdf: async (html, furniture) => {
      renderer ??= start().catch((error: unknown) => {
        renderer = null;
        throw error;
      });
      return (await renderer).renderPdf(html, furniture);
    },
    close: async () => {
      const started = renderer;
      renderer = null;
      if (started) await (await started.catch(() => null))?.close();
    },
  };
}
