// The sources the board's items came from, with how many items each: the choices of the source filter.
import type { ReadDb } from '../../db/database.js';
import type { SourceCount } from './board-query.js';

/** A menu, not a report: beyond this many sources the officer types the name instead. */
export const MAX_LISTED_SOURCES = 500;

/** Most items first, then by name; items without a source (or an empty one) are not a choice. */
export async function listSources(db: ReadDb, limit = MAX_LISTED_SOURCES): Promise<SourceCount[]> {
  // Written as the expression of board_items_by_source (migration 0010), so the index answers it alone.
  return db.all<SourceCount>(
    `SELECT ifnull(source_name, '') AS name, count(*) AS count FROM board_items
     WHERE ifnull(source_name, '') <> '' GROUP BY ifnull(source_name, '') ORDER BY count DESC, name LIMIT ?`,
    [limit],
  );
}
