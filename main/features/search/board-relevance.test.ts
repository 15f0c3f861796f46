// Relevance of a search with more hits than bm25 is run for (BM25_MAX_HITS): words in the title, then in
// the organisation, then in the body only, newest first within each. Checked against a plain reading of
// the seeded items, on a database large enough for the tiers, so any change to how the tiers are computed
// (which tiers are probed, how the hits are joined to the board) must keep the same counts and order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUSES } from '../../../shared/domain/vocabulary.js';
import { seedBoardItems } from '../../bench/board-workload.js';
import { openTempDatabase, type TempDatabase } from '../../testing/temp-database.js';
import { emptyBoardQuery } from './board-query.js';
import { BM25_MAX_HITS, queryBoard, queryTable } from './board-repository.js';
import { normalizeForSearch } from './normalize-text.js';
import { syncSearchIndex } from './search-index-repository.js';

interface Row {
  id: number;
  title: string;
  organization: string | null;
  body: string;
  status: string;
  published_at: string | null;
}

let t: TempDatabase;
let rows: (Row & { fields: [string, string, string] })[];

beforeAll(async () => {
  t = await openTempDatabase();
  await seedBoardItems(t.db, 4000);
  await syncSearchIndex(t.db);
  const read = await t.db.all<Row>('SELECT id, title, organization, body, status, published_at FROM items');
  rows = read.map((r) => ({ ...r, fields: [normalizeForSearch(r.title), normalizeForSearch(r.organization ?? ''), normalizeForSearch(r.body)] }));
}, 60_000);
afterAll(() => t.cleanup());

/** Ids matching every term, in relevance order: tier, then newest first (undated last), then highest id. */
function expectedOrder(terms: string[], status?: string, exclude: string[] = []): number[] {
  const tiered = rows
    .filter((r) => status === undefined || r.status === status)
    .filter((r) => terms.every((term) => r.fields.some((f) => f.includes(term))))
    .filter((r) => !exclude.some((term) => r.fields.some((f) => f.includes(term))))
    .map((r) => ({
      id: r.id,
      date: r.published_at,
      tier: -1 - 4 * Number(terms.every((term) => r.fields[0].includes(term))) - 2 * Number(terms.every((term) => r.fields[1].includes(term))),
    }));
  tiered.sort((a, b) => a.tier - b.tier || (b.date ?? '').localeCompare(a.date ?? '') || b.id - a.id);
  return tiered.map((r) => r.id);
}

describe('relevance tiers above BM25_MAX_HITS', () => {
  it.each([
    ['流出', ['流出'], []],
    // In organisations (医療法人…会, …協会) as well as in bodies (個人情報保護委員会): every tier is reached.
    ['会', ['会'], []],
    ['情報 流出', ['情報', '流出'], []],
    ['流出 -県', ['流出'], ['県']],
  ])('%s: counts and pages of every column as a plain reading orders them', async (text, terms, exclude) => {
    expect(expectedOrder(terms, undefined, exclude).length).toBeGreaterThan(BM25_MAX_HITS);
    const query = { ...emptyBoardQuery(), text, sort: 'relevance' as const };
    for (const offset of [0, 120]) {
      const board = await queryBoard(t.db, query, { limit: 60, offset, columns: [...STATUSES] });
      for (const column of board.columns) {
        const expected = expectedOrder(terms, column.status, exclude);
        expect(column.count, `${text} ${column.status}`).toBe(expected.length);
        expect(column.cards.map((c) => c.id), `${text} ${column.status} +${offset}`).toEqual(expected.slice(offset, offset + 60));
      }
    }
    const table = await queryTable(t.db, query, { column: 'relevance', direction: 'desc' }, { limit: 100, offset: 300 });
    expect(table.matching).toBe(expectedOrder(terms, undefined, exclude).length);
    expect(table.rows.map((r) => r.id)).toEqual(expectedOrder(terms, undefined, exclude).slice(300, 400));
  });
});
