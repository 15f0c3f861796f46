// Creates the feature stores with the chosen api and wires them together. Features never import each
// other: this is the one place that knows an import should reload the board.
import type { TriageApi } from '../../shared/ipc/contract.js';
import { createBoardStore, type BoardStore } from '../features/board/board-store.js';
import { createImportStore, type ImportStore } from '../features/import/import-store.js';

export interface AppStores {
  board: BoardStore;
  imports: ImportStore;
}

export function createAppStores(api: TriageApi): AppStores {
  const board = createBoardStore(api);
  const imports = createImportStore(api, {
    importFinished: () => void board.getState().boardRequested(),
  });
  return { board, imports };
}
