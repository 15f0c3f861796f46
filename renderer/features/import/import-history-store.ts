// The import history: every import with its counts and errors, and the undo of one import. The store alone
// talks to the api; the officer confirms an undo first (it deletes items). After an undo the store reports
// `onChanged`; the app decides who reloads.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ImportRecord, UndoImportResult } from '../../../shared/domain/import-record.js';
import type { TriageApi } from '../../../shared/ipc/contract.js';
import type { ErrorCode } from '../../../shared/ipc/result.js';

/** How many imports the dialog lists, newest first. */
export const HISTORY_LIMIT = 100;

export type HistoryError =
  | { kind: 'load'; message: string }
  | { kind: 'undo'; code: ErrorCode; fileName: string; message: string };

export interface UndoOutcome extends UndoImportResult {
  id: number;
  fileName: string;
}

export interface ImportHistoryState {
  open: boolean;
  /** True while the list is being (re)loaded. */
  loading: boolean;
  /** True once a list has arrived since the dialog opened. */
  loaded: boolean;
  records: ImportRecord[];
  /** The import whose undo is in flight. */
  undoingId: number | null;
  /** The last undo's outcome, shown in the dialog until it closes or another undo starts. */
  lastUndo: UndoOutcome | null;
  error: HistoryError | null;

  historyOpened: () => Promise<void>;
  historyClosed: () => void;
  /** The officer asked to undo an import; `question` is the confirmation they must accept first. */
  importUndoRequested: (id: number, question: string) => Promise<void>;
  /** An import reached the database: an open history lists it. */
  importFinished: () => Promise<void>;
}

export type ImportHistoryStore = StoreApi<ImportHistoryState>;

export interface ImportHistoryStoreDeps {
  /** Called after an undo went through (items may have been removed). */
  onChanged?: (result: UndoImportResult) => void;
  /** Asks the officer; window.confirm unless a test gives another. */
  confirm?: (question: string) => boolean;
}

export function createImportHistoryStore(api: TriageApi, deps: ImportHistoryStoreDeps = {}): ImportHistoryStore {
  const confirm = deps.confirm ?? ((question: string) => window.confirm(question));
  let loadSeq = 0;

  return createStore<ImportHistoryState>()((set, get) => {
    /** Loads the list; only the latest load's answer counts. */
    async function load(): Promise<void> {
      const seq = ++loadSeq;
      set({ loading: true });
      const result = await api['imports.list']({ limit: HISTORY_LIMIT });
      if (seq !== loadSeq) return;
      // Newest first, as main sends them; sorted again so the table never depends on it.
      if (result.ok) set({ loading: false, loaded: true, records: [...result.value].sort((a, b) => b.id - a.id) });
      else set({ loading: false, loaded: true, error: { kind: 'load', message: result.error.message } });
    }

    return {
      open: false,
      loading: false,
      loaded: false,
      records: [],
      undoingId: null,
      lastUndo: null,
      error: null,

      historyOpened: async () => {
        if (get().open) return;
        set({ open: true, loaded: false, lastUndo: null, error: null });
        await load();
      },

      historyClosed: () => {
        loadSeq += 1; // an answer still on its way is no longer wanted
        set({ open: false, loading: false, lastUndo: null, error: null });
      },

      importUndoRequested: async (id, question) => {
        const { undoingId, records } = get();
        if (undoingId !== null) return;
        const record = records.find((r) => r.id === id);
        if (!record || record.undoneAt !== null) return;
        if (!confirm(question)) return;
        set({ undoingId: id, lastUndo: null, error: null });
        const result = await api['imports.undo']({ id });
        if (result.ok) {
          set({ undoingId: null, lastUndo: { id, fileName: record.fileName, ...result.value } });
          deps.onChanged?.(result.value);
          if (get().open) await load();
          return;
        }
        const { code, message } = result.error;
        set({ undoingId: null, error: { kind: 'undo', code, fileName: record.fileName, message } });
        // Undone or deleted elsewhere (another window, the CLI): the list shows how things stand now.
        if ((code === 'conflict' || code === 'not-found') && get().open) await load();
      },

      importFinished: async () => {
        if (get().open) await load();
      },
    };
  });
}
