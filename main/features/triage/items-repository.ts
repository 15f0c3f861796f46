// Reads and status changes of items. SQL for the triage feature lives here and nowhere else.
import type { CardSummary, ItemDetail, StatusChange } from '../../../shared/domain/item.js';
import { emptyBoardQuery } from '../../../shared/domain/board-query.js';
import type { Status } from '../../../shared/domain/vocabulary.js';
import type { BoardSnapshot } from '../../../shared/ipc/contract.js';
import type { Connection, ReadDb } from '../../db/database.js';
import { loadBoardSnapshot } from '../search/board-service.js';
import { getItemFacts, listFieldChanges, listThread } from '../facts/facts-repository.js';
import { readAnnotations } from '../annotations/annotations-repository.js';
import { ItemNotFoundError } from './item-not-found-error.js';

interface ItemRow {
  id: number;
  title: string;
  organization: string | null;
  published_at: string | null;
  source_category: string | null;
  status: Status;
}

interface DetailRow extends ItemRow {
  body: string;
  source_name: string | null;
  source_url: string | null;
  extra_json: string;
  file_name: string | null;
  created_at: string;
  updated_at: string;
}

interface ChangeRow {
  id: number;
  from_status: Status | null;
  to_status: Status;
  changed_at: string;
  changed_by: string;
}

const CARD_COLUMNS = 'items.id, title, organization, published_at, source_category, status';

export { ItemNotFoundError };

function toCard(row: ItemRow): CardSummary {
  return {
    id: row.id,
    title: row.title,
    organization: row.organization,
    publishedAt: row.published_at,
    sourceCategory: row.source_category,
    status: row.status,
  };
}

function toChange(row: ChangeRow): StatusChange {
  return { id: row.id, from: row.from_status, to: row.to_status, changedAt: row.changed_at, changedBy: row.changed_by };
}

/**
 * The board for a plain search, newest first: the full-text search of main/features/search answers it
 * (the board channel itself sends the whole filter model to loadBoardSnapshot).
 */
export async function loadBoard(db: Connection, search: string, limitPerColumn: number): Promise<BoardSnapshot> {
  return loadBoardSnapshot(db, { ...emptyBoardQuery(), text: search, sort: 'date_desc' }, limitPerColumn);
}

export async function getItem(db: ReadDb, id: number): Promise<ItemDetail> {
  const row = await db.get<DetailRow>(
    `SELECT ${CARD_COLUMNS}, body, source_name, source_url, extra_json, items.created_at, items.updated_at,
            import_batches.file_name
     FROM items LEFT JOIN import_batches ON import_batches.id = items.import_batch_id
     WHERE items.id = ?`,
    [id],
  );
  if (!row) throw new ItemNotFoundError(id);
  const [history, facts, fieldHistory, thread, annotations] = await Promise.all([
    db.all<ChangeRow>(
      'SELECT id, from_status, to_status, changed_at, changed_by FROM status_changes WHERE item_id = ? ORDER BY id DESC',
      [id],
    ),
    getItemFacts(db, id),
    listFieldChanges(db, id),
    listThread(db, id),
    readAnnotations(db, id),
  ]);
  return {
    ...toCard(row),
    body: row.body,
    sourceName: row.source_name,
    sourceUrl: row.source_url,
    extra: JSON.parse(row.extra_json) as Record<string, string>,
    importedFrom: row.file_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    history: history.map(toChange),
    facts,
    fieldHistory,
    thread,
    ...annotations,
  };
}

/**
 * Changes an item's status and appends the change to its history in one transaction: the evidence and
 * the state can never disagree. Moving to the current status records nothing.
 */
export async function moveItem(
  db: Connection,
  id: number,
  to: Status,
  by: string,
  now: () => Date = () => new Date(),
): Promise<{ item: CardSummary; change: StatusChange | null }> {
  return db.withTransaction(async (tx) => {
    const row = await tx.get<ItemRow>(`SELECT ${CARD_COLUMNS} FROM items WHERE id = ?`, [id]);
    if (!row) throw new ItemNotFoundError(id);
    if (row.status === to) return { item: toCard(row), change: null };
    const at = now().toISOString();
    await tx.run('UPDATE items SET status = ?, updated_at = ? WHERE id = ?', [to, at, id]);
    const { lastId } = await tx.run(
      'INSERT INTO status_changes (item_id, from_status, to_status, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)',
      [id, row.status, to, at, by],
    );
    return {
      item: toCard({ ...row, status: to }),
      change: { id: lastId, from: row.status, to, changedAt: at, changedBy: by },
    };
  });
}
