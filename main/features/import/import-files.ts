// Imports snapshot files: each file is read by the parser process while its items are written, in one
// transaction per file, so a file that fails or is cancelled halfway leaves the database exactly as it was
// while the other files still land. Items stream: neither process holds more than a few batches of them.
import { readColumnMappings } from './column-mappings-repository.js';
import type { RememberedMappings } from './header-map.js';
import { statSync } from 'node:fs';
import type { ImportError, ImportSummary } from '../../../shared/domain/item.js';
import type { ImportProgressEvent } from '../../../shared/ipc/events.js';
import type { Connection } from '../../db/database.js';
import {
  DEFAULT_LIMITS,
  ImportCancelledError,
  ParserProcess,
  ReaderFailedError,
  type ParseSource,
  type ParserLimits,
  type SpawnParser,
} from '../../workers/parser-process.js';
import { isSupportedFile, SUPPORTED_EXTENSIONS, UnsupportedFileError } from './read-snapshot.js';
import { FileTooLargeError, isStreamedFile, MAX_WHOLE_FILE_BYTES } from './read-snapshot-stream.js';
import {
  finishBatch,
  insertBatch,
  newDateMatchState,
  renameBatchSource,
  upsertItems,
  withImportPageCache,
  type UpsertOutcome,
} from './import-repository.js';

/**
 * One file to import. A file on disk is given by path and read by the parser process in chunks (CSV of any
 * size in bounded memory); bytes are for content that never was a file here (pasted text, uploads).
 */
export type ImportInputFile =
  | {
      /** The name shown in errors and the import history; never used as a path here. */
      name: string;
      bytes: Uint8Array;
    }
  | { name: string; path: string };

/** Progress of one import, as the 'import.progress' event carries it (the job id is added by ImportJobs). */
export type ImportProgress = Omit<ImportProgressEvent, 'jobId'>;

export interface ImportOptions {
  actor?: string;
  now?: () => Date;
  /** Aborting stops the import: the file being imported is rolled back whole, later files are skipped. */
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  limits?: ParserLimits;
  /** How to start the parser process: Node's fork by default, Electron's utilityProcess in the app. */
  spawnParser?: SpawnParser;
  /** A parser the caller owns (and closes), e.g. to read its peak memory afterwards. */
  parser?: ParserProcess;
}

/**
 * Saved pages are parsed whole and are refused above this size; CSV, TSV and feeds stream and have no limit
 * (the reader's time budget grows with the file instead).
 */
export const MAX_FILE_BYTES = MAX_WHOLE_FILE_BYTES;

export { isSupportedFile, SUPPORTED_EXTENSIONS };

