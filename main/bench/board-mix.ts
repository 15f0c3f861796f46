// The fixed mix of board and table queries `npm run bench:board` times: 1-, 2- and longer-character
// Japanese terms, phrases, exclusions, filters, sorts and deep pages, through queryBoard/queryTable as
// the app calls them (50 cards per column: the first screen of a virtualized column; the table 100 rows).
import type { Connection } from '../db/database.js';
import { emptyBoardQuery, type BoardPage, type BoardQuery, type TableSort } from '../features/search/board-query.js';
import { queryBoard, queryTable } from '../features/search/board-repository.js';

export interface BoardCase {
  label: string;
  run: (db: Connection) => Promise<unknown>;
}

const BOARD_PAGE: BoardPage = { limit: 50, offset: 0, columns: ['new', 'triage', 'action', 'notified', 'dismissed'] };
const board = (label: string, query: Partial<BoardQuery>, page: Partial<BoardPage> = {}): BoardCase => ({
  label,
  run: (db) => queryBoard(db, { ...emptyBoardQuery(), ...query }, { ...BOARD_PAGE, ...page }),
});
const table = (label: string, query: Partial<BoardQuery>, sort: TableSort, offset = 0): BoardCase => ({
  label,
  run: (db) => queryTable(db, { ...emptyBoardQuery(), ...query }, sort, { limit: 100, offset }),
});

export const BOARD_MIX: BoardCase[] = [
  board('board, no filter', {}),
  board('2 chars 漏洩', { text: '漏洩' }),
  board('2 chars 流出 (common)', { text: '流出' }),
  board('2 chars 誤送', { text: '誤送' }),
  board('1 char 県', { text: '県' }),
  board('7 chars ランサムウェア', { text: 'ランサムウェア' }),
  board('two terms 個人情報 流出', { text: '個人情報 流出' }),
  board('phrase "VPN機器の脆弱性"', { text: '"VPN機器の脆弱性"' }),
  board('latin ＵＳＢ', { text: 'ＵＳＢ' }),
  board('exclusion 不正アクセス -クレジットカード', { text: '不正アクセス -クレジットカード' }),
  board('only exclusion -漏洩', { text: '-漏洩' }),
  board('filter incident, severity 3-4', { kinds: ['incident'], severities: [3, 4] }),
  board('filter ransomware, APPI', { categories: ['ransomware'], appiReportable: true }),
  board('filter date range 2020', { publishedFrom: '2020-01-01', publishedTo: '2020-12-31' }),
  board('filter sources', { sourceNames: ['IPA', 'JPCERT/CC'] }),
  board('text + filter 流出 misdelivery', { text: '流出', categories: ['misdelivery'] }),
  board('text by date 流出', { text: '流出', sort: 'date_desc' }),
  board('oldest first', { sort: 'date_asc' }),
  board('page 3 of 新着', {}, { offset: 200, columns: ['new'] }),
  board('page 20 of 周知済', {}, { offset: 2000, columns: ['notified'] }),
  table('table by severity', {}, { column: 'severity', direction: 'desc' }),
  table('table by title, page 6', {}, { column: 'title', direction: 'asc' }, 500),
  table('table search 誤送信 by date', { text: '誤送信' }, { column: 'publishedAt', direction: 'desc' }),
  table('table filter loss, by organization', { categories: ['loss'] }, { column: 'organization', direction: 'asc' }),
];
