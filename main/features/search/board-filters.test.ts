// The board's filters against real SQLite: each filter alone, and every filter combined with the others,
// checked against a plain JS reading of the same filter (an oracle) over a seeded mix of items, through
// both the table query and the board's per-column counts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATEGORIES, KINDS, SEVERITIES, STATUSES, type Category, type Kind, type Severity, type Status } from '../../../shared/domain/vocabulary.js';
import { openTempDatabase, type TempDatabase } from '../../testing/temp-database.js';
import { emptyBoardQuery, type BoardQuery } from './board-query.js';
import { queryBoard, queryTable } from './board-repository.js';
import { listViews, VIEWS_SETTING } from './saved-views-repository.js';
import { listSources } from './sources-repository.js';

let t: TempDatabase;

interface Seed {
  id: number;
  title: string;
  body: string;
  status: Status;
  publishedAt: string | null;
  sourceName: string | null;
  kind: Kind | null;
  category: Category | null;
  severity: Severity | null;
  appi: boolean | null;
  relevance: number | null;
  threadKey: string | null;
  tags: string[];
  /** False: no item_facts row at all (facts not read yet). */
  hasFacts: boolean;
}

async function seed(items: readonly Seed[]): Promise<void> {
  await t.db.withTransaction(async (tx) => {
    for (const item of items) {
      await tx.run(
        `INSERT INTO items (id, identity_key, content_hash, title, organization, published_at, source_name, body, status, created_at, updated_at)
         VALUES (?, ?, 'h', ?, '株式会社テスト', ?, ?, ?, ?, 'now', 'now')`,
        [item.id, `k${item.id}`, item.title, item.publishedAt, item.sourceName, item.body, item.status],
      );
      if (item.hasFacts) {
        await tx.run(
          `INSERT INTO item_facts (item_id, extractor_version, content_hash, extracted_at, kind, category, severity, appi_reportable, relevance, thread_key, facts_json)
           VALUES (?, 1, 'h', 'now', ?, ?, ?, ?, ?, ?, '{}')`,
          [item.id, item.kind, item.category, item.severity, item.appi === null ? null : item.appi ? 1 : 0, item.relevance, item.threadKey],
        );
      }
      for (const tag of item.tags) await tx.run('INSERT INTO item_tags (item_id, tag) VALUES (?, ?)', [item.id, tag]);
    }
  });
}

function base(id: number, patch: Partial<Seed> = {}): Seed {
  return {
    id, title: `項目${id}`, body: '', status: 'new', publishedAt: '2023-07-01', sourceName: 'cdns', kind: 'incident', category: 'loss',
    severity: 2, appi: false, relevance: 10, threadKey: null, tags: [], hasFacts: true, ...patch,
  };
}

async function tableIds(query: Partial<BoardQuery>): Promise<number[]> {
  const result = await queryTable(t.db, { ...emptyBoardQuery(), ...query }, { column: 'publishedAt', direction: 'desc' }, { limit: 1000, offset: 0 });
  return result.rows.map((r) => r.id).sort((a, b) => a - b);
}

beforeEach(async () => {
  t = await openTempDatabase();
});
afterEach(() => t.cleanup());

describe('tags filter', () => {
  it('keeps items carrying any of the tags, and combines with the other filters', async () => {
    await seed([
      base(1, { tags: ['要確認', '取引先'] }),
      base(2, { tags: ['取引先'], status: 'triage' }),
      base(3, { tags: ['要確認'], kind: 'advisory' }),
      base(4),
      base(5, { tags: ['社内'], body: '漏洩の報告' }),
    ]);
    expect(await tableIds({ tags: ['取引先'] })).toEqual([1, 2]);
    expect(await tableIds({ tags: ['取引先', '要確認'] })).toEqual([1, 2, 3]);
    expect(await tableIds({ tags: ['存在しない'] })).toEqual([]);
    expect(await tableIds({ tags: ['要確認'], kinds: ['incident'] })).toEqual([1]);
    expect(await tableIds({ tags: ['取引先', '社内'], statuses: ['new'] })).toEqual([1, 5]);
    expect(await tableIds({ tags: ['取引先', '社内'], text: '漏洩' })).toEqual([5]);
    expect(await tableIds({ tags: ['取引先', '社内'], text: '-漏洩' })).toEqual([1, 2]);
  });

  it('counts per column follow the tag filter', async () => {
    await seed([base(1, { tags: ['a'] }), base(2, { tags: ['a'], status: 'triage' }), base(3, { tags: ['b'], status: 'triage' })]);
    const board = await queryBoard(t.db, { ...emptyBoardQuery(), tags: ['a'] }, { limit: 10, offset: 0, columns: [...STATUSES] });
    expect(board.matching).toBe(2);
    expect(board.columns.map((c) => c.count)).toEqual([1, 1, 0, 0, 0]);
  });
});

