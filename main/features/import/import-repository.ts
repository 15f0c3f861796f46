// The import feature's SQL: batch rows and item upserts. Called only inside a transaction the import
// service opened, so one file lands whole or not at all.
import type { ImportError } from '../../../shared/domain/item.js';
import type { WriteDb } from '../../db/database.js';

export interface BatchFields {
  fileName: string;
  fileSize: number;
  sha256: string;
  format: string;
  encoding: string | null;
  startedAt: string;
}

export interface ItemFields {
  identityKey: string;
  contentHash: string;
  title: string;
  organization: string | null;
  publishedAt: string | null;
  publishedAtRaw: string | null;
  sourceCategory: string | null;
  sourceName: string | null;
  sourceUrl: string | null;
  body: string;
  extra: Record<string, string>;
}

export type UpsertOutcome = 'imported' | 'duplicate' | 'updated';

export async function insertBatch(tx: WriteDb, batch: BatchFields): Promise<number> {
  const { lastId } = await tx.run(
    `INSERT INTO import_batches (file_name, file_size, sha256, format, encoding, started_at, finished_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [batch.fileName, batch.fileSize, batch.sha256, batch.format, batch.encoding, batch.startedAt, batch.startedAt],
  );
  return lastId;
}

export async function finishBatch(
  tx: WriteDb,
  batchId: number,
  counts: { imported: number; duplicates: number; updated: number; failed: number; errors: ImportError[] },
  finishedAt: string,
): Promise<void> {
  await tx.run(
    `UPDATE import_batches SET imported = ?, duplicates = ?, updated = ?, failed = ?, errors_json = ?, finished_at = ?
     WHERE id = ?`,
    [counts.imported, counts.duplicates, counts.updated, counts.failed, JSON.stringify(counts.errors), finishedAt, batchId],
  );
}

/**
 * A new identity is inserted with status 新着 and its first history entry; a known identity with the same
 * content is a duplicate; with different content its text is updated while the officer's triage (status,
 * history) is kept, and the text it replaced is recorded in item_updates.
 */
export async function upsertItem(
  tx: WriteDb,
  item: ItemFields,
  batchId: number,
  at: string,
  actor: string,
): Promise<UpsertOutcome> {
  const existing = await tx.get<{ id: number; content_hash: string; title: string; body: string }>(
    'SELECT id, content_hash, title, body FROM items WHERE identity_key = ?',
    [item.identityKey],
  );
  const fields = [
    item.title,
    item.organization,
    item.publishedAt,
    item.publishedAtRaw,
    item.sourceCategory,
    item.sourceName,
    item.sourceUrl,
    item.body,
    JSON.stringify(item.extra),
    item.contentHash,
  ];
  if (!existing) {
    const { lastId } = await tx.run(
      `INSERT INTO items (title, organization, published_at, published_at_raw, source_category, source_name,
                          source_url, body, extra_json, content_hash, identity_key, import_batch_id, status,
                          created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?)`,
      [...fields, item.identityKey, batchId, at, at],
    );
    await tx.run(
      `INSERT INTO status_changes (item_id, from_status, to_status, changed_at, changed_by) VALUES (?, NULL, 'new', ?, ?)`,
      [lastId, at, actor],
    );
    return 'imported';
  }
  if (existing.content_hash === item.contentHash) return 'duplicate';
  await tx.run(
    `UPDATE items SET title = ?, organization = ?, published_at = ?, published_at_raw = ?, source_category = ?,
                      source_name = ?, source_url = ?, body = ?, extra_json = ?, content_hash = ?, updated_at = ?
     WHERE id = ?`,
    [...fields, at, existing.id],
  );
  await tx.run(
    'INSERT INTO item_updates (item_id, import_batch_id, updated_at, previous_title, previous_body) VALUES (?, ?, ?, ?, ?)',
    [existing.id, batchId, at, existing.title, existing.body],
  );
  return 'updated';
}
