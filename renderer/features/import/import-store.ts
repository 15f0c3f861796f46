// Importing files (chosen or dropped) and the demo data, and the summary of the last import. When an
// import has changed the database the store reports `importFinished`; the app decides who reloads.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ImportSummary } from '../../../shared/domain/item.js';
import type { TriageApi } from '../../../shared/ipc/contract.js';
import type { CallResult } from '../../../shared/ipc/result.js';
import { batchBySize, bytesToBase64, MAX_FILE_BYTES, payloadName } from './file-payload.js';

export type ImportProblem = { kind: 'tooLarge'; file: string } | { kind: 'unreadable'; file: string };

export interface ImportState {
  busy: boolean;
  /** The last import's summary, shown until dismissed. */
  summary: ImportSummary | null;
  /** Files refused before sending (too large, unreadable): the officer hears about them with the summary. */
  problems: ImportProblem[];
  error: string | null;

  filesChosen: (files: readonly File[]) => Promise<void>;
  demoRequested: () => Promise<void>;
  summaryDismissed: () => void;
  errorDismissed: () => void;
}

export type ImportStore = StoreApi<ImportState>;

export interface ImportStoreDeps {
  /** Called after an import that reached the database (even partly). */
  importFinished?: (summary: ImportSummary) => void;
}

function emptySummary(): ImportSummary {
  return { imported: 0, duplicates: 0, updated: 0, failed: 0, errors: [] };
}

function add(total: ImportSummary, part: ImportSummary): ImportSummary {
  return {
    imported: total.imported + part.imported,
    duplicates: total.duplicates + part.duplicates,
    updated: total.updated + part.updated,
    failed: total.failed + part.failed,
    errors: [...total.errors, ...part.errors],
  };
}

export function createImportStore(api: TriageApi, deps: ImportStoreDeps = {}): ImportStore {
  return createStore<ImportState>()((set, get) => {
    /** Runs the calls in order (null: nothing to send), stopping at the first refused one. */
    async function run(calls: Array<() => Promise<CallResult<ImportSummary> | null>>, problems: ImportProblem[]) {
      let total = emptySummary();
      let reached = false;
      let error: string | null = null;
      for (const call of calls) {
        const result = await call();
        if (result === null) continue;
        if (!result.ok) {
          error = result.error.details?.length ? `${result.error.message} (${result.error.details.join('; ')})` : result.error.message;
          break;
        }
        reached = true;
        total = add(total, result.value);
      }
      total = { ...total, failed: total.failed + problems.length };
      set({ busy: false, summary: reached || problems.length > 0 ? total : null, problems, error });
      if (reached) deps.importFinished?.(total);
    }

    return {
      busy: false,
      summary: null,
      problems: [],
      error: null,

      filesChosen: async (files) => {
        if (get().busy || files.length === 0) return;
        set({ busy: true, summary: null, problems: [], error: null });
        const problems: ImportProblem[] = [];
        const sendable = files.filter((file) => {
          if (file.size <= MAX_FILE_BYTES) return true;
          problems.push({ kind: 'tooLarge', file: file.name });
          return false;
        });
        // Files are read one batch at a time, so only one batch of base64 is in memory at once.
        const calls = batchBySize(sendable).map((batch) => async () => {
          const payload: Array<{ name: string; contentBase64: string }> = [];
          for (const file of batch) {
            try {
              payload.push({ name: payloadName(file.name), contentBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) });
            } catch {
              problems.push({ kind: 'unreadable', file: file.name }); // a folder, or a file gone since it was chosen
            }
          }
          return payload.length > 0 ? api['import.files']({ files: payload }) : null;
        });
        await run(calls, problems);
      },

      demoRequested: async () => {
        if (get().busy) return;
        set({ busy: true, summary: null, problems: [], error: null });
        await run([() => api['import.demo']({})], []);
      },

      summaryDismissed: () => set({ summary: null, problems: [] }),
      errorDismissed: () => set({ error: null }),
    };
  });
}
