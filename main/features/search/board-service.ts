// What the board channel answers: the columns of queryBoard (counts and one page each) and the number of
// items in the database, so the header can say "12 of 3,400".
import type { BoardColumnPage, BoardQuery } from '../../../shared/domain/board-query.js';
import type { Status } from '../../../shared/domain/vocabulary.js';
import type { BoardSnapshot } from '../../../shared/ipc/contract.js';
import type { Connection } from '../../db/database.js';
import { queryBoard } from './board-repository.js';

export async function loadBoardSnapshot(db: Connection, query: BoardQuery, limitPerColumn: number): Promise<BoardSnapshot> {
  const [board, totalRow] = await Promise.all([
    queryBoard(db, query, { limit: limitPerColumn, offset: 0, columns: ['new', 'triage', 'action', 'notified', 'dismissed'] }),
    // board_items has one narrow row per item: counting it is a scan of its smallest index.
    db.get<{ n: number }>('SELECT count(*) AS n FROM board_items'),
  ]);
  return { columns: board.columns, matching: board.matching, total: totalRow?.n ?? 0 };
}

/** One more page of one column (the board's "show more"); the count is that column's, for the same query. */
export async function loadColumnPage(db: Connection, query: BoardQuery, status: Status, offset: number, limit: number): Promise<BoardColumnPage> {
  const board = await queryBoard(db, query, { limit, offset, columns: [status] });
  return board.columns.find((c) => c.status === status) ?? { status, count: 0, cards: [] };
}
