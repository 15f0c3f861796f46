// Events pushed from main to the renderer (progress of long work), declared once like the contract.
// They travel as webContents.send in Electron and as server-sent events in the browser shell.

export interface ImportProgressEvent {
  /** The id the renderer gave the import, so it can show and cancel its own job. */
  jobId: string;
  fileIndex: number;
  fileCount: number;
  fileName: string;
  phase: 'reading' | 'writing' | 'done';
  recordsDone: number;
  /** While a file streams in, an estimate from the bytes read so far; exact at 'done'. */
  recordCount: number;
  /** Bytes of the file read so far and in all: moves while the file is still being read. */
  bytesDone?: number;
  bytesTotal?: number;
}

/** Facts being read from new or changed items in the background (after an import, or a newer extractor). */
export interface FactsProgressEvent {
  done: number;
  total: number;
}

export interface AppEvents {
  'import.progress': ImportProgressEvent;
  'facts.progress': FactsProgressEvent;
}

export type AppEventName = keyof AppEvents;

export type AppEvent = { [E in AppEventName]: { name: E; payload: AppEvents[E] } }[AppEventName];

/** The Electron IPC channel that carries every pushed event. */
export const EVENT_CHANNEL = 'triage:event';

/** How the renderer listens, whichever transport carries the events. Returns an unsubscribe function. */
export type SubscribeToEvents = (listener: (event: AppEvent) => void) => () => void;
