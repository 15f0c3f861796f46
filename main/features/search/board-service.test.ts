import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyBoardQuery } from '../../../shared/domain/board-query.js';
import { openTempDatabase, type TempDatabase } from '../../testing/temp-database.js';
import { loadBoardSnapshot, loadColumnPage } from './board-service.js';

let t: TempDatabase;
beforeEach(async () => {
  t = await openTempDatabase();
  await t.db.withTransaction(async (tx) => {
    for (let id = 1; id <= 7; id++) {
      await tx.run(
        `INSERT INTO items (id, identity_key, content_hash, title, organization, published_at, body, status, created_at, updated_at)
         VALUES (?, ?, 'h', ?, '株式会社テスト', ?, '', ?, 'now', 'now')`,
        [id, `k${id}`, id % 2 ? `個人情報漏洩 ${id}` : `お知らせ ${id}`, `2023-07-0${id}`, id === 7 ? 'triage' : 'new'],
      );
    }
  });
});
afterEach(() => t.cleanup());

describe('board service', () => {
  it('answers counts for the query, the number matching and the total in the database', async () => {
    const board = await loadBoardSnapshot(t.db, { ...emptyBoardQuery(), text: '漏洩' }, 2);
    expect(board.total).toBe(7);
    expect(board.matching).toBe(4);
    expect(board.columns.find((c) => c.status === 'new')).toMatchObject({ count: 3 });
    expect(board.columns.find((c) => c.status === 'new')?.cards).toHaveLength(2);
    expect(board.columns[0]?.cards[0]?.highlights?.title?.some((s) => s.hit && s.text === '漏洩')).toBe(true);
  });

  it('gives the total for a query that keeps every item, in any order, and for one that filters', async () => {
    for (const sort of ['relevance', 'date_desc', 'date_asc'] as const) {
      const board = await loadBoardSnapshot(t.db, { ...emptyBoardQuery(), sort }, 2);
      expect(board).toMatchObject({ total: 7, matching: 7 });
    }
    const filtered = await loadBoardSnapshot(t.db, { ...emptyBoardQuery(), statuses: ['triage'] }, 2);
    expect(filtered).toMatchObject({ total: 7, matching: 1 });
  });

  it('pages one column after the cards already shown, with no repeats, for the same query', async () => {
    const query = { ...emptyBoardQuery(), sort: 'date_desc' as const };
    const first = await loadBoardSnapshot(t.db, query, 4);
    const shown = first.columns.find((c) => c.status === 'new')?.cards.map((c) => c.id) ?? [];
    const more = await loadColumnPage(t.db, query, 'new', shown.length, 4);
    expect(shown).toEqual([6, 5, 4, 3]);
    expect(more.cards.map((c) => c.id)).toEqual([2, 1]);
    expect(more.count).toBe(6);
    expect((await loadColumnPage(t.db, query, 'new', 6, 4)).cards).toEqual([]);
  });
});
