import type { SnapshotReadResult } from '../features/import/read-snapshot.js';

export interface ParseRequest {
  name: string;
  bytes: Uint8Array;
}

import type { SourceRecord } from '../features/import/source-record.js';

/**
 * Records travel in batches before the final reply: one message of a hundred megabytes is several times
 * slower through Node's IPC channel than the same data in small messages.
 */
export const RECORDS_PER_MESSAGE = 500;

export type ParseReply =
  | { ok: 'partial'; records: SourceRecord[] }
  | { ok: true; result: SnapshotReadResult; peakRssKb: number }
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
  timeoutMs: number;
}

/** Node starts the parser with child_process.fork; Electron injects one built on utilityProcess. */
export type SpawnParser = (limits: ParserLimits) => ParserChild;
