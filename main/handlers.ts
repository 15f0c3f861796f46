// The complete handler table: one function per contract channel, checked by the compiler (a missing or
// extra channel does not compile). Handlers receive already-validated input; transports call them only
// through dispatch().
import type { Channel, Output, ParsedInput } from '../shared/ipc/contract.js';
import type { Connection } from './db/database.js';
import { correctFact } from './features/facts/facts-repository.js';
import type { FactsRefresher } from './features/facts/facts-refresher.js';
import { readProfile, saveProfile } from './features/facts/profile-repository.js';
import { importFiles } from './features/import/import-files.js';
import { readDemoFile } from './features/import/demo-data.js';
import { listImports, undoImport } from './features/import/import-history-repository.js';
import { saveColumnMapping } from './features/import/column-mappings-repository.js';
import { getItem, moveItem } from './features/triage/items-repository.js';
import { bulkUpdateItems, undoBulkUpdate } from './features/triage/bulk-update-repository.js';
import { loadBoardSnapshot, loadColumnPage } from './features/search/board-service.js';
import { queryTable } from './features/search/board-repository.js';
import { deleteView, listViews, saveView } from './features/search/saved-views-repository.js';
import { listSources } from './features/search/sources-repository.js';
import { checkExternalUrl } from './links/external-url.js';
import type { SpawnParser } from './workers/parse-messages.js';
import type { EventHub } from './events/event-hub.js';
import { ImportJobs } from './features/import/import-jobs.js';
import { createBulletinHandlers, type PrintDialog, type PrintPdf } from './bulletin-handlers.js';
import { createAnnotationHandlers } from './features/annotations/annotations-handlers.js';

/** An import named an upload this app did not receive (or already imported). */
export class UnknownUploadError extends Error {
  constructor(readonly fileName: string) {
    super(`the upload of ${fileName} is unknown or was already imported`);
    this.name = 'UnknownUploadError';
  }
}

/** How pasted text appears in the import history and in errors. */
export const PASTED_TEXT_NAME = 'pasted-text.txt';

export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<Output<C>> };

export interface HandlerDeps {
  db: Connection;
  version: string;
  transport: 'electron' | 'http';
  /** Who is recorded in the history; the OS user name by default. */
  actor: string;
  /** Opens a vetted http(s) URL in the system browser; absent where the app already runs in a browser. */
  openExternal?: (url: string) => Promise<void>;
  /** Starts the process that reads untrusted files (Electron passes one built on utilityProcess). */
  spawnParser?: SpawnParser;
  /** Where progress events go; transports subscribe to it. */
  events: EventHub;
  /** Files the browser shell received as raw uploads (absent in Electron, which sends file contents). */
  uploads?: { take(id: string): string | null; release(path: string): void };
  /** Reads the facts of new and changed items after each import (in the background). */
  facts?: FactsRefresher;
  /** Prints bulletins to PDF: headless Chromium in the browser shell, printToPDF in Electron; absent, PDFs are refused with a reason. */
  printPdf?: PrintPdf;
  /** The system print dialog (Electron's webContents.print); absent in the browser shell. */
  printDialog?: PrintDialog;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { db } = deps;
  const importOptions = { actor: deps.actor, spawnParser: deps.spawnParser };
  const jobs = new ImportJobs(deps.events);
  // The import answers once its rows are committed; facts follow in the background.
  const afterImport = async <T>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } finally {
      deps.facts?.schedule();
    }
  };
  return {
    'app.info': async () => ({ version: deps.version, databasePath: db.path, transport: deps.transport }),
    'board.load': ({ limitPerColumn, ...query }) => loadBoardSnapshot(db, query, limitPerColumn),
    'board.table': (input) => queryTable(db, input.query, input.sort, input.page),
    'board.column': (input) => loadColumnPage(db, input.query, input.status, input.offset, input.limit),
    'views.list': () => listViews(db),
    'views.save': (input) => saveView(db, input.name, input.query),
    'views.delete': (input) => deleteView(db, input.name),
    'board.sources': () => listSources(db),
    'items.get': (input) => getItem(db, input.id),
    'items.move': (input) => moveItem(db, input.id, input.to, deps.actor),
    'items.correct': (input) => correctFact(db, { id: input.id, field: input.field, value: input.value, by: deps.actor }),
    'items.bulkUpdate': (input) => bulkUpdateItems(db, { ids: input.ids, change: input.change, by: deps.actor }),
    'items.bulkUndo': (input) => undoBulkUpdate(db, input.batchId, deps.actor),
    'profile.get': () => readProfile(db),
    'profile.save': async (input) => {
      const saved = await saveProfile(db, input.profile);
      deps.facts?.schedule(); // every item is re-scored against the new profile, in the background
      return saved;
    },
    'import.files': async (input) => {
      // Uploaded files are taken once (an id cannot be replayed) and deleted after their import.
      const taken: string[] = [];
      try {
        const files = input.files.map((f) => {
          if ('contentBase64' in f) return { name: f.name, bytes: Buffer.from(f.contentBase64, 'base64') };
          const path = deps.uploads?.take(f.uploadId) ?? null;
          if (path === null) throw new UnknownUploadError(f.name);
          taken.push(path);
          return { name: f.name, path };
        });
        return await afterImport(jobs.run(input.jobId, (job) => importFiles(db, files, { ...importOptions, ...job })));
      } finally {
        // Also when a later file of the call names an unknown upload: the ones already taken are deleted.
        for (const path of taken) deps.uploads?.release(path);
      }
    },
    'import.demo': (input) => afterImport(jobs.run(input.jobId, (job) => importFiles(db, [readDemoFile()], { ...importOptions, ...job }))),
    'import.text': (input) =>
      afterImport(
        jobs.run(input.jobId, (job) =>
          importFiles(db, [{ name: PASTED_TEXT_NAME, bytes: Buffer.from(input.text, 'utf8') }], { ...importOptions, ...job }),
        ),
      ),
    'import.cancel': async (input) => ({ cancelled: jobs.cancel(input.jobId) }),
    'imports.list': (input) => listImports(db, input.limit),
    'imports.undo': (input) => undoImport(db, input.id),
    'import.mapColumns': async (input) => {
      await saveColumnMapping(db, input.headers, input.choices);
      return { saved: true as const };
    },
    'links.open': async (input) => {
      const url = checkExternalUrl(input.url);
      if (!deps.openExternal) return { opened: false, url };
      await deps.openExternal(url);
      return { opened: true, url };
    },
    ...createBulletinHandlers({ db, actor: deps.actor, printPdf: deps.printPdf, printDialog: deps.printDialog }),
    ...createAnnotationHandlers({ db, actor: deps.actor }),
  };
}
