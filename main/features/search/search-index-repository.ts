// Keeps the full-text index in step with items. Triggers of migration 0004 queue every inserted or
// re-texted item in search_pending (and drop deleted ones from the index), so no writer can forget the
// index; this module turns the queue into index rows, in JS, because the bigram tokens and the NFKC
// normalisation cannot be computed in SQL (node-sqlite3 has no user-defined functions).
//
// Cost to the import, and why the index is built after commit: inside the import's transaction the
// triggers add one row per item to the queue and one narrow board_items row with its three indexes.
// Measured with `npx tsx main/bench/search-options-bench.ts --import-only --repeat 2` (20,000 RSS items
// of 1,500 characters, CPU time of the app process): the import took 3.0–3.3 s without migration 0004
// and 3.6–4.1 s with it; tokenising and writing the FTS rows of the same items took 8.5–9.2 s, nearly
// three imports' worth. So indexing happens after the import has committed, in short transactions of
// its own that never hold the write lock long, and the import stays as fast as it can be made.
// Whoever imports should call `syncSearchIndex` afterwards; every search calls it first as well, so
// results are correct even when an import ran in another process (the CLI) or the app stopped midway.
import type { Connection, WriteDb } from '../../db/database.js';
import { indexTokens } from './ngram-tokens.js';
import { normalizeForSearch } from './normalize-text.js';

interface PendingText {
  id: number;
  title: string;
  organization: string | null;
  body: string;
}

/** Items per transaction: short enough that an import or a status change waits ~0.1 s at most. */
const ITEMS_PER_TRANSACTION = 250;
const ROWS_PER_STATEMENT = 50;

export async function hasPendingSearchWork(db: Connection): Promise<boolean> {
  const row = await db.get<{ pending: number }>('SELECT EXISTS (SELECT 1 FROM search_pending) AS pending');
  return row?.pending === 1;
}

/** Indexes every queued item; returns how many. Safe to call at any time, from any number of places. */
export async function syncSearchIndex(db: Connection, onProgress?: (done: number) => void): Promise<number> {
  let done = 0;
  for (;;) {
    const count = await db.withTransaction((tx) => indexPendingBatch(tx, ITEMS_PER_TRANSACTION));
    if (count === 0) return done;
    done += count;
    onProgress?.(done);
  }
}

async function indexPendingBatch(tx: WriteDb, limit: number): Promise<number> {
  const rows = await tx.all<PendingText>(
    `SELECT items.id, items.title, items.organization, items.body
     FROM search_pending JOIN items ON items.id = search_pending.item_id
     ORDER BY search_pending.item_id LIMIT ?`,
    [limit],
  );
  if (rows.length === 0) {
    // Queue rows whose item is gone (cannot happen through the triggers, but cheap to be sure).
    await tx.run('DELETE FROM search_pending');
    return 0;
  }
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    await tx.run(
      `INSERT INTO search_index (rowid, title, organization, body) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}`,
      chunk.flatMap((row) => [
        row.id,
        indexTokens(normalizeForSearch(row.title)),
        indexTokens(normalizeForSearch(row.organization ?? '')),
        indexTokens(normalizeForSearch(row.body)),
      ]),
    );
  }
  const last = rows[rows.length - 1]!.id;
  await tx.run('DELETE FROM search_pending WHERE item_id <= ?', [last]);
  return rows.length;
}
