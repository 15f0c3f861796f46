// Reads and status changes of items. SQL for the triage feature lives here and nowhere else.
import type { CardSummary, ItemDetail, StatusChange } from '../../../shared/domain/item.js';
import { STATUSES, type Status } from '../../../shared/domain/vocabulary.js';
import type { BoardSnapshot } from '../../../shared/ipc/contract.js';
import type { Connection, ReadDb } from '../../db/database.js';
import { getItemFacts, listFieldChanges, listThread } from '../facts/facts-repository.js';
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

/** LIKE treats % and _ as wildcards; a search for "100%" must find the text "100%". */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

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

export async function loadBoard(db: ReadDb, search: string, limitPerColumn: number): Promise<BoardSnapshot> {
  const terms = search.normalize('NFKC').trim().split(/\s+/).filter(Boolean).slice(0, 10);
  const where = terms.map(() => "(title || ' ' || coalesce(organization, '') || ' ' || body) LIKE ? ESCAPE '\\'");
  const filter = where.length ? `AND ${where.join(' AND ')}` : '';
  const params = terms.map(likePattern);
  const columns = await Promise.all(
    STATUSES.map(async (status) => {
      const [countRow, rows] = await Promise.all([
        db.get<{ n: number }>(`SELECT count(*) AS n FROM items WHERE status = ? ${filter}`, [status, ...params]),
        db.all<ItemRow>(
          `SELECT ${CARD_COLUMNS} FROM items WHERE status = ? ${filter}
           ORDER BY published_at DESC, id DESC LIMIT ?`, // SQLite sorts NULL lowest: undated items come last
          [status, ...params, limitPerColumn],
        ),
      ]);
      return { status, count: countRow?.n ?? 0, cards: rows.map(toCard) };
    }),
  );
  const total = (await db.get<{ n: number }>('SELECT count(*) AS n FROM items'))?.n ?? 0;
  return { columns, total };
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
  const [history, facts, fieldHistory, thread] = await Promise.all([
    db.all<ChangeRow>(
      'SELECT id, from_status, to_status, changed_at, changed_by FROM status_changes WHERE item_id = ? ORDER BY id DESC',
      [id],
    ),
    getItemFacts(db, id),
    listFieldChanges(db, id),
    listThread(db, id),
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
