// Importing files (chosen or dropped), pasted text and the demo data, their progress, cancelling, and the summary of the
// last import. Every call carries a job id the store made up, so main's progress events and the cancel
// request name this import and no other. When an import has changed the database the store reports
// `importFinished`; the app decides who reloads.
import type { ColumnChoice } from '../../../shared/domain/import-record.js';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ImportSummary } from '../../../shared/domain/item.js';
import type { TriageApi } from '../../../shared/ipc/contract.js';
import type { ImportProgressEvent } from '../../../shared/ipc/events.js';
import type { CallResult } from '../../../shared/ipc/result.js';
import { batchBySize, fileToBase64, MAX_FILE_BYTES, MAX_UPLOAD_BYTES, chunkFiles, payloadName } from './file-payload.js';

/** Files refused before sending (too large, unreadable), or never sent because the import was cancelled. */
/**
 * The longest pasted text the officer may send, in UTF-16 code units (what `string.length` and the
 * contract count). The contract allows 8 MiB; the dialog shows this round number.
 */
export const MAX_PASTED_CHARS = 8_000_000;

/** The name main records a pasted-text import under in the history. */
export const PASTED_TEXT_NAME = 'pasted-text.txt';

export type ImportProblem = { kind: 'tooLarge'; file: string } | { kind: 'unreadable'; file: string } | { kind: 'skipped'; file: string };

/** Where the running import is, counted over all its files (a large choice is sent in several calls). */
/** Sends one file to main ahead of the import call (the browser shell); resolves with its upload id. */
export type UploadFile = (
  file: File,
  onProgress: (sent: number, total: number) => void,
  signal?: AbortSignal,
) => Promise<{ ok: true; uploadId: string } | { ok: false; message: string }>;

export interface ImportProgress {
  fileIndex: number;
  fileCount: number;
  fileName: string;
  /** 'uploading' is the page sending the file to the browser shell: counts are bytes then. */
  phase: ImportProgressEvent['phase'] | 'uploading';
  recordsDone: number;
  recordCount: number;
}

export interface ImportState {
  busy: boolean;
  /** The job id of the call in flight: progress events and the cancel request carry it. */
  jobId: string | null;
  /** Null until main reports the first step. */
  progress: ImportProgress | null;
  /** The officer asked to cancel; the import ends at main's next check. */
  cancelling: boolean;
  /** The last import's summary, shown until dismissed. */
  summary: ImportSummary | null;
  /** The summary is of an import the officer cancelled: what it lists landed before the cancel. */
  cancelled: boolean;
  /** Problems found in the renderer: the officer hears about them with the summary. */
  problems: ImportProblem[];
  error: string | null;
  /** The 「テキストを貼り付けて取り込む」 dialog is open. */
  pasteOpen: boolean;
  /** The column-mapping step for a CSV whose header row was not recognised; null when closed. */
  mapping: { file: string; headers: string[]; error: string | null } | null;

  filesChosen: (files: readonly File[]) => Promise<void>;
  demoRequested: () => Promise<void>;
  /** The officer asked for the paste dialog (button or p); ignored while an import runs. */
  pasteOpened: () => void;
  pasteClosed: () => void;
  /** The officer submitted pasted text: the dialog closes and main splits the text into items. */
  textImportRequested: (text: string) => Promise<void>;
  importProgressed: (event: ImportProgressEvent) => void;
  cancelRequested: () => Promise<void>;
  summaryDismissed: () => void;
  errorDismissed: () => void;
  /** The officer chose to map the columns of a file the importer could not read (an error with headers). */
  mappingOpened: (file: string, headers: string[]) => void;
  mappingClosed: () => void;
  /** Saves the mapping (remembered for this header row) and imports that file again. */
  mappingSaved: (choices: (ColumnChoice | null)[]) => Promise<void>;
}

export type ImportStore = StoreApi<ImportState>;

export interface ImportStoreDeps {
  /** Called after an import that reached the database (even partly, even cancelled). */
  importFinished?: (summary: ImportSummary) => void;
  /** Makes a job id the contract accepts (/^[A-Za-z0-9-]{8,64}$/). */
  newJobId?: () => string;
  /** Present in the browser shell: files go up as raw bytes with progress, instead of base64 in the call. */
  upload?: UploadFile;
}

