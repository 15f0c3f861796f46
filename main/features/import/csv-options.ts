// The csv-parse options and error wording every CSV path shares (the stream scanner and its csv-parse
// fallback), kept apart so both can import them without a cycle.
import type { CsvError, Options } from 'csv-parse/sync';
import { MAX_FIELD_CHARS } from './build-source-record.js';

// csv-parse measures the growing field in UTF-8 bytes; a kanji takes 3, so MAX_FIELD_CHARS of Japanese text
// needs about three times that. Beyond this bound the parser stops the record before it eats memory (C8).
export const MAX_RECORD_BYTES = MAX_FIELD_CHARS * 4;

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
