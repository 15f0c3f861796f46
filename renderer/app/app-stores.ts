// Creates the feature stores with the chosen api and wires them together. Features never import each
// other: this is the one place that knows an import (or its undo) should reload the board, and that
// hands main's pushed events to the store they concern.
import type { TriageApi } from '../../shared/ipc/contract.js';
import type { SubscribeToEvents } from '../../shared/ipc/events.js';
import { createAnnotationsStore, type AnnotationsStore } from '../features/annotations/annotations-store.js';
import { deliverFileInBrowser } from '../features/annotations/file-delivery.js';
import { createBoardStore, type BoardStore } from '../features/board/board-store.js';
import { browserUrlEnv } from '../features/board/board-url.js';
import { createBulletinsStore, type BulletinsStore } from '../features/bulletins/bulletins-store.js';
import { deliverPdfInBrowser } from '../features/bulletins/pdf-delivery.js';
import { createImportHistoryStore, type ImportHistoryStore } from '../features/import/import-history-store.js';
import { createImportStore, type ImportStore, type UploadFile } from '../features/import/import-store.js';
import { createProfileStore, type ProfileStore } from '../features/profile/profile-store.js';

export interface AppStores {
  board: BoardStore;
  imports: ImportStore;
  history: ImportHistoryStore;
  bulletins: BulletinsStore;
  profile: ProfileStore;
  annotations: AnnotationsStore;
}

/** `subscribe` is absent in tests that push no events; the app listens for as long as the page lives. */
export function createAppStores(api: TriageApi, subscribe?: SubscribeToEvents, transport: { upload?: UploadFile; desktop?: boolean } = {}): AppStores {
  const board = createBoardStore(api, { url: browserUrlEnv() });
  const history = createImportHistoryStore(api, {
    onChanged: () => void board.getState().boardRequested(),
  });
  const imports = createImportStore(api, {
    upload: transport.upload,
    importFinished: () => {
      void board.getState().boardRequested();
      void history.getState().importFinished(); // a file dropped while the history is open
    },
  });
  // Issuing can move the covered items to 周知済: the board and the open detail show it.
  const bulletins = createBulletinsStore(api, {
    deliverPdf: deliverPdfInBrowser,
    printInMain: transport.desktop ?? false,
    onItemsChanged: () => {
      void board.getState().boardRequested();
      void board.getState().factsRead();
    },
  });
  subscribe?.((event) => {
    switch (event.name) {
      case 'import.progress':
        imports.getState().importProgressed(event.payload);
        break;
      case 'facts.progress':
        if (event.payload.done >= event.payload.total) void board.getState().factsRead();
        break;
    }
  });
  const profile = createProfileStore(api);
  // A note, tag or link changed: the open detail rereads (with its history) and the board follows (tags filter it).
  const annotations = createAnnotationsStore(api, {
    onItemChanged: () => board.getState().factsRead(),
    deliverFile: deliverFileInBrowser,
  });
  return { board, imports, history, bulletins, profile, annotations };
}
