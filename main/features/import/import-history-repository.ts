// The import history and its undo. Undo removes only what the import added and nobody has touched since:
// an item the officer already triaged is evidence of work and stays.
import type { ImportError } from '../../../shared/domain/item.js';
import type { ImportRecord, UndoImportResult } from '../../../shared/domain/import-record.js';
import type { Connection, ReadDb } from '../../db/database.js';

interface BatchRow {
  id: number;
  file_name: string;
  file_size: number;
  sha256: string;
  format: string;
  encoding: string | null;
  started_at: string;
  finished_at: string;
  imported: number;
  duplicates: number;
  updated: number;
  failed: number;
  errors_json: string;
  undone_at: string | null;
  removed: number;
}

export class ImportNotFoundError extends Error {
  constructor(readonly id: number) {
    super(`import ${id} does not exist`);
    this.name = 'ImportNotFoundError';
  }
}

export class ImportAlreadyUndoneError extends Error {
  constructor(readonly id: number) {
    super(`import ${id} was already undone`);
    this.name = 'ImportAlreadyUndoneError';
  }
}

function toRecord(row: BatchRow): ImportRecord {
  return {
    id: row.id,
    fileName: row.file_name,
    fileSize: row.file_size,
    sha256: row.sha256,
    format: row.format,
    encoding: row.encoding,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: Math.max(0, Date.parse(row.finished_at) - Date.parse(row.started_at)) || 0,
    imported: row.imported,
    duplicates: row.duplicates,
    updated: row.updated,
    failed: row.failed,
    errors: JSON.parse(row.errors_json) as ImportError[],
    undoneAt: row.undone_at,
    removed: row.removed,
  };
}

export async function listImports(db: ReadDb, limit: number): Promise<ImportRecord[]> {
  const rows = await db.all<BatchRow>('SELECT * FROM import_batches ORDER BY id DESC LIMIT ?', [limit]);
  return rows.map(toRecord);
}

// An item is untouched when its only history entry is its creation and no later import updated it.
// A note, a tag, a link or a correction (all recorded in field_changes) is the officer's work: it counts as
// triage and keeps the item; the tables are checked too, for rows written without a history entry.
const UNTOUCHED = `status = 'new'
  AND (SELECT count(*) FROM status_changes s WHERE s.item_id = items.id) = 1
  AND NOT EXISTS (SELECT 1 FROM item_updates u WHERE u.item_id = items.id)
  AND NOT EXISTS (SELECT 1 FROM field_changes f WHERE f.item_id = items.id)
  AND NOT EXISTS (SELECT 1 FROM item_notes n WHERE n.item_id = items.id)
  AND NOT EXISTS (SELECT 1 FROM item_tags g WHERE g.item_id = items.id)
  AND NOT EXISTS (SELECT 1 FROM item_links l WHERE l.item_a = items.id OR l.item_b = items.id)`;

export async function undoImport(db: Connection, id: number, now: () => Date = () => new Date()): Promise<UndoImportResult> {
  return db.withTransaction(async (tx) => {
    const batch = await tx.get<{ undone_at: string | null }>('SELECT undone_at FROM import_batches WHERE id = ?', [id]);
    if (!batch) throw new ImportNotFoundError(id);
    if (batch.undone_at) throw new ImportAlreadyUndoneError(id);
    const total = (await tx.get<{ n: number }>('SELECT count(*) AS n FROM items WHERE import_batch_id = ?', [id]))?.n ?? 0;
    const { changes } = await tx.run(`DELETE FROM items WHERE import_batch_id = ? AND ${UNTOUCHED}`, [id]);
    await tx.run('UPDATE import_batches SET undone_at = ?, removed = ? WHERE id = ?', [now().toISOString(), changes, id]);
    return { removed: changes, kept: total - changes };
  });
}
