// Runs snapshot readers in a child process with a memory limit and a time budget. One process serves
// the files of one import and is replaced after any failure, so a bomb in one file cannot poison the next.
import type { SnapshotReadResult } from '../features/import/read-snapshot.js';
import type { SourceRecord } from '../features/import/source-record.js';
import type { ParseReply, ParserChild, ParserLimits, SpawnParser } from './parse-messages.js';
import { spawnNodeParser } from './spawn-node-parser.js';

export type { ParserLimits, SpawnParser } from './parse-messages.js';

export class ReaderFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReaderFailedError';
  }
}

export class ImportCancelledError extends Error {
  constructor() {
    super('the import was cancelled');
    this.name = 'ImportCancelledError';
  }
}

export const DEFAULT_LIMITS: ParserLimits = { maxMemoryMb: 1536, timeoutMs: 120_000 };

type FinalReply = Exclude<ParseReply, { ok: 'partial' }>;
type Pending = { settle: (reply: FinalReply | Error) => void; records: SourceRecord[] };

export class ParserProcess {
  private child: ParserChild | null = null;
  private pending: Pending | null = null;
  /** The largest resident set a parser process reached so far (benchmarks report it). */
  peakRssKb = 0;

  constructor(
    private readonly limits: ParserLimits = DEFAULT_LIMITS,
    private readonly spawn: SpawnParser = spawnNodeParser,
  ) {}

  /** Reads one file. Throws ReaderFailedError (a file-level problem), or ImportCancelledError. */
  read(name: string, bytes: Uint8Array, signal?: AbortSignal): Promise<SnapshotReadResult> {
    if (signal?.aborted) return Promise.reject(new ImportCancelledError());
    const child = this.child ?? this.start();
    return new Promise<SnapshotReadResult>((resolve, reject) => {
      const onAbort = () => this.pending?.settle(new ImportCancelledError());
      const timer = setTimeout(
        () => this.pending?.settle(new ReaderFailedError(`reading this file took longer than ${Math.round(this.limits.timeoutMs / 1000)} s; it was stopped`)),
        this.limits.timeoutMs,
      );
      const pending: Pending = {
        records: [],
        settle: (outcome) => {
          this.pending = null;
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          if (outcome instanceof Error) {
            this.stop();
            reject(outcome);
          } else if (outcome.ok) {
            this.peakRssKb = Math.max(this.peakRssKb, outcome.peakRssKb);
            resolve({ ...outcome.result, records: pending.records });
          } else {
            if (outcome.kind === 'crash') this.stop();
            reject(new ReaderFailedError(outcome.kind === 'file' ? outcome.message : `the reader failed on this file (${outcome.message})`));
          }
        },
      };
      this.pending = pending;
      signal?.addEventListener('abort', onAbort, { once: true });
      child.send({ name, bytes });
    });
  }

  close(): void {
    this.stop();
  }

  private start(): ParserChild {
    const child = this.spawn(this.limits);
    child.onMessage((reply) => {
      if (reply.ok === 'partial') this.pending?.records.push(...reply.records);
      else this.pending?.settle(reply);
    });
    child.onExit((code) => {
      if (this.child === child) this.child = null;
      this.pending?.settle(
        new ReaderFailedError(`reading this file needed more than ${this.limits.maxMemoryMb} MB or crashed the reader (exit ${code}); it was stopped`),
      );
    });
    this.child = child;
    return child;
  }

  private stop(): void {
    const child = this.child;
    this.child = null;
    child?.kill();
  }
}
