// Imports snapshot files: each file is read and checked first, then written in a transaction of its own,
// so a file that fails halfway leaves the database exactly as it was while the other files still land.
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { ImportError, ImportSummary } from '../../../shared/domain/item.js';
import type { Connection } from '../../db/database.js';
import { readCsvRecords, type SourceRecord } from './csv-records.js';
import { NotTextFileError, UndecodableFileError } from './decode-text.js';
import { finishBatch, insertBatch, upsertItems, type ItemFields } from './import-repository.js';
import { computeContentHash, computeIdentityKey } from './item-identity.js';

export interface ImportInputFile {
  /** The name shown in errors and the import history; never used as a path here. */
  name: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  actor?: string;
  now?: () => Date;
}

/** Extensions this version reads. Feeds and saved pages join them with the import engine (#3). */
export const SUPPORTED_EXTENSIONS = ['.csv', '.tsv'] as const;

export function isSupportedFile(name: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
}

export async function importFiles(
  db: Connection,
  files: readonly ImportInputFile[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const total: ImportSummary = { imported: 0, duplicates: 0, updated: 0, failed: 0, errors: [] };
  for (const file of files) {
    const result = await importOneFile(db, file, options);
    total.imported += result.imported;
    total.duplicates += result.duplicates;
    total.updated += result.updated;
    total.failed += result.failed;
    total.errors.push(...result.errors);
  }
  return total;
}

async function importOneFile(db: Connection, file: ImportInputFile, options: ImportOptions): Promise<ImportSummary> {
  const fileError = (message: string, line: number | null = null): ImportSummary => ({
    imported: 0,
    duplicates: 0,
    updated: 0,
    failed: 1,
    errors: [{ file: file.name, line, message }],
  });
  if (!isSupportedFile(file.name)) {
    return fileError(`unsupported file type "${extname(file.name) || file.name}": this version imports ${SUPPORTED_EXTENSIONS.join(', ')}`);
  }
  let parsed: ReturnType<typeof readCsvRecords>;
  try {
    parsed = readCsvRecords(file.bytes);
  } catch (error) {
    if (error instanceof NotTextFileError || error instanceof UndecodableFileError) return fileError(error.message);
    throw error;
  }
  const errors: ImportError[] = parsed.errors.map((e) => ({ file: file.name, line: e.line, message: e.message }));
  // Records the reader saw but could not turn into items; warnings on kept records do not count.
  const failed = Math.max(0, parsed.recordCount - parsed.records.length);
  const now = options.now ?? (() => new Date());
  const actor = options.actor ?? 'import';
  const startedAt = now().toISOString();
  try {
    return await db.withTransaction(async (tx) => {
      const batchId = await insertBatch(tx, {
        fileName: file.name,
        fileSize: file.bytes.byteLength,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        format: parsed.format,
        encoding: parsed.encoding,
        startedAt,
      });
      const counts = { imported: 0, duplicates: 0, updated: 0, failed, errors };
      const outcomes = await upsertItems(tx, parsed.records.map(toItemFields), batchId, startedAt, actor);
      for (const outcome of outcomes) {
        if (outcome === 'imported') counts.imported += 1;
        else if (outcome === 'duplicate') counts.duplicates += 1;
        else counts.updated += 1;
      }
      await finishBatch(tx, batchId, counts, now().toISOString());
      return counts;
    });
  } catch (error) {
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
  const content = [
    record.title,
    record.organization,
    record.publishedAt,
    record.sourceCategory,
    record.sourceName,
    record.sourceUrl,
    record.body,
    record.extra,
  ];
  return {
    identityKey: computeIdentityKey(record),
    contentHash: computeContentHash(content),
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
