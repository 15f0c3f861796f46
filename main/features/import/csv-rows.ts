import { decodeText } from './decode-text.js';
import type { TextEncodingName } from './decode-text.js';
import { detectDelimiter } from './detect-delimiter.js';
import { CsvStreamScanner } from './csv-stream-scanner.js';
import { TOO_MANY_UNREADABLE, type CsvRowVisitor } from './csv-options.js';

export { csvParseOptions, describeCsvError, MAX_RECORD_BYTES, TOO_MANY_UNREADABLE, type CsvRowVisitor } from './csv-options.js';

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
export function scanCsvRows(
  bytes: Uint8Array,
  options: { trim: boolean; fastPath?: boolean },
  visitor: CsvRowVisitor,
): CsvScan {
  const { text, encoding } = decodeText(bytes);
  const { delimiter, headerStart } = detectDelimiter(text);
  const scanner = new CsvStreamScanner(delimiter, options, visitor, Buffer.byteLength(text.slice(0, headerStart), 'utf8'));
  scanner.push(Buffer.from(text, 'utf8'));
  scanner.end();
  return { encoding, delimiter, stoppedAt: scanner.stoppedAt };
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
  /** False sends every record through csv-parse (the reference the fast path is tested against). */
  fastPath?: boolean;
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
  const scan = scanCsvRows(bytes, { trim, fastPath: options.fastPath }, {
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
