// The parser process's side of an import: reads one snapshot from its source and hands the importer prepared
// items as they are read. CSV, TSV and feeds stream in chunks (any size, bounded memory); saved pages are parsed
// whole, so they keep a size limit, and their items are still handed on in batches.
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { ByteSource } from './byte-source.js';
import { readCsvStream } from './csv-stream-reader.js';
import type { CsvReadOptions, RecordError } from './csv-records.js';
import { looksLikeFeed, SNIFF_BYTES } from './feeds/feed-records.js';
import { readFeedStream } from './feeds/feed-stream-reader.js';
import type { ItemFields } from './import-repository.js';
import { prepareItem } from './prepare-item.js';
import { FEED_EXTENSIONS, PAGE_EXTENSIONS, readSnapshot, UnsupportedFileError } from './read-snapshot.js';

/** Saved pages are parsed whole; larger ones are refused before they are read. */
export const MAX_WHOLE_FILE_BYTES = 256 * 1024 * 1024;

const CSV_EXTENSIONS = ['.csv', '.tsv'];
const STREAMED_EXTENSIONS = [...CSV_EXTENSIONS, ...FEED_EXTENSIONS];

export function isStreamedFile(name: string): boolean {
  return STREAMED_EXTENSIONS.includes(extname(name).toLowerCase());
}

export class FileTooLargeError extends Error {
  constructor() {
    super(`the file is larger than ${MAX_WHOLE_FILE_BYTES / 1024 / 1024} MB; saved pages are read whole, so split it (CSV and feeds have no such limit)`);
    this.name = 'FileTooLargeError';
  }
}

export interface SnapshotStreamSummary {
  format: string;
  encoding: string;
  /** The first problems (a capped list; the last entry counts the rest). */
  errors: RecordError[];
  /** Records the reader saw, failed ones included. */
  recordCount: number;
  sha256: string;
  fileSize: number;
  /** A feed whose title came after items were handed on: their source name is to be changed from → to. */
  sourceNameChange?: { from: string | null; to: string | null } | null;
}

export interface ItemSink {
  add(item: ItemFields): void;
  /** Sends what is ready, and waits while the importer is behind: the reader never runs ahead of the writer. */
  flush(bytesRead: number): Promise<void>;
}

/** Items handed on between flushes of a whole-parsed file, so its items travel while earlier ones are written. */
const WHOLE_FILE_FLUSH_ITEMS = 250;

export async function readSnapshotStream(
  name: string,
  source: ByteSource,
  sink: ItemSink,
  options: CsvReadOptions = {},
): Promise<SnapshotStreamSummary> {
  if (await isStreamedFeed(name, source)) {
    const summary = await readFeedStream(source, (record) => sink.add(prepareItem(record)), (bytesRead) => sink.flush(bytesRead));
    await sink.flush(source.size);
    return {
      format: summary.format,
      encoding: summary.encoding,
      errors: summary.errors,
      recordCount: summary.recordCount,
      sha256: summary.sha256,
      fileSize: source.size,
      sourceNameChange: summary.sourceNameChange,
    };
  }
  if (CSV_EXTENSIONS.includes(extname(name).toLowerCase())) {
    const summary = await readCsvStream(source, (record) => sink.add(prepareItem(record)), (bytesRead) => sink.flush(bytesRead), options);
    await sink.flush(source.size);
    return {
      format: summary.format,
      encoding: summary.encoding,
      errors: summary.errors,
      recordCount: summary.recordCount,
      sha256: summary.sha256,
      fileSize: source.size,
    };
  }
  if (source.size > MAX_WHOLE_FILE_BYTES) {
    throw new FileTooLargeError();
  }
  const bytes = await source.whole();
  const result = readSnapshot(name, bytes, options);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { records } = result;
  for (let i = 0; i < records.length; i++) {
    sink.add(prepareItem(records[i] as (typeof records)[number]));
    if ((i + 1) % WHOLE_FILE_FLUSH_ITEMS === 0) await sink.flush(source.size);
  }
  await sink.flush(source.size);
  return {
    format: result.format,
    encoding: result.encoding,
    errors: result.errors,
    recordCount: result.recordCount,
    sha256,
    fileSize: source.size,
  };
}

/**
 * Whether the file is read as a streamed feed: a feed extension, or a saved page that is a feed all the same
 * (sniffed like readSnapshot does). An .xml file that is no feed is refused here, as readSnapshot refuses it.
 */
async function isStreamedFeed(name: string, source: ByteSource): Promise<boolean> {
  const extension = extname(name).toLowerCase();
  const feedExtension = FEED_EXTENSIONS.includes(extension);
  if (!feedExtension && !PAGE_EXTENSIONS.includes(extension)) return false;
  const isFeed = looksLikeFeed(await source.head(SNIFF_BYTES));
  if (extension === '.xml' && !isFeed) throw new UnsupportedFileError(name, 'an XML file that is not an RSS, RDF or Atom feed');
  return feedExtension || isFeed;
}
