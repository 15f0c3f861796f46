// The process that reads untrusted snapshot files. It is a separate OS process, not a worker thread: a
// parser bomb that exhausts memory can kill a worker's whole process (V8 treats some out-of-memory
// failures as fatal to every thread), so the readers run where dying costs only this child.
// Speaks to Node's child_process.fork parent (process.send) and to Electron's utilityProcess
// (process.parentPort) with the same messages.
import { bytesSource, fileSource } from '../features/import/byte-source.js';
import { NotTextFileError, UndecodableFileError } from '../features/import/decode-text.js';
import type { ItemFields } from '../features/import/import-repository.js';
import { FileTooLargeError, readSnapshotStream } from '../features/import/read-snapshot-stream.js';
import { isFileLevelReadError } from '../features/import/read-snapshot.js';
import { BATCHES_IN_FLIGHT, ITEMS_PER_MESSAGE, type ParseReply, type ParseRequest } from './parse-messages.js';

interface ParentPort {
  on(event: 'message', listener: (event: { data: ParseRequest }) => void): void;
  postMessage(message: ParseReply): void;
}

function isExpectedFileError(error: unknown): error is Error {
  return (
    error instanceof NotTextFileError ||
    error instanceof UndecodableFileError ||
    error instanceof FileTooLargeError ||
    isFileLevelReadError(error) ||
    (error as { code?: string } | null)?.code === 'ENOENT'
  );
}

/** Credits: batches the importer will still accept before it acknowledges one. */
let credits = BATCHES_IN_FLIGHT;
let creditGranted: (() => void) | null = null;

function grantCredit(): void {
  credits++;
  creditGranted?.();
  creditGranted = null;
}

async function sendWhenAllowed(send: (reply: ParseReply) => void, reply: ParseReply): Promise<void> {
  while (credits <= 0) await new Promise<void>((resolve) => (creditGranted = resolve));
  credits--;
  send(reply);
}

async function handle(request: Extract<ParseRequest, { type: 'read' }>, send: (reply: ParseReply) => void): Promise<void> {
  credits = BATCHES_IN_FLIGHT;
  try {
    const source = 'path' in request.source ? fileSource(request.source.path) : bytesSource(request.source.bytes);
    let pending: ItemFields[] = [];
    const summary = await readSnapshotStream(
      request.name,
      source,
      {
      add: (item) => void pending.push(item),
      flush: async (bytesRead) => {
        while (pending.length > 0) {
          const items = pending.length <= ITEMS_PER_MESSAGE ? pending : pending.slice(0, ITEMS_PER_MESSAGE);
          pending = pending.length <= ITEMS_PER_MESSAGE ? [] : pending.slice(ITEMS_PER_MESSAGE);
          await sendWhenAllowed(send, { ok: 'items', batch: { items, bytesRead, bytesTotal: source.size } });
        }
      },
      },
      { columnMappings: request.columnMappings },
    );
    send({ ok: true, summary, peakRssKb: process.resourceUsage().maxRSS });
  } catch (error) {
    send(
      isExpectedFileError(error)
        ? { ok: false, kind: 'file', message: error.message }
        : { ok: false, kind: 'crash', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) },
    );
  }
}

function dispatch(request: ParseRequest, send: (reply: ParseReply) => void): void {
  if (request.type === 'ack') grantCredit();
  else void handle(request, send);
}

// Ctrl+C in a terminal reaches the whole process group; the importer decides what a cancel means and
// ends this process itself, so the reader must not die first and look like a crash.
process.on('SIGINT', () => undefined);

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (parentPort) {
  parentPort.on('message', (event) => dispatch(event.data, (reply) => parentPort.postMessage(reply)));
} else {
  process.on('message', (request: ParseRequest) => dispatch(request, (reply) => process.send?.(reply)));
}
