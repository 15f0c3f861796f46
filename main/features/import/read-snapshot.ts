// Chooses the reader for a snapshot file by its extension (and, for ambiguous ones, its content), so
// that every format lands as the same SourceRecord list.
import { extname } from 'node:path';
import { readCsvRecords, type CsvReadOptions, type RecordError } from './csv-records.js';
import { FeedReadError, looksLikeFeed, readFeedRecords } from './feeds/feed-records.js';
import { readPageRecords } from './pages/page-records.js';
import type { SourceRecord } from './source-record.js';

export interface SnapshotReadResult {
  format: string;
  encoding: string;
  records: SourceRecord[];
  errors: RecordError[];
  /** Records the reader saw, failed ones included: imported + duplicates + updated + failed adds up to it. */
  recordCount: number;
}

export class UnsupportedFileError extends Error {
  constructor(
    readonly fileName: string,
    what = `unsupported file type "${extname(fileName) || fileName}"`,
  ) {
    super(`${what}: this version imports ${SUPPORTED_EXTENSIONS.join(', ')}`);
    this.name = 'UnsupportedFileError';
  }
}

const CSV_EXTENSIONS = ['.csv', '.tsv'];
export const FEED_EXTENSIONS = ['.rss', '.rdf', '.atom', '.xml'];
export const PAGE_EXTENSIONS = ['.txt', '.html', '.htm'];
export const SUPPORTED_EXTENSIONS = [...CSV_EXTENSIONS, ...FEED_EXTENSIONS, ...PAGE_EXTENSIONS] as const;

export function isSupportedFile(name: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
}

/** Errors that describe the file, not a bug: the importer reports them against the file and goes on. */
export function isFileLevelReadError(error: unknown): error is Error {
  return error instanceof UnsupportedFileError || error instanceof FeedReadError;
}

/** Runs inside the parser process: untrusted bytes are only ever read there. */
export function readSnapshot(name: string, bytes: Uint8Array, options: CsvReadOptions = {}): SnapshotReadResult {
  const extension = extname(name).toLowerCase();
  if (CSV_EXTENSIONS.includes(extension)) return readCsvRecords(bytes, options);
  if (FEED_EXTENSIONS.includes(extension)) {
    // .xml is also used for things that are not feeds (Excel XML, sitemaps): refuse those by name.
    if (extension === '.xml' && !looksLikeFeed(bytes)) throw new UnsupportedFileError(name, 'an XML file that is not an RSS, RDF or Atom feed');
    return readFeedRecords(bytes);
  }
  if (PAGE_EXTENSIONS.includes(extension)) {
    // A feed saved with .html or .txt is still a feed.
    if (looksLikeFeed(bytes)) return readFeedRecords(bytes);
    const { dropped: _dropped, ...result } = readPageRecords({ bytes, fileName: name });
    return result;
  }
  throw new UnsupportedFileError(name);
}
