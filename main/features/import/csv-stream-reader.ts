// Reads a CSV or TSV file in chunks: decoded as it goes (the encoding chosen over the whole stream first),
// split into records by the stream scanner, each record handed on as soon as it is built. Only the record
// being read and the chunk in hand are in memory, whatever the file size.
import { createHash } from 'node:crypto';
import type { ByteSource } from './byte-source.js';
import { CsvRecordBuilder, type CsvReadOptions, type CsvReadSummary } from './csv-records.js';
import { CsvStreamScanner } from './csv-stream-scanner.js';
import { detectStreamEncoding, UndecodableFileError, type TextEncodingName } from './decode-text.js';
import { detectDelimiter } from './detect-delimiter.js';
import type { SourceRecord } from './source-record.js';

export interface CsvStreamSummary extends CsvReadSummary {
  sha256: string;
}

/** Text looked at for the delimiter: the header row, which is the first line. */
const HEADER_SAMPLE_BYTES = 1024 * 1024;

/**
 * Calls `onRecord` for each record in file order and `afterChunk` after each chunk (where the caller sends
 * what it has and waits if the importer is behind). Throws NotTextFileError or UndecodableFileError when the
 * file is not text at all.
 */
export async function readCsvStream(
  source: ByteSource,
  onRecord: (record: SourceRecord) => void,
  afterChunk: (bytesRead: number) => Promise<void>,
  options: CsvReadOptions = {},
): Promise<CsvStreamSummary> {
  const { encoding, bomLength } = await detectStreamEncoding(source);
  const toUtf8 = utf8Converter(encoding);
  const hash = createHash('sha256');
  const builder = new CsvRecordBuilder(onRecord, options);
  let scanner: CsvStreamScanner | null = null;
  let delimiter = ',';
  // Bytes held back until the header line is complete, so the delimiter is chosen on the whole header.
  let held: Buffer[] = [];
  let heldBytes = 0;
  const feed = (utf8: Buffer, last: boolean) => {
    if (scanner) {
      scanner.push(utf8);
      return;
    }
    held.push(utf8);
    heldBytes += utf8.length;
    if (!last && heldBytes < HEADER_SAMPLE_BYTES && !utf8.includes(0x0a) && !utf8.includes(0x0d)) return;
    const start = Buffer.concat(held);
    held = [];
    const text = start.toString('utf8');
    const choice = detectDelimiter(text);
    delimiter = choice.delimiter;
    scanner = new CsvStreamScanner(delimiter, { trim: true }, builder, Buffer.byteLength(text.slice(0, choice.headerStart), 'utf8'));
    scanner.push(start);
  };

  let bytesRead = 0;
  let skip = bomLength;
  for await (const chunk of source.chunks()) {
    hash.update(chunk);
    bytesRead += chunk.length;
    const body = skip > 0 ? chunk.subarray(Math.min(skip, chunk.length)) : chunk;
    skip = Math.max(0, skip - chunk.length);
    feed(toUtf8(body, false), false);
    await afterChunk(bytesRead);
  }
  feed(toUtf8(new Uint8Array(0), true), true);
  const done = scanner as CsvStreamScanner | null;
  done?.end();
  return { ...builder.finish({ encoding, delimiter, stoppedAt: done?.stoppedAt ?? null }), sha256: hash.digest('hex') };
}

/** UTF-8 passes through (it was checked whole); other encodings are decoded in fatal mode, chunk by chunk. */
function utf8Converter(encoding: TextEncodingName): (bytes: Uint8Array, last: boolean) => Buffer {
  if (encoding === 'utf-8') return (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  return (bytes, last) => {
    try {
      return Buffer.from(decoder.decode(bytes, { stream: !last }), 'utf8');
    } catch {
      throw new UndecodableFileError([encoding]);
    }
  };
}
