import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../../testing/temp-database.js';
import { upsertItems, type ItemFields } from '../import/import-repository.js';
import { emptyBoardQuery, type BoardPage, type BoardQuery } from './board-query.js';
import { BM25_MAX_HITS, queryBoard, queryTable } from './board-repository.js';
import { hasPendingSearchWork, syncSearchIndex } from './search-index-repository.js';

let t: TempDatabase;
const ALL_COLUMNS: BoardPage = { limit: 50, offset: 0, columns: ['new', 'triage', 'action', 'notified', 'dismissed'] };

interface Seed {
  id: number;
  title: string;
  body?: string;
  status?: string;
  publishedAt?: string | null;
  sourceName?: string;
  facts?: { kind: string | null; category: string | null; severity: number | null; appi: number | null };
}

async function seed(items: Seed[]): Promise<void> {
  await t.db.withTransaction(async (tx) => {
    for (const item of items) {
      await tx.run(
        `INSERT INTO items (id, identity_key, content_hash, title, organization, published_at, source_name, body, status, created_at, updated_at)
         VALUES (?, ?, 'h', ?, '株式会社テスト', ?, ?, ?, ?, 'now', 'now')`,
        [item.id, `k${item.id}`, item.title, item.publishedAt === undefined ? '2023-07-01' : item.publishedAt, item.sourceName ?? 'cdns', item.body ?? '', item.status ?? 'new'],
      );
      if (item.facts) {
        await tx.run(
          `INSERT INTO item_facts (item_id, extractor_version, content_hash, extracted_at, kind, category, severity, appi_reportable, facts_json)
           VALUES (?, 1, 'h', 'now', ?, ?, ?, ?, '{}')`,
          [item.id, item.facts.kind, item.facts.category, item.facts.severity, item.facts.appi],
        );
      }
    }
  });
}

async function correct(id: number, field: string, value: unknown): Promise<void> {
  await t.db.withTransaction((tx) =>
    tx.run(
      `INSERT INTO item_corrections (item_id, field, value_json, corrected_at, corrected_by) VALUES (?, ?, ?, 'now', 'officer')
       ON CONFLICT (item_id, field) DO UPDATE SET value_json = excluded.value_json`,
      [id, field, JSON.stringify(value)],
    ),
  );
}

async function ids(query: Partial<BoardQuery>): Promise<number[]> {
  const result = await queryTable(t.db, { ...emptyBoardQuery(), ...query }, { column: 'publishedAt', direction: 'desc' }, { limit: 100, offset: 0 });
  return result.rows.map((r) => r.id).sort((a, b) => a - b);
}

beforeEach(async () => {
  t = await openTempDatabase();
});
afterEach(() => t.cleanup());

