import type { RecordError } from '../features/import/csv-records.js';
import type { RememberedMappings } from '../features/import/header-map.js';
import type { ItemFields } from '../features/import/import-repository.js';
import type { SnapshotStreamSummary } from '../features/import/read-snapshot-stream.js';

/** A file on disk is read by the parser process itself, in chunks; bytes are for what never was a file. */
export type ParseSource = { path: string } | { bytes: Uint8Array };

export type ParseRequest =
  | { type: 'read'; name: string; source: ParseSource; columnMappings?: RememberedMappings }
  /** The importer has written one more batch: the reader may send another. */
  | { type: 'ack' };

/**
 * Items travel in batches, and at most BATCHES_IN_FLIGHT unacknowledged batches exist at any time: the
 * reader waits for the writer, so neither process ever holds more than a few batches, whatever the file
 * size. (One message of a hundred megabytes is also several times slower through Node's IPC channel than
 * the same data in small messages.) Four, not two: with two the reader of a feed often sat waiting for an
 * acknowledgement while the writer waited on SQLite (bench:import RSS at load ≈ 2: 4.1–4.6 s with two,
 * 3.7–3.8 s with four; eight pushed the CSV half's peak RSS over 300 MB for no further gain).
 */
export const ITEMS_PER_MESSAGE = 250;
export const BATCHES_IN_FLIGHT = 4;

export interface ItemBatch {
  items: ItemFields[];
  /** Bytes of the file read so far and in all, for the progress bar. */
  bytesRead: number;
  bytesTotal: number;
}

export type { RecordError, SnapshotStreamSummary };

export type ParseReply =
  | { ok: 'items'; batch: ItemBatch }
  | { ok: true; summary: SnapshotStreamSummary; peakRssKb: number }
  | { ok: false; kind: 'file' | 'crash'; message: string };

/** What the importer needs of a parser process, whichever platform started it. */
export interface ParserChild {
  send(request: ParseRequest): void;
  onMessage(listener: (reply: ParseReply) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export interface ParserLimits {
  /** V8 heap of the parser process. */
  maxMemoryMb: number;
  /**
   * Time the reader may work on one file. Time it spends waiting for the importer to write is not counted,
   * and a streamed file gets STREAM_MS_PER_MB more per megabyte (its reading time grows with its size only).
   */
  timeoutMs: number;
}

/** Extra reading time a streamed file earns per megabyte: ten times what reading takes on a slow machine. */
export const STREAM_MS_PER_MB = 250;

/** Node starts the parser with child_process.fork; Electron injects one built on utilityProcess. */
export type SpawnParser = (limits: ParserLimits) => ParserChild;