describe('has follow-ups filter (続報あり)', () => {
  it('keeps items whose incident has another report, or (false) the others; unknown facts count as no chain', async () => {
    await seed([
      base(1, { threadKey: 'テスト|不正アクセス' }),
      base(2, { threadKey: 'テスト|不正アクセス', status: 'triage' }),
      base(3, { threadKey: 'テスト|紛失' }),
      base(4),
      base(5, { hasFacts: false, kind: null }),
      base(6, { threadKey: 'テスト|不正アクセス', category: 'ransomware' }),
    ]);
    expect(await tableIds({ hasFollowUps: true })).toEqual([1, 2, 6]);
    expect(await tableIds({ hasFollowUps: false })).toEqual([3, 4, 5]);
    expect(await tableIds({ hasFollowUps: true, statuses: ['new'] })).toEqual([1, 6]);
    expect(await tableIds({ hasFollowUps: true, categories: ['ransomware'] })).toEqual([6]);
    const board = await queryBoard(t.db, { ...emptyBoardQuery(), hasFollowUps: true }, { limit: 10, offset: 0, columns: [...STATUSES] });
    expect(board.columns.map((c) => c.count)).toEqual([2, 1, 0, 0, 0]);
    expect(board.columns[0]?.cards.every((c) => c.threadSize === 3)).toBe(true);
  });
});

describe('sources', () => {
  it('lists each source with its item count, most items first, without the unnamed', async () => {
    await seed([base(1, { sourceName: 'IPA' }), base(2, { sourceName: 'cdns' }), base(3, { sourceName: 'cdns' }), base(4, { sourceName: null }), base(5, { sourceName: '' })]);
    expect(await listSources(t.db)).toEqual([
      { name: 'cdns', count: 2 },
      { name: 'IPA', count: 1 },
    ]);
    expect(await listSources(t.db, 1)).toEqual([{ name: 'cdns', count: 2 }]);
  });

  it('counts from the source index (0010), never grouping the board rows', async () => {
    const plan = await t.db.all<{ detail: string }>(
      `EXPLAIN QUERY PLAN SELECT ifnull(source_name, '') AS name, count(*) AS count FROM board_items
       WHERE ifnull(source_name, '') <> '' GROUP BY ifnull(source_name, '') ORDER BY count DESC, name LIMIT 500`,
    );
    expect(plan.map((r) => r.detail).join('\n')).toMatch(/USING (COVERING )?INDEX board_items_by_source/);
    expect(plan.map((r) => r.detail).join('\n')).not.toMatch(/TEMP B-TREE FOR GROUP BY/);
  });
});