export async function importFiles(
  db: Connection,
  files: readonly ImportInputFile[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const total: ImportSummary = { imported: 0, duplicates: 0, updated: 0, failed: 0, errors: [] };
  const parser = options.parser ?? new ParserProcess(options.limits ?? DEFAULT_LIMITS, options.spawnParser);
  const columnMappings = await readColumnMappings(db);
  try {
    for (const [fileIndex, file] of files.entries()) {
      const progress = (phase: ImportProgress['phase'], recordsDone: number, recordCount: number, bytesDone: number, bytesTotal: number) =>
        options.onProgress?.({ fileIndex, fileCount: files.length, fileName: file.name, phase, recordsDone, recordCount, bytesDone, bytesTotal });
      let result: ImportSummary;
      try {
        result = await importOneFile(db, file, options, parser, progress, columnMappings);
      } catch (error) {
        if (!(error instanceof ImportCancelledError)) throw error;
        const skipped = files.length - fileIndex - 1;
        total.errors.push({
          file: file.name,
          line: null,
          message: `import cancelled: nothing of this file was imported${skipped > 0 ? `, and ${skipped} more file(s) were skipped` : ''}`,
        });
        break;
      }
      total.imported += result.imported;
      total.duplicates += result.duplicates;
      total.updated += result.updated;
      total.failed += result.failed;
      total.errors.push(...result.errors);
    }
  } finally {
    if (!options.parser) parser.close();
  }
  return total;
}

type FileProgress = (phase: ImportProgress['phase'], recordsDone: number, recordCount: number, bytesDone: number, bytesTotal: number) => void;

async function importOneFile(
  db: Connection,
  file: ImportInputFile,
  options: ImportOptions,
  parser: ParserProcess,
  progress: FileProgress,
  columnMappings: RememberedMappings,
): Promise<ImportSummary> {
  const fileError = (message: string, line: number | null = null): ImportSummary => ({
    imported: 0,
    duplicates: 0,
    updated: 0,
    failed: 1,
    errors: [{ file: file.name, line, message }],
  });
  if (!isSupportedFile(file.name)) {
    return fileError(new UnsupportedFileError(file.name).message);
  }
  let size: number;
  try {
    size = 'path' in file ? statSync(file.path).size : file.bytes.byteLength;
  } catch (error) {
    return fileError(`the file cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isStreamedFile(file.name) && size > MAX_WHOLE_FILE_BYTES) return fileError(new FileTooLargeError().message);

  progress('reading', 0, 0, 0, size);
  const source: ParseSource = 'path' in file ? { path: file.path } : { bytes: file.bytes };
  const batches = parser.stream(file.name, source, size, options.signal, columnMappings);
  const now = options.now ?? (() => new Date());
  const actor = options.actor ?? 'import';
  const startedAt = now().toISOString();
  let received = 0;
  try {
    // The first batch (or the verdict on a file that is not readable) comes before the write lock is taken.
    let next = await batches.next();
    const summary = await db.withTransaction((tx) => withImportPageCache(tx, async () => {
      const batchId = await insertBatch(tx, { fileName: file.name, fileSize: size, sha256: '', format: 'pending', encoding: null, startedAt });
      const counts = { imported: 0, duplicates: 0, updated: 0 };
      const dateMatch = newDateMatchState();
      while (!next.done) {
        const { items, bytesRead, bytesTotal } = next.value;
        // Checked between batches: throwing here rolls the whole file back.
        if (options.signal?.aborted) throw new ImportCancelledError();
        // The total is not known until the file is read; estimated from the bytes so far, exact at 'done'.
        const estimate = bytesRead > 0 ? Math.max(received + items.length, Math.round(((received + items.length) * bytesTotal) / bytesRead)) : received;
        if (received === 0) progress('writing', 0, estimate, bytesRead, bytesTotal);
        received += items.length;
        for (const outcome of await upsertItems(tx, items, batchId, startedAt, actor, undefined, dateMatch)) counts[outcomeCounter(outcome)] += 1;
        progress('writing', received, estimate, bytesRead, bytesTotal);
        next = await batches.next();
      }
      const read = next.value;
      if (read.sourceNameChange) await renameBatchSource(tx, batchId, read.sourceNameChange.from, read.sourceNameChange.to);
      const errors: ImportError[] = read.errors.map((e) => ({
        file: file.name,
        line: e.line,
        message: e.message,
        ...(e.headers ? { headers: e.headers } : {}),
      }));
      // Records the reader saw but could not turn into items; warnings on kept records do not count.
      const result = { ...counts, failed: Math.max(0, read.recordCount - received), errors };
      await finishBatch(tx, batchId, result, now().toISOString(), { sha256: read.sha256, format: read.format, encoding: read.encoding });
      return result;
    }));
    progress('done', received, received, size, size);
    return summary;
  } catch (error) {
    if (error instanceof ImportCancelledError) throw error;
    // The transaction rolled back (or never began): nothing of this file landed.
    if (error instanceof ReaderFailedError) return fileError(error.message);
    const message = error instanceof Error ? error.message : String(error);
    return {
      imported: 0,
      duplicates: 0,
      updated: 0,
      // Every record read so far failed with it (the rest of a file abandoned halfway was never read).
      failed: Math.max(1, received),
      errors: [{ file: file.name, line: null, message: `nothing was imported from this file: ${message}` }],
    };
  } finally {
    // Ends the reader if the file was abandoned halfway (a write error): it must not keep sending.
    await batches.return(undefined as never).catch(() => undefined);
  }
}

function outcomeCounter(outcome: UpsertOutcome): 'imported' | 'duplicates' | 'updated' {
  return outcome === 'imported' ? 'imported' : outcome === 'duplicate' ? 'duplicates' : 'updated';
}
