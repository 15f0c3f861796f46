// Imports snapshot files: each file is read and checked first, then written in a transaction of its own,
// so a file that fails halfway leaves the database exactly as it was while the other files still land.
import { createHash } from 'node:crypto';
import type { ImportError, ImportSummary } from '../../../shared/domain/item.js';
import type { ImportProgressEvent } from '../../../shared/ipc/events.js';
import type { Connection } from '../../db/database.js';
import { DEFAULT_LIMITS, ImportCancelledError, ParserProcess, ReaderFailedError, type ParserLimits, type SpawnParser } from '../../workers/parser-process.js';
import type { SourceRecord } from './source-record.js';
import { isSupportedFile, SUPPORTED_EXTENSIONS, UnsupportedFileError, type SnapshotReadResult } from './read-snapshot.js';
import { finishBatch, insertBatch, upsertItems, type ItemFields } from './import-repository.js';
import { computeIdentityKey, computeStoryHash } from './item-identity.js';

export interface ImportInputFile {
  /** The name shown in errors and the import history; never used as a path here. */
  name: string;
  bytes: Uint8Array;
}

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

/** Larger files are refused before reading; the parse worker's memory limit is sized for this. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export { isSupportedFile, SUPPORTED_EXTENSIONS };

export async function importFiles(
  db: Connection,
  files: readonly ImportInputFile[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const total: ImportSummary = { imported: 0, duplicates: 0, updated: 0, failed: 0, errors: [] };
  const parser = options.parser ?? new ParserProcess(options.limits ?? DEFAULT_LIMITS, options.spawnParser);
  try {
    for (const [fileIndex, file] of files.entries()) {
      const progress = (phase: ImportProgress['phase'], recordsDone: number, recordCount: number) =>
        options.onProgress?.({ fileIndex, fileCount: files.length, fileName: file.name, phase, recordsDone, recordCount });
      let result: ImportSummary;
      try {
        result = await importOneFile(db, file, options, parser, progress);
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

async function importOneFile(
  db: Connection,
  file: ImportInputFile,
  options: ImportOptions,
  parser: ParserProcess,
  progress: (phase: ImportProgress['phase'], done: number, count: number) => void,
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
  if (file.bytes.byteLength > MAX_FILE_BYTES) {
    return fileError(`the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; split it into smaller files`);
  }
  progress('reading', 0, 0);
  let parsed: SnapshotReadResult;
  try {
    parsed = await parser.read(file.name, file.bytes, options.signal);
  } catch (error) {
    if (error instanceof ReaderFailedError) return fileError(error.message);
    throw error;
  }
  const errors: ImportError[] = parsed.errors.map((e) => ({ file: file.name, line: e.line, message: e.message }));
  // Records the reader saw but could not turn into items; warnings on kept records do not count.
  const failed = Math.max(0, parsed.recordCount - parsed.records.length);
  const now = options.now ?? (() => new Date());
  const actor = options.actor ?? 'import';
  const startedAt = now().toISOString();
  try {
    const summary = await db.withTransaction(async (tx) => {
      const batchId = await insertBatch(tx, {
        fileName: file.name,
        fileSize: file.bytes.byteLength,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        format: parsed.format,
        encoding: parsed.encoding,
        startedAt,
      });
      const counts = { imported: 0, duplicates: 0, updated: 0, failed, errors };
      progress('writing', 0, parsed.records.length);
      const outcomes = await upsertItems(tx, parsed.records.map(toItemFields), batchId, startedAt, actor, (done) => {
        // Checked between chunks: throwing here rolls the whole file back.
        if (options.signal?.aborted) throw new ImportCancelledError();
        progress('writing', done, parsed.records.length);
      });
      for (const outcome of outcomes) {
        if (outcome === 'imported') counts.imported += 1;
        else if (outcome === 'duplicate') counts.duplicates += 1;
        else counts.updated += 1;
      }
      await finishBatch(tx, batchId, counts, now().toISOString());
      return counts;
    });
    progress('done', parsed.records.length, parsed.records.length);
    return summary;
  } catch (error) {
    if (error instanceof ImportCancelledError) throw error;
    // The transaction rolled back: nothing of this file landed, and every record of it counts as failed.
    const message = error instanceof Error ? error.message : String(error);
    return {
      imported: 0,
      duplicates: 0,
      updated: 0,
      failed: parsed.recordCount,
      errors: [...errors, { file: file.name, line: null, message: `nothing was imported from this file: ${message}` }],
    };
  }
}

function toItemFields(record: SourceRecord): ItemFields {
  return {
    identityKey: computeIdentityKey(record),
    contentHash: computeStoryHash(record),
    title: record.title,
    organization: record.organization,
    publishedAt: record.publishedAt,
    publishedAtRaw: record.publishedAtRaw,
    sourceCategory: record.sourceCategory,
    sourceName: record.sourceName,
    sourceUrl: record.sourceUrl,
    body: record.body,
    extra: record.extra,
  };
}
