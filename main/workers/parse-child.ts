// The process that reads untrusted snapshot files. It is a separate OS process, not a worker thread: a
// parser bomb that exhausts memory can kill a worker's whole process (V8 treats some out-of-memory
// failures as fatal to every thread), so the readers run where dying costs only this child.
// Speaks to Node's child_process.fork parent (process.send) and to Electron's utilityProcess
// (process.parentPort) with the same messages.
import { NotTextFileError, UndecodableFileError } from '../features/import/decode-text.js';
import { isFileLevelReadError, readSnapshot } from '../features/import/read-snapshot.js';
import { RECORDS_PER_MESSAGE, type ParseReply, type ParseRequest } from './parse-messages.js';

interface ParentPort {
  on(event: 'message', listener: (event: { data: ParseRequest }) => void): void;
  postMessage(message: ParseReply): void;
}

function isExpectedFileError(error: unknown): error is Error {
  return error instanceof NotTextFileError || error instanceof UndecodableFileError || isFileLevelReadError(error);
}

function handle(request: ParseRequest, send: (reply: ParseReply) => void): void {
  try {
    const result = readSnapshot(request.name, request.bytes);
    for (let i = 0; i < result.records.length; i += RECORDS_PER_MESSAGE) {
      send({ ok: 'partial', records: result.records.slice(i, i + RECORDS_PER_MESSAGE) });
    }
    send({ ok: true, result: { ...result, records: [] }, peakRssKb: process.resourceUsage().maxRSS });
  } catch (error) {
    send(
      isExpectedFileError(error)
        ? { ok: false, kind: 'file', message: error.message }
        : { ok: false, kind: 'crash', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) },
    );
  }
}

// Ctrl+C in a terminal reaches the whole process group; the importer decides what a cancel means and
// ends this process itself, so the reader must not die first and look like a crash.
process.on('SIGINT', () => undefined);

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (parentPort) {
  parentPort.on('message', (event) => handle(event.data, (reply) => parentPort.postMessage(reply)));
} else {
  process.on('message', (request: ParseRequest) => handle(request, (reply) => process.send?.(reply)));
}
