// Runs snapshot readers in a child process with a memory limit and a time budget. One process serves
// the files of one import and is replaced after any failure, so a bomb in one file cannot poison the next.
// Items come back in batches while the file is still being read; the reader may run at most
// BATCHES_IN_FLIGHT batches ahead of the importer, which acknowledges each batch once it is written.
import type { RememberedMappings } from '../features/import/header-map.js';
import type { ItemFields } from '../features/import/import-repository.js';
import {
  BATCHES_IN_FLIGHT,
  STREAM_MS_PER_MB,
  type ItemBatch,
  type ParseReply,
  type ParseSource,
  type ParserChild,
  type ParserLimits,
  type SnapshotStreamSummary,
  type SpawnParser,
} from './parse-messages.js';
import { spawnNodeParser } from './spawn-node-parser.js';

export type { ItemBatch, ParseSource, ParserLimits, SnapshotStreamSummary, SpawnParser } from './parse-messages.js';

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

interface Reading {
  deliver(reply: ParseReply): void;
  fail(error: Error): void;
}

export class ParserProcess {
  private child: ParserChild | null = null;
  private reading: Reading | null = null;
  /** The largest resident set a parser process reached so far (benchmarks report it). */
  peakRssKb = 0;

  constructor(
    private readonly limits: ParserLimits = DEFAULT_LIMITS,
    private readonly spawn: SpawnParser = spawnNodeParser,
    /** Extra budget per megabyte of a streamed file (0 in tests of the budget itself). */
    private readonly streamMsPerMb = STREAM_MS_PER_MB,
  ) {}

  /**
   * Reads one file, yielding batches of items as they are read and returning the reader's summary. The next
   * batch is released when the caller asks for it, so a caller that writes each batch before asking for the
   * next keeps both processes' memory bounded. Throws ReaderFailedError (a file-level problem) or
   * ImportCancelledError. A caller that stops early ends the reader process (the next file gets a new one).
   */
  async *stream(
    name: string,
    source: ParseSource,
    size: number,
    signal?: AbortSignal,
    columnMappings?: RememberedMappings,
  ): AsyncGenerator<ItemBatch, SnapshotStreamSummary, void> {
    if (signal?.aborted) throw new ImportCancelledError();
    const child = this.child ?? this.start();
    const queue: ParseReply[] = [];
    let failure: Error | null = null;
    let wake: (() => void) | null = null;
    const budget = new Budget(this.limits.timeoutMs + (this.streamMsPerMb * size) / (1024 * 1024), () =>
      reading.fail(new ReaderFailedError(`reading this file took longer than ${Math.round(this.limits.timeoutMs / 1000)} s; it was stopped`)),
    );
    let received = 0;
    let acknowledged = 0;
    const reading: Reading = {
      deliver: (reply) => {
        if (reply.ok === 'items') {
          received++;
          // Every batch the reader may send is here: it is waiting for us, which is not its reading time.
          if (received - acknowledged >= BATCHES_IN_FLIGHT) budget.pause();
        }
        queue.push(reply);
        wake?.();
      },
      fail: (error) => {
        failure ??= error;
        wake?.();
      },
    };
    const onAbort = () => reading.fail(new ImportCancelledError());
    this.reading = reading;
    signal?.addEventListener('abort', onAbort, { once: true });
    let finished = false;
    try {
      child.send({ type: 'read', name, source, ...(columnMappings ? { columnMappings } : {}) });
      budget.resume();
      for (;;) {
        while (queue.length === 0 && failure === null) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        if (failure !== null) throw failure;
        const reply = queue.shift() as ParseReply;
        if (reply.ok === 'items') {
          yield reply.batch;
          acknowledged++;
          child.send({ type: 'ack' });
          budget.resume();
        } else if (reply.ok) {
          finished = true;
          this.peakRssKb = Math.max(this.peakRssKb, reply.peakRssKb);
          return reply.summary;
        } else {
          // A file-level problem leaves a healthy reader; a crash does not.
          finished = reply.kind === 'file';
          throw new ReaderFailedError(reply.kind === 'file' ? reply.message : `the reader failed on this file (${reply.message})`);
        }
      }
    } finally {
      budget.stop();
      signal?.removeEventListener('abort', onAbort);
      if (this.reading === reading) this.reading = null;
      // Stopped halfway (cancel, failure, a write error): the reader is mid-file, so it goes.
      if (!finished) this.stop();
    }
  }

  /** Reads a whole file into memory: for tests and small inputs; imports use stream(). */
  async read(
    name: string,
    bytes: Uint8Array,
    signal?: AbortSignal,
  ): Promise<SnapshotStreamSummary & { items: ItemFields[] }> {
    const items: ItemFields[] = [];
    const batches = this.stream(name, { bytes }, bytes.byteLength, signal);
    for (;;) {
      const next = await batches.next();
      if (next.done) return { ...next.value, items };
      items.push(...next.value.items);
    }
  }

  close(): void {
    this.stop();
  }

  private start(): ParserChild {
    const child = this.spawn(this.limits);
    child.onMessage((reply) => this.reading?.deliver(reply));
    child.onExit((code) => {
      if (this.child !== child) return;
      this.child = null;
      this.reading?.fail(
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

/** A time budget that does not run while paused. */
class Budget {
  private timer: NodeJS.Timeout | null = null;
  private since = 0;

  constructor(
    private remainingMs: number,
    private readonly expire: () => void,
  ) {}

  resume(): void {
    if (this.timer !== null) return;
    this.since = Date.now();
    this.timer = setTimeout(this.expire, Math.max(0, this.remainingMs));
  }

  pause(): void {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.remainingMs -= Date.now() - this.since;
  }

  stop(): void {
    this.pause();
  }
}
