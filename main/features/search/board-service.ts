// What the board channel answers: the columns of queryBoard (counts and one page each) and the number of
// items in the database, so the header can say "12 of 3,400".
import { emptyBoardQuery, type BoardColumnPage, type BoardQuery } from '../../../shared/domain/board-query.js';
import type { Status } from '../../../shared/domain/vocabulary.js';
import type { BoardSnapshot } from '../../../shared/ipc/contract.js';
import type { Connection } from '../../db/database.js';
import { queryBoard } from './board-repository.js';

/** True when the query keeps every item (whatever its order): the board's counts then add up to the total. */
function keepsEveryItem(query: BoardQuery): boolean {
  const { sort: _sort, ...conditions } = query;
  const { sort: _emptySort, ...none } = emptyBoardQuery();
  return JSON.stringify(conditions) === JSON.stringify(none);
}

export async function loadBoardSnapshot(db: Connection, query: BoardQuery, limitPerColumn: number): Promise<BoardSnapshot> {
  const [board, totalRow] = await Promise.all([
    queryBoard(db, query, { limit: limitPerColumn, offset: 0, columns: ['new', 'triage', 'action', 'notified', 'dismissed'] }),
    // board_items has one narrow row per item: counting it is a scan of its smallest index (~5 ms for
    // 100,000), spared when the board's own counts already cover every item (the board as it opens).
    keepsEveryItem(query) ? null : db.get<{ n: number }>('SELECT count(*) AS n FROM board_items'),
  ]);
  return { columns: board.columns, matching: board.matching, total: totalRow === null ? board.matching : (totalRow?.n ?? 0) };
}

/** One more page of one column (the board's "show more"); the count is that column's, for the same query. */
export async function loadColumnPage(db: Connection, query: BoardQuery, status: Status, offset: number, limit: number): Promise<BoardColumnPage> {
  const board = await queryBoard(db, query, { limit, offset, columns: [status] });
  return board.columns.find((c) => c.status === status) ?? { status, count: 0, cards: [] };
}