/** One call to main: its files (for the progress count and, if it is never sent, the list of skipped files). */
interface PlannedCall {
  fileNames: string[];
  /** Null: nothing to send (every file unreadable, or cancelled while reading). */
  send: (jobId: string) => Promise<CallResult<ImportSummary> | null>;
}

function randomJobId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only in secure contexts; getRandomValues everywhere.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
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

const IDLE = { busy: false, jobId: null, progress: null, cancelling: false } as const;

export function createImportStore(api: TriageApi, deps: ImportStoreDeps = {}): ImportStore {
  const newJobId = deps.newJobId ?? randomJobId;
  /** Files sent by earlier calls of the running import, and its files in all: events count per call. */
  let position = { filesBefore: 0, filesInAll: 0 };
  /** The cancel request in flight, so the import's end waits for main's answer. */
  let cancelInFlight: Promise<void> | null = null;
  /** Main stopped a running job of this import. */
  let cancelConfirmed = false;
  /** Jobs asked again once their first event showed main was running them. */
  const askedAgain = new Set<string>();

  function cancelJob(jobId: string): Promise<void> {
    cancelInFlight ??= api['import.cancel']({ jobId })
      .then((answer) => {
        if (answer.ok && answer.value.cancelled) cancelConfirmed = true;
      })
      .finally(() => {
        cancelInFlight = null;
      });
    return cancelInFlight;
  }

  /**
   * One call of the browser shell: each file is uploaded as raw bytes (with its own progress), then the
   * import names the uploads. A cancel during an upload aborts it; nothing was imported yet.
   */
  function uploadCall(batch: readonly File[], upload: UploadFile, problems: ImportProblem[]): PlannedCall {
    return {
      fileNames: batch.map((file) => file.name),
      send: async (jobId) => {
        const payload: Array<{ name: string; uploadId: string }> = [];
        const controller = new AbortController();
        for (const [index, file] of batch.entries()) {
          if (state().cancelling) break;
          const fileIndex = position.filesBefore + index;
          const result = await upload(
            file,
            (sent, total) => {
              if (state().cancelling) controller.abort();
              else setState({ progress: { fileIndex, fileCount: position.filesInAll, fileName: file.name, phase: 'uploading', recordsDone: sent, recordCount: total } });
            },
            controller.signal,
          );
          if (result.ok) payload.push({ name: payloadName(file.name), uploadId: result.uploadId });
          else if (!state().cancelling) problems.push({ kind: 'unreadable', file: file.name });
        }
        if (state().cancelling) {
          problems.push(...batch.map((file) => ({ kind: 'skipped' as const, file: file.name })));
          return null;
        }
        return payload.length > 0 ? api['import.files']({ files: payload, jobId }) : null;
      },
    };
  }

  /** The files of the last import, so a file can be imported again right after its columns were mapped. */
  let lastFiles: readonly File[] = [];

  const store = createStore<ImportState>()((set, get) => {
    /** Runs the calls in order, stopping at the first refused one and sending nothing after a cancel. */
    async function run(calls: PlannedCall[], problems: ImportProblem[]) {
      let total = emptySummary();
      let reached = false;
      let error: string | null = null;
      let filesBefore = 0;
      const filesInAll = calls.reduce((sum, call) => sum + call.fileNames.length, 0);
      for (const [index, call] of calls.entries()) {
        if (get().cancelling) {
          for (const later of calls.slice(index)) problems.push(...later.fileNames.map((file) => ({ kind: 'skipped' as const, file })));
          break;
        }
        position = { filesBefore, filesInAll };
        const jobId = newJobId();
        set({ jobId });
        const result = await call.send(jobId);
        filesBefore += call.fileNames.length;
        if (result === null) continue;
        if (!result.ok) {
          error = result.error.details?.length ? `${result.error.message} (${result.error.details.join('; ')})` : result.error.message;
          break;
        }
        reached = true;
        total = add(total, result.value);
      }
      // Main may answer the cancel after the import call: its answer says whether a running job stopped.
      while (cancelInFlight) await cancelInFlight;
      const cancelled = get().cancelling && (cancelConfirmed || problems.some((p) => p.kind === 'skipped'));
      total = { ...total, failed: total.failed + problems.filter((p) => p.kind !== 'skipped').length };
      const summary = reached || problems.length > 0 ? total : null;
      set({ ...IDLE, summary, cancelled: cancelled && summary !== null, problems, error });
      if (reached) deps.importFinished?.(total);
    }

    function started() {
      cancelConfirmed = false;
      askedAgain.clear();
      set({ busy: true, jobId: null, progress: null, cancelling: false, summary: null, cancelled: false, problems: [], error: null });
    }

    return {
      ...IDLE,
      summary: null,
      cancelled: false,
      problems: [],
      error: null,
      pasteOpen: false,
      mapping: null,

      filesChosen: async (files) => {
        if (get().busy || files.length === 0) return;
        lastFiles = files;
        started();
        const problems: ImportProblem[] = [];
        const upload = deps.upload;
        const sendable = files.filter((file) => {
          if (file.size <= (upload ? MAX_UPLOAD_BYTES : MAX_FILE_BYTES)) return true;
          problems.push({ kind: 'tooLarge', file: file.name });
          return false;
        });
        if (upload) {
          await run(chunkFiles(sendable).map((batch) => uploadCall(batch, upload, problems)), problems);
          return;
        }
        // Files are read one batch at a time, so only one batch of base64 is in memory at once.
        const calls = batchBySize(sendable).map(
          (batch): PlannedCall => ({
            fileNames: batch.map((file) => file.name),
            send: async (jobId) => {
              const payload: Array<{ name: string; contentBase64: string }> = [];
              for (const file of batch) {
                try {
                  payload.push({ name: payloadName(file.name), contentBase64: await fileToBase64(file) });
                } catch {
                  problems.push({ kind: 'unreadable', file: file.name }); // a folder, or a file gone since it was chosen
                }
              }
              if (get().cancelling) {
                problems.push(...payload.map((file) => ({ kind: 'skipped' as const, file: file.name })));
                return null;
              }
              return payload.length > 0 ? api['import.files']({ files: payload, jobId }) : null;
            },
          }),
        );
        await run(calls, problems);
      },

      demoRequested: async () => {
        if (get().busy) return;
        started();
        await run([{ fileNames: ['demo'], send: (jobId) => api['import.demo']({ jobId }) }], []);
      },

      pasteOpened: () => {
        if (!get().busy) set({ pasteOpen: true });
      },

      pasteClosed: () => set({ pasteOpen: false }),

      textImportRequested: async (text) => {
        if (get().busy || text.trim() === '' || text.length > MAX_PASTED_CHARS) return;
        set({ pasteOpen: false });
        started();
        await run([{ fileNames: [PASTED_TEXT_NAME], send: (jobId) => api['import.text']({ text, jobId }) }], []);
      },

      importProgressed: (event) => {
        const { busy, jobId, cancelling } = get();
        if (!busy || event.jobId !== jobId) return; // another window's import, or a late event of a finished call
        // A cancel sent while the files were still uploading reached main before the job existed; now it does.
        if (cancelling && !cancelConfirmed && !cancelInFlight && !askedAgain.has(jobId)) {
          askedAgain.add(jobId);
          void cancelJob(jobId);
        }
        const { filesBefore, filesInAll } = position;
        set({
          progress: {
            fileIndex: filesBefore + event.fileIndex,
            fileCount: Math.max(filesInAll, filesBefore + event.fileCount),
            fileName: event.fileName,
            phase: event.phase,
            recordsDone: event.recordsDone,
            recordCount: event.recordCount,
          },
        });
      },

      cancelRequested: async () => {
        const { busy, jobId, cancelling } = get();
        if (!busy || cancelling) return;
        set({ cancelling: true });
        // Calls not yet sent are skipped by run(); the one in flight is stopped by main.
        if (jobId !== null) await cancelJob(jobId);
      },

      summaryDismissed: () => set({ summary: null, cancelled: false, problems: [] }),

      mappingOpened: (file, headers) => set({ mapping: { file, headers, error: null } }),

      mappingClosed: () => set({ mapping: null }),

      mappingSaved: async (choices) => {
        const mapping = get().mapping;
        if (!mapping) return;
        const result = await api['import.mapColumns']({ headers: mapping.headers, choices });
        if (!result.ok) {
          set({ mapping: { ...mapping, error: result.error.message } });
          return;
        }
        set({ mapping: null });
        // The file is still in hand (the officer chose it moments ago): import it again with the mapping.
        const again = lastFiles.filter((file) => payloadName(file.name) === mapping.file);
        if (again.length > 0) await get().filesChosen(again);
      },
      errorDismissed: () => set({ error: null }),
    };
  });
  const state = () => store.getState();
  const setState = (partial: Partial<ImportState>) => store.setState(partial);
  return store;
}
