// The full history of changes as ISMS evidence: status changes (0001) and field changes (0003: corrections,
// notes, tags, related items) of one item or of all, optionally within a period, oldest first.
import type { HistoryEntry } from '../../../shared/domain/annotations.js';
import type { ReadDb } from '../../db/database.js';
import { ItemNotFoundError } from '../triage/item-not-found-error.js';

export interface HistoryQuery {
  itemId?: number;
  /** First and last day (YYYY-MM-DD, UTC as stored), both included. */
  from?: string;
  to?: string;
}

interface HistoryRow {
  item_id: number;
  title: string;
  field: string;
  from_json: string | null;
  to_json: string | null;
  changed_at: string;
  changed_by: string;
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text; // a row written by hand or by an older version: kept as it is rather than dropped
  }
}

/**
 * Status changes are stored as plain values; they are turned into JSON here so that both kinds of row
 * read the same. Within one timestamp, status rows come before field rows and each kind keeps its rowid
 * order, which is the order the events happened even if the clock went backwards.
 */
export async function listHistory(db: ReadDb, query: HistoryQuery = {}): Promise<HistoryEntry[]> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (query.itemId !== undefined) {
    // An unknown item is an error, not an empty history: an empty export would pass for evidence of nothing.
    if (!(await db.get('SELECT 1 FROM items WHERE id = ?', [query.itemId]))) throw new ItemNotFoundError(query.itemId);
    where.push('h.item_id = ?');
    params.push(query.itemId);
  }
  if (query.from) {
    where.push('h.changed_at >= ?');
    params.push(query.from);
  }
  if (query.to) {
    // Every timestamp of the last day sorts below the next character after its date.
    where.push('h.changed_at < ?');
    params.push(`${query.to}\u{10FFFF}`);
  }
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const rows = await db.all<HistoryRow>(
    `SELECT h.item_id, items.title, h.field, h.from_json, h.to_json, h.changed_at, h.changed_by
     FROM (SELECT 0 AS kind, id, item_id, 'status' AS field, json_quote(from_status) AS from_json,
                  json_quote(to_status) AS to_json, changed_at, changed_by
           FROM status_changes
           UNION ALL
           SELECT 1, id, item_id, field, from_json, to_json, changed_at, changed_by FROM field_changes) AS h
     JOIN items ON items.id = h.item_id
     ${filter}
     ORDER BY h.changed_at, h.kind, h.id`,
    params,
  );
  return rows.map((r) => ({
    itemId: r.item_id,
    itemTitle: r.title,
    field: r.field,
    from: parseJson(r.from_json),
    to: parseJson(r.to_json),
    changedAt: r.changed_at,
    changedBy: r.changed_by,
  }));
}