/** Deterministic pseudo-random numbers (a fixed seed keeps a failure reproducible). */
function random(seedValue: number): () => number {
  let state = seedValue >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(next: () => number, values: readonly T[]): T {
  return values[Math.floor(next() * values.length)] as T;
}

function some<T>(next: () => number, values: readonly T[], max: number): T[] {
  const count = Math.floor(next() * (max + 1));
  return [...new Set(Array.from({ length: count }, () => pick(next, values)))];
}

const SOURCES = ['cdns', 'IPA', 'JPCERT', null] as const;
const TAGS = ['要確認', '取引先', '社内', '共有済'] as const;
const THREADS = ['a|1', 'a|2', 'b|1', null, null, null] as const;
const WORDS = ['漏洩', '誤送信', '不正アクセス', 'ランサムウェア'] as const;

function seededItems(): Seed[] {
  const next = random(20231125);
  return Array.from({ length: 80 }, (_, i) => {
    const hasFacts = next() > 0.1;
    const day = 1 + Math.floor(next() * 28);
    return base(i + 1, {
      title: `${pick(next, WORDS)}について ${i + 1}`,
      body: `${pick(next, WORDS)}が発生しました`,
      status: pick(next, STATUSES),
      publishedAt: next() < 0.1 ? null : `2023-0${1 + Math.floor(next() * 3)}-${String(day).padStart(2, '0')}`,
      sourceName: pick(next, SOURCES),
      kind: hasFacts ? pick(next, [...KINDS, null]) : null,
      category: hasFacts ? pick(next, [...CATEGORIES.slice(0, 4), null]) : null,
      severity: hasFacts ? pick(next, [...SEVERITIES, null]) : null,
      appi: hasFacts ? pick(next, [true, false, null]) : null,
      relevance: hasFacts ? pick(next, [0, 20, 45, 80, null]) : null,
      threadKey: hasFacts ? pick(next, THREADS) : null,
      tags: some(next, TAGS, 2),
      hasFacts,
    });
  });
}

function randomQuery(next: () => number): Partial<BoardQuery> {
  const query: Partial<BoardQuery> = {};
  const maybe = (p = 0.3) => next() < p;
  if (maybe()) query.kinds = some(next, [...KINDS, null], 2);
  if (maybe()) query.categories = some(next, [...CATEGORIES.slice(0, 4), null], 2);
  if (maybe()) query.severities = some(next, [...SEVERITIES, null], 2);
  if (maybe()) query.statuses = some(next, STATUSES, 3);
  if (maybe()) query.sourceNames = some(next, ['cdns', 'IPA', 'JPCERT'], 2);
  if (maybe()) query.relevanceMin = pick(next, [0, 20, 50]);
  if (maybe()) query.publishedFrom = pick(next, ['2023-01-15', '2023-02-01']);
  if (maybe()) query.publishedTo = pick(next, ['2023-02-15', '2023-03-31']);
  if (maybe()) query.appiReportable = pick(next, [true, false]);
  if (maybe()) query.tags = some(next, TAGS, 2);
  if (maybe()) query.hasFollowUps = pick(next, [true, false]);
  if (maybe(0.2)) query.text = pick(next, [...WORDS, '-漏洩']);
  return query;
}

/** What each filter means, read from the seed rather than from SQL. */
function oracle(items: readonly Seed[], partial: Partial<BoardQuery>): number[] {
  const q = { ...emptyBoardQuery(), ...partial };
  const threadSizes = new Map<string, number>();
  for (const item of items) if (item.hasFacts && item.threadKey) threadSizes.set(item.threadKey, (threadSizes.get(item.threadKey) ?? 0) + 1);
  const inList = <T>(list: readonly T[], value: T) => list.length === 0 || list.includes(value);
  return items
    .filter((item) => {
      const text = `${item.title} 株式会社テスト ${item.body}`;
      const word = q.text.replace(/^-/, '');
      const followUps = item.hasFacts && item.threadKey !== null && (threadSizes.get(item.threadKey) ?? 0) > 1;
      return (
        inList(q.kinds, item.kind) &&
        inList(q.categories, item.category) &&
        inList(q.severities, item.severity) &&
        inList(q.statuses, item.status) &&
        (q.sourceNames.length === 0 || (item.sourceName !== null && q.sourceNames.includes(item.sourceName))) &&
        (q.relevanceMin === null || (item.relevance !== null && item.relevance >= q.relevanceMin)) &&
        (q.publishedFrom === null || (item.publishedAt !== null && item.publishedAt >= q.publishedFrom)) &&
        (q.publishedTo === null || (item.publishedAt !== null && item.publishedAt <= q.publishedTo)) &&
        (q.appiReportable === null || item.appi === q.appiReportable) &&
        (q.tags.length === 0 || item.tags.some((tag) => q.tags.includes(tag))) &&
        (q.hasFollowUps === null || followUps === q.hasFollowUps) &&
        (q.text === '' || (q.text.startsWith('-') ? !text.includes(word) : text.includes(word)))
      );
    })
    .map((item) => item.id);
}

describe('every filter combined with the others', () => {
  it('matches a plain reading of the filters over 150 random combinations, in the table and the board counts', async () => {
    const items = seededItems();
    await seed(items);
    const next = random(7);
    let nonEmpty = 0;
    for (let i = 0; i < 150; i++) {
      const query = randomQuery(next);
      const expected = oracle(items, query);
      if (expected.length > 0) nonEmpty++;
      expect(await tableIds(query), JSON.stringify(query)).toEqual(expected);
      const board = await queryBoard(t.db, { ...emptyBoardQuery(), ...query }, { limit: 1, offset: 0, columns: [...STATUSES] });
      expect(board.matching, JSON.stringify(query)).toBe(expected.length);
    }
    // The combinations must not all be trivially empty, or the comparison would prove little.
    expect(nonEmpty).toBeGreaterThan(50);
  });
});

describe('saved views written before the tag and follow-up filters', () => {
  it('still load from the settings table, with those filters off', async () => {
    const old = { name: '古いビュー', savedAt: '2026-11-01T00:00:00.000Z', query: { text: '', kinds: ['incident'], categories: [], severities: [], relevanceMin: null, statuses: [], sourceNames: [], publishedFrom: null, publishedTo: null, appiReportable: null, sort: 'relevance' } };
    await t.db.withTransaction((tx) => tx.run(`INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, 'now')`, [VIEWS_SETTING, JSON.stringify([old])]));
    const views = await listViews(t.db);
    expect(views).toHaveLength(1);
    expect(views[0]?.query).toMatchObject({ kinds: ['incident'], tags: [], hasFollowUps: null });
  });
});
