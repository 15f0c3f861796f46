import { CsvError, parse } from 'csv-parse/sync';
import { buildSourceRecord, isBlankRow, MAX_FIELD_CHARS } from './build-source-record.js';
import type { SourceRecord } from './build-source-record.js';
import { decodeText } from './decode-text.js';
import { detectDelimiter } from './detect-delimiter.js';
import { mapHeaders } from './header-map.js';
import type { HeaderMapping } from './header-map.js';
import { PhysicalLines } from './physical-lines.js';

export type { SourceRecord } from './build-source-record.js';

export interface RecordError {
  line: number | null;
  message: string;
}

export interface CsvReadResult {
  format: 'csv' | 'tsv';
  encoding: string;
  delimiter: string;
  records: SourceRecord[];
  errors: RecordError[];
  /** Data records seen, failed ones included, so that imported + failed can be checked against it. */
  recordCount: number;
}

// csv-parse measures the growing field in UTF-8 bytes; a kanji takes 3, so MAX_FIELD_CHARS of Japanese text
// needs about three times that. Beyond this bound the parser stops the record before it eats memory (C8).
const MAX_RECORD_BYTES = MAX_FIELD_CHARS * 4;

// Each unreadable record restarts the parser on the next line; a file that is broken everywhere stops here.
const MAX_RESTARTS = 1000;

/**
 * Reads a CSV or TSV snapshot into records. A bad record is reported with the physical line where it starts
 * and reading goes on, so good rows land and every data record is either returned or named in `errors`.
 * Throws NotTextFileError or UndecodableFileError when the file is not text at all.
 */
export function readCsvRecords(bytes: Uint8Array): CsvReadResult {
  const { text, encoding } = decodeText(bytes);
  const { delimiter, headerStart } = detectDelimiter(text);
  const buffer = Buffer.from(text, 'utf8');
  const lines = new PhysicalLines(buffer);

  const result: CsvReadResult = {
    format: delimiter === '\t' ? 'tsv' : 'csv',
    encoding,
    delimiter,
    records: [],
    errors: [],
    recordCount: 0,
  };

  // Held in an object because the parser callback sets it; a plain `let` would stay narrowed to null.
  const state: { header: Header | null } = { header: null };
  const acceptRow = (cells: string[], line: number): void => {
    if (isBlankRow(cells)) return;
    const header = state.header;
    if (header === null) {
      state.header = readHeader(cells, line, result);
      return;
    }
    result.recordCount++;
    // A broken header already failed the whole file; rows are only counted so the numbers still add up.
    if (header.mapping.problems.length > 0) return;
    const outcome = buildSourceRecord(cells, line, header.mapping, header.width);
    if ('error' in outcome) {
      result.errors.push({ line, message: outcome.error });
      return;
    }
    result.records.push(outcome.record);
    for (const warning of outcome.warnings) result.errors.push({ line, message: warning });
  };

  let offset = Buffer.byteLength(text.slice(0, headerStart), 'utf8');
  for (let restarts = 0; offset < buffer.length; restarts++) {
    let recordEnd = offset;
    try {
      parse(buffer.subarray(offset), {
        delimiter,
        quote: '"',
        escape: '"',
        record_delimiter: ['\r\n', '\n', '\r'],
        trim: true,
        skip_empty_lines: true,
        relax_column_count: true,
        max_record_size: MAX_RECORD_BYTES,
        on_record: (cells: string[], info) => {
          const start = lines.skipWhitespace(recordEnd);
          recordEnd = offset + info.bytes;
          acceptRow(cells, lines.lineAt(start));
          // Records are collected by acceptRow; returning null keeps csv-parse from building a second array.
          return null;
        },
      });
      break;
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      const start = lines.skipWhitespace(recordEnd);
      const line = lines.lineAt(start);
      if (state.header === null) {
        result.errors.push({ line, message: `the header row cannot be read: ${describeCsvError(error)}` });
        return result;
      }
      result.recordCount++;
      result.errors.push({ line, message: describeCsvError(error) });
      if (restarts >= MAX_RESTARTS) {
        result.errors.push({ line, message: `too many unreadable records; reading stopped here` });
        break;
      }
      // Resume on the line after the one where the broken record began: an unterminated quote must cost one
      // record, not swallow the rest of the file (C6).
      offset = lines.startOf(line + 1);
    }
  }

  if (state.header === null) result.errors.push({ line: null, message: 'the file is empty' });
  return result;
}

interface Header {
  mapping: HeaderMapping;
  width: number;
}

function readHeader(cells: string[], line: number, result: CsvReadResult): Header {
  if (cells.some((cell) => cell.includes('\0'))) result.errors.push({ line, message: 'NUL bytes removed' });
  const mapping = mapHeaders(cells.map((cell) => cell.replaceAll('\0', '')));
  for (const problem of mapping.problems) result.errors.push({ line, message: problem });
  return { mapping, width: cells.length };
}

function describeCsvError(error: CsvError): string {
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
