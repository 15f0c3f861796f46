import { buildSourceRecord, isBlankRow } from './build-source-record.js';
import type { SourceRecord } from './build-source-record.js';
import { scanCsvRows, TOO_MANY_UNREADABLE } from './csv-rows.js';
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
  const result: CsvReadResult = {
    format: 'csv',
    encoding: 'utf-8',
    delimiter: ',',
    records: [],
    errors: [],
    recordCount: 0,
  };

  // Held in an object because the visitor sets it; a plain `let` would stay narrowed to null.
  const state: { header: Header | null; headerUnreadable: boolean } = { header: null, headerUnreadable: false };
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

  const scan = scanCsvRows(bytes, { trim: true }, {
    row: acceptRow,
    error: (line, message) => {
      if (state.header === null) {
        result.errors.push({ line, message: `the header row cannot be read: ${message}` });
        state.headerUnreadable = true;
        return false;
      }
      result.recordCount++;
      result.errors.push({ line, message });
      return true;
    },
  });
  result.format = scan.delimiter === '\t' ? 'tsv' : 'csv';
  result.encoding = scan.encoding;
  result.delimiter = scan.delimiter;
  if (scan.stoppedAt !== null) result.errors.push({ line: scan.stoppedAt, message: TOO_MANY_UNREADABLE });

  if (state.header === null && !state.headerUnreadable) result.errors.push({ line: null, message: 'the file is empty' });
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
