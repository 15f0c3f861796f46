// The bulletin part of the handler table (issue #6): thin wiring from the contract's channels to the
// engine in features/bulletins/. PDF printing is a dependency: the browser shell passes headless Chromium
// (pdf-renderer.ts); the Electron adapter would pass one built on webContents.printToPDF. Without one,
// issuing still keeps the HTML, and asking for a PDF fails with a message that says what to do.
import type { BulletinEdit } from '../shared/domain/bulletins.js';
import type { Channel } from '../shared/ipc/contract.js';
import type { Connection } from './db/database.js';
import {
  approveBulletin,
  createBulletin,
  createNewVersion,
  editBulletin,
  issueBulletin,
  markItemsNotified,
  readNumberFormat,
  readTemplates,
  reopenBulletin,
  saveNumberFormat,
  saveTemplates,
} from './features/bulletins/bulletin-service.js';
import { getArtifact, getBulletin, listBulletinChanges, listBulletins, listCoverageOfItem } from './features/bulletins/bulletins-repository.js';
import type { PageFurniture, PdfRenderer } from './features/bulletins/pdf-renderer.js';
import { renderBulletinHtml, renderPageFurniture } from './features/bulletins/render-bulletin-html.js';
import type { Handlers } from './handlers.js';

/** Prints one HTML page to PDF bytes (A4, with the header and footer bands). */
export type PrintPdf = (html: string, furniture: PageFurniture) => Promise<Buffer>;

export class PdfPrinterUnavailableError extends Error {
  constructor() {
    super(
      'PDF printing is not available in this window: no PDF printer was configured. Issue the bulletin and print its HTML ' +
        'from a browser, or use `npm run cli -- bulletin … --out FILE.pdf` where Chromium is installed.',
    );
    this.name = 'PdfPrinterUnavailableError';
  }
}

/** Opens the system print dialog for print HTML (Electron); resolves whether the officer printed. */
export type PrintDialog = (html: string) => Promise<boolean>;

export class PrintDialogUnavailableError extends Error {
  constructor() {
    super('the system print dialog is available in the desktop app only: download the PDF and print it from its viewer');
    this.name = 'PrintDialogUnavailableError';
  }
}

export interface BulletinHandlerDeps {
  db: Connection;
  actor: string;
  printPdf?: PrintPdf;
  printDialog?: PrintDialog;
}

type BulletinChannel = Extract<Channel, `bulletins.${string}`>;

/** Drops keys the caller left out, so an edit records only what it sets. */
function definedFields(fields: BulletinEdit): BulletinEdit {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as BulletinEdit;
}

/** A file name safe on every OS: the number (e.g. SEC-2023-012), its version, and .pdf. */
function pdfFileName(number: string, version: number): string {
  const safe = number.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80) || 'bulletin';
  return `${safe}${version > 1 ? `-v${version}` : ''}.pdf`;
}

export function createBulletinHandlers(deps: BulletinHandlerDeps): Pick<Handlers, BulletinChannel> {
  const { db } = deps;
  const actor = { by: deps.actor };
  const printer: PdfRenderer | null = deps.printPdf ? { renderPdf: deps.printPdf, close: async () => {} } : null;
  return {
    'bulletins.list': (input) => listBulletins(db, input.search, input.limit),
    'bulletins.get': async (input) => {
      const bulletin = await getBulletin(db, input.id);
      const artifact = bulletin.state === 'issued' ? await getArtifact(db, input.id) : null;
      return {
        bulletin,
        changes: await listBulletinChanges(db, input.id),
        issued: artifact && {
          issuedAt: artifact.issuedAt,
          issuedBy: artifact.issuedBy,
          htmlSha256: artifact.htmlSha256,
          pdfSha256: artifact.pdfSha256,
        },
      };
    },
    'bulletins.create': (input) =>
      createBulletin(db, { template: input.template, itemIds: input.itemIds, period: input.period, language: input.language, ...actor }),
    'bulletins.edit': ({ id, ...fields }) => editBulletin(db, id, definedFields(fields), actor),
    'bulletins.approve': (input) => approveBulletin(db, input.id, actor),
    'bulletins.reopen': (input) => reopenBulletin(db, input.id, actor),
    'bulletins.issue': async (input) => {
      const result = await issueBulletin(db, input.id, printer, actor);
      const movedItemIds = input.markNotified ? await markItemsNotified(db, result.itemIds, actor) : [];
      return { bulletin: result.bulletin, movedItemIds };
    },
    'bulletins.newVersion': (input) => createNewVersion(db, input.id, actor),
    'bulletins.preview': async (input) => {
      const stored = await getBulletin(db, input.id);
      // An issued bulletin previews as it was issued; unsaved edits apply to drafts only.
      const draft = stored.state === 'draft' && input.draft ? definedFields(input.draft) : {};
      return { html: renderBulletinHtml({ ...stored, ...draft }, { runningLabel: true }) };
    },
    'bulletins.pdf': async (input) => {
      const bulletin = await getBulletin(db, input.id);
      const fileName = pdfFileName(bulletin.number, bulletin.version);
      // What was distributed is what gets downloaded again: the bytes kept at issue.
      const kept = bulletin.state === 'issued' ? await getArtifact(db, input.id) : null;
      if (kept?.pdf) return { fileName, contentBase64: kept.pdf.toString('base64'), kept: true };
      if (!deps.printPdf) throw new PdfPrinterUnavailableError();
      const pdf = await deps.printPdf(renderBulletinHtml(bulletin, { runningLabel: false }), renderPageFurniture(bulletin));
      return { fileName, contentBase64: Buffer.from(pdf).toString('base64'), kept: false };
    },
    'bulletins.print': async (input) => {
      if (!deps.printDialog) throw new PrintDialogUnavailableError();
      const bulletin = await getBulletin(db, input.id);
      // The page prints its number, label and page X / Y in CSS margin boxes, as a browser prints it.
      return { printed: await deps.printDialog(renderBulletinHtml(bulletin, { runningLabel: true })) };
    },
    'bulletins.forItem': (input) => listCoverageOfItem(db, input.itemId),
    'bulletins.settings': async () => ({ templates: await readTemplates(db), numberFormat: await readNumberFormat(db) }),
    'bulletins.saveSettings': async (input) => {
      if (input.templates) await saveTemplates(db, input.templates, actor);
      if (input.numberFormat !== undefined) await saveNumberFormat(db, input.numberFormat, actor);
      return { templates: await readTemplates(db), numberFormat: await readNumberFormat(db) };
    },
  };
}
