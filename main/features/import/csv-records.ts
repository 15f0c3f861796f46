import { buildSourceRecord, isBlankRow } from './build-source-record.js';
import type { SourceRecord } from './build-source-record.js';
import { scanCsvRows, TOO_MANY_UNREADABLE, type CsvRowVisitor } from './csv-rows.js';
import { MAX_MAPPED_COLUMNS, NO_TITLE_COLUMN, mapHeaders, type RememberedMappings } from './header-map.js';
import type { HeaderMapping } from './header-map.js';

export type { SourceRecord } from './build-source-record.js';

export interface RecordError {
  line: number | null;
  message: string;
  /** The header row, when the problem is that no column could be taken as the title: the app offers to map it. */
  headers?: string[];
}

export interface CsvReadOptions {
  /** Column mappings the officer made, by header set (settings 'import.columnMappings'). */
  columnMappings?: RememberedMappings;
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

/**
 * Reads a CSV or TSV snapshot into records. A bad record is reported with the physical line where it starts
 * and reading goes on, so good rows land and every data record is either returned or named in `errors`.
 * Throws NotTextFileError or UndecodableFileError when the file is not text at all.
 */
export function readCsvRecords(bytes: Uint8Array, options: CsvReadOptions = {}): CsvReadResult {
  const records: SourceRecord[] = [];
  const builder = new CsvRecordBuilder((record) => records.push(record), options);
  const scan = scanCsvRows(bytes, { trim: true }, builder);
  return { ...builder.finish(scan), records };
}

/** What reading a CSV file found, apart from the records themselves (which went to the caller one by one). */
export type CsvReadSummary = Omit<CsvReadResult, 'records'> & {
  /** Problems beyond the listed ones (a file broken on every line would otherwise fill memory with them). */
  errorsNotListed: number;
};

/** Problems listed per file; the rest are counted. */
export const MAX_LISTED_ERRORS = 2000;

/**
 * Turns CSV rows into records as they come (the first non-blank row is the header), handing each record to
 * `onRecord` and keeping only counters and the first MAX_LISTED_ERRORS problems, so a file of any length is
 * read in bounded memory.
 */
export class CsvRecordBuilder implements CsvRowVisitor {
  private header: Header | null = null;
  private headerUnreadable = false;
  private readonly errors: RecordError[] = [];
  private errorsNotListed = 0;
  private recordCount = 0;

  constructor(
    private readonly onRecord: (record: SourceRecord) => void,
    private readonly options: CsvReadOptions = {},
  ) {}

  row(cells: string[], line: number): void {
    if (isBlankRow(cells)) return;
    const header = this.header;
    if (header === null) {
      this.header = this.readHeader(cells, line);
      return;
    }
    this.recordCount++;
    // A broken header already failed the whole file; rows are only counted so the numbers still add up.
    if (header.mapping.problems.length > 0) return;
    const outcome = buildSourceRecord(cells, line, header.mapping, header.width);
    if ('error' in outcome) {
      this.addError(line, outcome.error);
      return;
    }
    this.onRecord(outcome.record);
    for (const warning of outcome.warnings) this.addError(line, warning);
  }

  error(line: number, message: string): boolean {
    if (this.header === null) {
      this.addError(line, `the header row cannot be read: ${message}`);
      this.headerUnreadable = true;
      return false;
    }
    this.recordCount++;
    this.addError(line, message);
    return true;
  }

  finish(scan: { encoding: string; delimiter: string; stoppedAt: number | null }): CsvReadSummary {
    if (scan.stoppedAt !== null) this.addError(scan.stoppedAt, TOO_MANY_UNREADABLE);
    if (this.header === null && !this.headerUnreadable) this.addError(null, 'the file is empty');
    const errors = [...this.errors];
    if (this.errorsNotListed > 0) errors.push({ line: null, message: `${this.errorsNotListed} more problems not listed` });
    return {
      format: scan.delimiter === '\t' ? 'tsv' : 'csv',
      encoding: scan.encoding,
      delimiter: scan.delimiter,
      errors,
      errorsNotListed: this.errorsNotListed,
      recordCount: this.recordCount,
    };
  }

  private addError(line: number | null, message: string): void {
    if (this.errors.length < MAX_LISTED_ERRORS) this.errors.push({ line, message });
    else this.errorsNotListed++;
  }

  private readHeader(cells: string[], line: number): Header {
    if (cells.some((cell) => cell.includes('\0'))) this.addError(line, 'NUL bytes removed');
    const headers = cells.map((cell) => cell.replaceAll('\0', ''));
    const mapping = mapHeaders(headers, this.options.columnMappings);
    for (const problem of mapping.problems) {
      if (problem.startsWith(NO_TITLE_COLUMN) && headers.length <= MAX_MAPPED_COLUMNS) {
        // Structured, so the app can show its column-mapping step for exactly this header row.
        if (this.errors.length < MAX_LISTED_ERRORS) this.errors.push({ line, message: problem, headers: headers.map((h) => h.trim().slice(0, 200)) });
        else this.errorsNotListed++;
      } else {
        this.addError(line, problem);
      }
    }
    return { mapping, width: cells.length };
  }
}

interface Header {
  mapping: HeaderMapping;
  width: number;
}
