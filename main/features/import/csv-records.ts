import { buildSourceRecord, isBlankRow } from './build-source-record.js';
import type { SourceRecord } from './build-source-record.js';
import { scanCsvRows, TOO_MANY_UNREADABLE, type CsvRowVisitor } from './csv-rows.js';
import { mapHeaders } from './header-map.js';
import type { HeaderMapping } from './header-map.js';

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

/**
 * Reads a CSV or TSV snapshot into records. A bad record is reported with the physical line where it starts
 * and reading goes on, so good rows land and every data record is either returned or named in `errors`.
 * Throws NotTextFileError or UndecodableFileError when the file is not text at all.
 */
export function readCsvRecords(bytes: Uint8Array): CsvReadResult {
  const records: SourceRecord[] = [];
  const builder = new CsvRecordBuilder((record) => records.push(record));
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

  constructor(private readonly onRecord: (record: SourceRecord) => void) {}

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
    const mapping = mapHeaders(cells.map((cell) => cell.replaceAll('\0', '')));
    for (const problem of mapping.problems) this.addError(line, problem);
    return { mapping, width: cells.length };
  }
}

interface Header {
  mapping: HeaderMapping;
  width: number;
}