describe('queryBoard', () => {
  it('counts every column in SQL and pages each column newest first, undated last', async () => {
    await seed([
      { id: 1, title: 'a', publishedAt: '2023-07-01' },
      { id: 2, title: 'b', publishedAt: '2023-07-03' },
      { id: 3, title: 'c', publishedAt: null },
      { id: 4, title: 'd', publishedAt: '2023-07-02' },
      { id: 5, title: 'e', status: 'dismissed' },
    ]);
    const board = await queryBoard(t.db, emptyBoardQuery(), { ...ALL_COLUMNS, limit: 2 });
    expect(board.matching).toBe(5);
    expect(board.columns.map((c) => [c.status, c.count])).toEqual([['new', 4], ['triage', 0], ['action', 0], ['notified', 0], ['dismissed', 1]]);
    expect(board.columns[0]?.cards.map((c) => c.id)).toEqual([2, 4]);
    const next = await queryBoard(t.db, emptyBoardQuery(), { limit: 2, offset: 2, columns: ['new'] });
    expect(next.columns[0]?.cards.map((c) => c.id)).toEqual([1, 3]);
    expect(next.columns[4]?.cards).toEqual([]);
    expect(next.columns[4]?.count).toBe(1);
    const oldest = await queryBoard(t.db, { ...emptyBoardQuery(), sort: 'date_asc' }, { limit: 10, offset: 0, columns: ['new'] });
    expect(oldest.columns[0]?.cards.map((c) => c.id)).toEqual([3, 1, 4, 2]);
  });

  it('filters on the effective facts: the correction wins over the suggestion, also a correction to null', async () => {
    await seed([
      { id: 1, title: 'a', facts: { kind: 'incident', category: 'loss', severity: 2, appi: 0 } },
      { id: 2, title: 'b', facts: { kind: 'incident', category: 'ransomware', severity: 4, appi: 1 } },
      { id: 3, title: 'c', facts: { kind: 'advisory', category: null, severity: null, appi: null } },
      { id: 4, title: 'd' },
    ]);
    expect(await ids({ kinds: ['incident'] })).toEqual([1, 2]);
    expect(await ids({ kinds: ['advisory', null] })).toEqual([3, 4]);
    await correct(1, 'category', 'theft');
    await correct(2, 'severity', 3);
    await correct(2, 'category', null);
    expect(await ids({ categories: ['loss'] })).toEqual([]);
    expect(await ids({ categories: ['theft'] })).toEqual([1]);
    expect(await ids({ categories: [null] })).toEqual([2, 3, 4]);
    expect(await ids({ severities: [4] })).toEqual([]);
    expect(await ids({ severities: [3, 2] })).toEqual([1, 2]);
    await correct(1, 'appi.reportable', true);
    expect(await ids({ appiReportable: true })).toEqual([1, 2]);
    expect(await ids({ appiReportable: false })).toEqual([]);
    // Re-extraction rewrites the suggestion; the correction still wins.
    await t.db.withTransaction((tx) => tx.run("UPDATE item_facts SET category = 'misdelivery' WHERE item_id = 1"));
    expect(await ids({ categories: ['theft'] })).toEqual([1]);
    await t.db.withTransaction((tx) => tx.run("DELETE FROM item_corrections WHERE item_id = 1 AND field = 'category'"));
    expect(await ids({ categories: ['misdelivery'] })).toEqual([1]);
    const card = (await queryTable(t.db, emptyBoardQuery(), { column: 'severity', direction: 'desc' }, { limit: 1, offset: 0 })).rows[0];
    expect(card).toMatchObject({ id: 2, kind: 'incident', category: null, severity: 3, appiReportable: true, highlights: null });
  });

  it('filters by status, source, date range and relevance, combined with text', async () => {
    await seed([
      { id: 1, title: '漏洩のお知らせ', publishedAt: '2023-01-10', sourceName: 'cdns' },
      { id: 2, title: '漏洩の続報', publishedAt: '2023-02-10', sourceName: 'IPA', status: 'triage' },
      { id: 3, title: '誤送信', publishedAt: '2023-03-10', sourceName: 'IPA' },
      { id: 4, title: '漏洩 日付なし', publishedAt: null, sourceName: 'IPA' },
    ]);
    expect(await ids({ statuses: ['triage'] })).toEqual([2]);
    expect(await ids({ sourceNames: ['IPA'] })).toEqual([2, 3, 4]);
    expect(await ids({ publishedFrom: '2023-02-01' })).toEqual([2, 3]);
    expect(await ids({ publishedFrom: '2023-01-10', publishedTo: '2023-02-10' })).toEqual([1, 2]);
    expect(await ids({ text: '漏洩', sourceNames: ['IPA'] })).toEqual([2, 4]);
    expect(await ids({ text: '漏洩 -続報', sourceNames: ['IPA'] })).toEqual([4]);
    expect(await ids({ relevanceMin: 0.5 })).toEqual([]);
    await correct(3, 'relevance', 0.8);
    expect(await ids({ relevanceMin: 0.5 })).toEqual([3]);
  });

  it('orders hits by relevance (title before body) or by date, switchable', async () => {
    await seed([
      { id: 1, title: 'お知らせ', body: '本文の途中で一度だけランサムウェアに触れる長い本文です。'.repeat(5), publishedAt: '2023-07-05' },
      { id: 2, title: 'ランサムウェア被害', body: 'ランサムウェアに感染しました。', publishedAt: '2023-07-01' },
    ]);
    const byRelevance = await queryBoard(t.db, { ...emptyBoardQuery(), text: 'ランサムウェア' }, ALL_COLUMNS);
    expect(byRelevance.columns[0]?.cards.map((c) => c.id)).toEqual([2, 1]);
    const byDate = await queryBoard(t.db, { ...emptyBoardQuery(), text: 'ランサムウェア', sort: 'date_desc' }, ALL_COLUMNS);
    expect(byDate.columns[0]?.cards.map((c) => c.id)).toEqual([1, 2]);
  });

  it('ranks by title, organisation, then body, newest first, when bm25 would cost too much (many hits)', async () => {
    // BM25_MAX_HITS + 1 items mention the word in the body; the oldest also has it in its title.
    await t.db.withTransaction((tx) =>
      tx.run(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i <= ?)
         INSERT INTO items (id, identity_key, content_hash, title, published_at, body, created_at, updated_at)
         SELECT i, 'k' || i, 'h', CASE i WHEN 1 THEN 'ランサムウェア被害' ELSE 'お知らせ ' || i END,
                date('2020-01-01', '+' || i || ' days'), 'ランサムウェアに感染', 'now', 'now' FROM n`,
        [BM25_MAX_HITS],
      ),
    );
    const board = await queryBoard(t.db, { ...emptyBoardQuery(), text: 'ランサムウェア' }, { limit: 3, offset: 0, columns: ['new'] });
    expect(board.columns[0]?.count).toBe(BM25_MAX_HITS + 1);
    expect(board.columns[0]?.cards.map((c) => c.id)).toEqual([1, BM25_MAX_HITS + 1, BM25_MAX_HITS]);
    // The column filters of the tiers take every kind of term: prefix (one character), several, excluded.
    for (const [text, first] of [['ラ', 1], ['ラ ン', 1], ['ウェア -"お知らせ 2"', 1], ['ラ 感染', BM25_MAX_HITS + 1], ['ランサム -"ウェアに"', null]] as const) {
      const tiers = await queryBoard(t.db, { ...emptyBoardQuery(), text }, { limit: 1, offset: 0, columns: ['new'] });
      expect(tiers.columns[0]?.cards[0]?.id ?? null, text).toBe(first);
    }
  });

  it('returns highlights as text segments, with a snippet of the body around the first hit', async () => {
    await seed([{ id: 1, title: '<b>ＵＳＢ</b>紛失', body: `${'前置き。'.repeat(20)}職員がusbメモリを紛失しました。<script>alert(1)</script>${'後書き。'.repeat(40)}` }]);
    const card = (await queryBoard(t.db, { ...emptyBoardQuery(), text: 'USB 紛失' }, ALL_COLUMNS)).columns[0]?.cards[0];
    expect(card?.highlights?.title).toEqual([
      { text: '<b>', hit: false },
      { text: 'ＵＳＢ', hit: true },
      { text: '</b>', hit: false },
      { text: '紛失', hit: true },
    ]);
    expect(card?.highlights?.organization).toBeNull();
    const body = card?.highlights?.body ?? [];
    expect(body[0]).toEqual({ text: '…', hit: false });
    expect(body.at(-1)).toEqual({ text: '…', hit: false });
    expect(body.filter((s) => s.hit).map((s) => s.text)).toEqual(['usb', '紛失']);
    expect(body.map((s) => s.text).join('')).toContain('<script>alert(1)</script>');
  });
});

describe('the index follows the items', () => {
  const record = (title: string, body: string): ItemFields => ({
    identityKey: `id:${title.slice(0, 4)}`, contentHash: `${title}|${body}`, title, organization: null, publishedAt: '2023-07-01',
    publishedAtRaw: null, sourceCategory: null, sourceName: null, sourceUrl: null, body, extra: {},
  });

  it('indexes imported items after commit, re-indexes a changed text and forgets a deleted item', async () => {
    await t.db.withTransaction(async (tx) => {
      await tx.run(`INSERT INTO import_batches (id, file_name, file_size, sha256, format, started_at, finished_at) VALUES (1, 'a', 1, 'x', 'csv', 't', 't')`);
      await upsertItems(tx, [record('古い題名のお知らせ', '漏洩しました')], 1, 'now', 'import');
    });
    expect(await hasPendingSearchWork(t.db)).toBe(true);
    expect(await syncSearchIndex(t.db)).toBe(1);
    expect(await hasPendingSearchWork(t.db)).toBe(false);
    expect(await ids({ text: '漏洩' })).toHaveLength(1);

    // The same story with a new text, through the import's own update path.
    await t.db.withTransaction((tx) => upsertItems(tx, [record('古い題名のお知らせ', '誤送信でした')], 1, 'now', 'import'));
    // A search syncs first, so it never sees the old words even before anyone called syncSearchIndex.
    expect(await ids({ text: '漏洩' })).toEqual([]);
    expect(await ids({ text: '誤送信' })).toHaveLength(1);
    expect(await t.db.get(`SELECT count(*) AS n FROM search_index WHERE search_index MATCH '"誤送 送信"'`)).toEqual({ n: 1 });
    expect(await t.db.get(`SELECT count(*) AS n FROM search_index WHERE search_index MATCH '"漏洩"'`)).toEqual({ n: 0 });

    await t.db.withTransaction((tx) => tx.run('UPDATE items SET status = ? ', ['triage']));
    expect(await hasPendingSearchWork(t.db)).toBe(false);
    expect((await queryBoard(t.db, { ...emptyBoardQuery(), text: '誤送信' }, ALL_COLUMNS)).columns[1]?.count).toBe(1);

    await t.db.withTransaction((tx) => tx.run('DELETE FROM items'));
    expect(await ids({ text: '誤送信' })).toEqual([]);
    // Gone from the index itself, not only hidden by the join with board_items.
    expect(await t.db.get(`SELECT count(*) AS n FROM search_index WHERE search_index MATCH '"誤送 送信"'`)).toEqual({ n: 0 });
    expect(await ids({})).toEqual([]);
    expect(await t.db.get('SELECT count(*) AS n FROM search_pending')).toEqual({ n: 0 });
  });

  it('drops an item deleted before it was ever indexed', async () => {
    await seed([{ id: 1, title: '未索引の項目' }]);
    await t.db.withTransaction((tx) => tx.run('DELETE FROM items WHERE id = 1'));
    expect(await hasPendingSearchWork(t.db)).toBe(false);
    expect(await ids({ text: '未索引' })).toEqual([]);
  });
});

describe('follow-up chains on cards', () => {
  it('a card says which report of how many it is; items outside a chain say nothing', async () => {
    await seed([
      { id: 1, title: '不正アクセスについて', facts: { kind: 'incident', category: 'ransomware', severity: 3, appi: 1 } },
      { id: 2, title: '不正アクセスについて(第2報)', facts: { kind: 'incident', category: 'ransomware', severity: 3, appi: 1 } },
      { id: 3, title: '別の事案', facts: { kind: 'incident', category: 'loss', severity: 2, appi: 0 } },
    ]);
    await t.db.withTransaction(async (tx) => {
      await tx.run("UPDATE item_facts SET thread_key = 'テスト|不正アクセスについて' WHERE item_id IN (1, 2)");
      await tx.run("UPDATE item_facts SET report_seq = '2' WHERE item_id = 2");
    });
    const board = await queryBoard(t.db, emptyBoardQuery(), ALL_COLUMNS);
    const cards = board.columns.flatMap((c) => c.cards);
    expect(cards.find((c) => c.id === 2)).toMatchObject({ reportSeq: 2, threadSize: 2 });
    expect(cards.find((c) => c.id === 1)).toMatchObject({ reportSeq: null, threadSize: 2 });
    expect(cards.find((c) => c.id === 3)).toMatchObject({ threadSize: 1 });
  });
});

