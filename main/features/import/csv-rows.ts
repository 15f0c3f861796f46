import { CsvError, parse } from 'csv-parse/sync';
import type { Options } from 'csv-parse/sync';
import { MAX_FIELD_CHARS } from './build-source-record.js';
import { decodeText } from './decode-text.js';
import type { TextEncodingName } from './decode-text.js';
import { detectDelimiter } from './detect-delimiter.js';
import { PhysicalLines } from './physical-lines.js';

// csv-parse measures the growing field in UTF-8 bytes; a kanji takes 3, so MAX_FIELD_CHARS of Japanese text
// needs about three times that. Beyond this bound the parser stops the record before it eats memory (C8).
export const MAX_RECORD_BYTES = MAX_FIELD_CHARS * 4;

// Each unreadable record restarts the parser on the next line; a file that is broken everywhere stops here.
const MAX_RESTARTS = 1000;

export const TOO_MANY_UNREADABLE = 'too many unreadable records; reading stopped here';

/**
 * The csv-parse options the importer reads with. With `trim`, csv-parse drops the whitespace around each
 * field (not inside quotes) and a line of nothing but whitespace counts as empty.
 */
export function csvParseOptions(delimiter: string, trim: boolean): Options {
  return {
    delimiter,
    quote: '"',
    escape: '"',
    record_delimiter: ['\r\n', '\n', '\r'],
    trim,
    skip_empty_lines: true,
    relax_column_count: true,
    // Like Excel, a quote inside an unquoted field (37°36'37.8"N) is text, not an error.
    relax_quotes: true,
    max_record_size: MAX_RECORD_BYTES,
  };
}

export interface CsvRowVisitor {
  /** One record as csv-parse returns it, with the physical line where it starts. */
  row(cells: string[], line: number): void;
  /** A record csv-parse cannot read, at the line where it starts. Return false to stop reading. */
  error(line: number, message: string): boolean;
}

export interface CsvScan {
  encoding: TextEncodingName;
  delimiter: string;
  /** Line where reading gave up after too many unreadable records, or null when the whole file was read. */
  stoppedAt: number | null;
}

/**
 * Decodes the bytes, picks the delimiter and hands every record to the visitor. A record csv-parse cannot
 * read is reported at the physical line where it starts and reading resumes on the next line, so one broken
 * quote costs one record, not the rest of the file (C6).
 * Throws NotTextFileError or UndecodableFileError when the file is not text at all.
 */
export function scanCsvRows(bytes: Uint8Array, options: { trim: boolean }, visitor: CsvRowVisitor): CsvScan {
  const { text, encoding } = decodeText(bytes);
  const { delimiter, headerStart } = detectDelimiter(text);
  const buffer = Buffer.from(text, 'utf8');
  const lines = new PhysicalLines(buffer);
  const scan: CsvScan = { encoding, delimiter, stoppedAt: null };
  // Where the next record really begins: csv-parse skips empty lines, and with `trim` whitespace-only ones.
  const recordStart = (offset: number): number =>
    options.trim ? lines.skipWhitespace(offset) : skipLineBreaks(buffer, offset);

  let offset = Buffer.byteLength(text.slice(0, headerStart), 'utf8');
  for (let restarts = 0; offset < buffer.length; restarts++) {
    let recordEnd = offset;
    try {
      parse(buffer.subarray(offset), {
        ...csvParseOptions(delimiter, options.trim),
        on_record: (cells: string[], info) => {
          const start = recordStart(recordEnd);
          recordEnd = offset + info.bytes;
          visitor.row(cells, lines.lineAt(start));
          // Records go to the visitor; returning null keeps csv-parse from building a second array.
          return null;
        },
      });
      break;
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      const line = lines.lineAt(recordStart(recordEnd));
      if (!visitor.error(line, describeCsvError(error))) return scan;
      if (restarts >= MAX_RESTARTS) {
        scan.stoppedAt = line;
        return scan;
      }
      offset = lines.startOf(line + 1);
    }
  }
  return scan;
}

export interface CsvRowError {
  line: number | null;
  message: string;
}

export interface CsvRows {
  rows: string[][];
  delimiter: string;
  encoding: string;
  errors: CsvRowError[];
}

export interface CsvRowsOptions {
  /**
   * True (the default) gives the cells as the importer keeps them: csv-parse trims around each field, then
   * every value is trimmed, as mapHeaders and buildSourceRecord do, so whitespace inside quotes at either end
   * goes too. False gives the cells exactly as written between the delimiters.
   */
  trim?: boolean;
}

/**
 * Reads a CSV or TSV file into rows of cells, with the importer's decoding, delimiter detection and
 * csv-parse options but none of its header mapping: every record is returned, the header row and rows of
 * empty cells included. Unreadable records are left out and named in `errors`.
 * Throws NotTextFileError or UndecodableFileError when the file is not text at all.
 */
export function readCsvRows(bytes: Uint8Array, options: CsvRowsOptions = {}): CsvRows {
  const trim = options.trim ?? true;
  const rows: string[][] = [];
  const errors: CsvRowError[] = [];
  const scan = scanCsvRows(bytes, { trim }, {
    row: (cells) => {
      rows.push(trim ? cells.map((cell) => cell.trim()) : cells);
    },
    error: (line, message) => {
      errors.push({ line, message });
      return true;
    },
  });
  if (scan.stoppedAt !== null) errors.push({ line: scan.stoppedAt, message: TOO_MANY_UNREADABLE });
  return { rows, delimiter: scan.delimiter, encoding: scan.encoding, errors };
}

export function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'unexpected text after a closing quote';
    case 'INVALID_OPENING_QUOTE':
      return 'a quote in the middle of an unquoted field';
    case 'CSV_MAX_RECORD_SIZE':
      return `the record is too long (over ${MAX_RECORD_BYTES.toLocaleString('en-US')} bytes)`;
    default:
      return `the record cannot be read (${error.code})`;
  }
}

function skipLineBreaks(bytes: Uint8Array, offset: number): number {
  let i = offset;
  while (i < bytes.length && (bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return i;
}
