// Board and table queries: filters, full-text search, per-column counts and pages, all in SQL over the
// narrow board_items copy and the bigram index (migration 0004), so 100,000 items never travel to JS.
// Only the cards of the requested pages are read, and only their bodies are read for the snippets.
import { STATUSES, type Status } from '../../../shared/domain/vocabulary.js';
import type { Connection, SqlValue } from '../../db/database.js';
import type {
  BoardCard,
  BoardPage,
  BoardQuery,
  BoardResult,
  CardHighlights,
  TablePage,
  TableResult,
  TableSort,
} from './board-query.js';
import { highlightSnippet, highlightText } from './highlight.js';
import { hasPendingSearchWork, syncSearchIndex } from './search-index-repository.js';
import { matchAll, matchAny, parseSearch, type ParsedSearch } from './search-query.js';

interface CardRow {
  item_id: number;
  title: string;
  organization: string | null;
  published_at: string | null;
  source_category: string | null;
  source_name: string | null;
  status: Status;
  kind: BoardCard['kind'];
  category: BoardCard['category'];
  severity: BoardCard['severity'];
  appi_reportable: number | null;
  relevance: number | null;
}

interface Clause {
  sql: string;
  params: SqlValue[];
}

const CARD_COLUMNS =
  'item_id, title, organization, published_at, source_category, source_name, status, kind, category, severity, appi_reportable, relevance';

/** bm25 weights of title, organization, body: a word in the title says more than one in a long body. */
const BM25 = 'bm25(search_index, 5.0, 3.0, 1.0)';
/**
 * bm25 costs ~5 µs per hit (FTS5 reads each hit's positions and column sizes): fine for a few thousand
 * hits, 300 ms for the 60,000 hits of a common word in 100,000 items. Above this many hits relevance is
 * "words in the title, then in the organisation, then in the body only", newest first within each, which
 * costs two more index lookups instead of one per hit.
 */
export const BM25_MAX_HITS = 2000;

/** `column IN (…)`, with `null` in the list meaning "or not known". */
function inList(column: string, values: readonly (string | number | null)[]): Clause | null {
  if (values.length === 0) return null;
  const known = values.filter((v): v is string | number => v !== null);
  const parts: string[] = [];
  if (known.length > 0) parts.push(`${column} IN (${known.map(() => '?').join(', ')})`);
  if (known.length < values.length) parts.push(`${column} IS NULL`);
  return { sql: `(${parts.join(' OR ')})`, params: known };
}

/** The filters as SQL over board_items (alias b). Each value is a bound parameter; column names are ours. */
function filterClauses(query: BoardQuery): Clause[] {
  const clauses: (Clause | null)[] = [
    inList('b.kind', query.kinds),
    inList('b.category', query.categories),
    inList('b.severity', query.severities),
    inList('b.status', query.statuses),
    inList('b.source_name', query.sourceNames),
    query.relevanceMin === null ? null : { sql: 'b.relevance >= ?', params: [query.relevanceMin] },
    query.publishedFrom === null ? null : { sql: 'b.published_at >= ?', params: [query.publishedFrom] },
    query.publishedTo === null ? null : { sql: 'b.published_at <= ?', params: [query.publishedTo] },
    query.appiReportable === null ? null : { sql: 'b.appi_reportable = ?', params: [query.appiReportable ? 1 : 0] },
    // Any of the tags: the tagged items are listed once from item_tags_by_tag (tag, item_id), then each
    // row is a probe of that list (a per-row EXISTS cost 0.16 s over 100,000 rows).
    query.tags.length === 0
      ? null
      : { sql: `b.item_id IN (SELECT item_id FROM item_tags WHERE tag IN (${query.tags.map(() => '?').join(', ')}))`, params: [...query.tags] },
    // 続報あり: the item's incident has another report (thread key shared; kept on the copy by migration 0011).
    query.hasFollowUps === null ? null : { sql: 'b.has_follow_ups = ?', params: [query.hasFollowUps ? 1 : 0] },
  ];
  return clauses.filter((c): c is Clause => c !== null);
}

interface Matching {
  /** WITH … that defines m(item_id, status, published_at, score, + sort columns), the matching items. */
  cte: Clause;
  search: ParsedSearch;
  hasScore: boolean;
  /** The CTE to count from: m, or mc when an index other than the page's counts faster. */
  counted: 'm' | 'mc';
}

/** Table columns the table view sorts by, as board_items expressions. */
const SORT_EXPRESSIONS = {
  publishedAt: 'b.published_at',
  title: 'b.title',
  organization: 'b.organization',
  // Board order, not alphabetical.
  status: `CASE b.status ${STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`,
  kind: 'b.kind',
  category: 'b.category',
  severity: 'b.severity',
  sourceName: 'b.source_name',
} as const;

/**
 * m(item_id, status, published_at, score, sort_key): the items matching the query. Only these narrow
 * columns are materialised: copying whole board rows for 60,000 hits of a common word tripled the cost.
 */
async function matchingItems(db: Connection, query: BoardQuery, wantsScore: boolean, sortKey = 'NULL'): Promise<Matching> {
  const search = parseSearch(query.text);
  const filters = filterClauses(query);
  const where = filters.map((f) => f.sql);
  const params: SqlValue[] = filters.flatMap((f) => f.params);
  const include = matchAll(search.include);
  const exclude = matchAny(search.exclude);
  if ((include || exclude) && (await hasPendingSearchWork(db))) {
    // Items imported by another process, or before a crash, are indexed before they are searched.
    await syncSearchIndex(db);
  }
  if (include) {
    // The FTS query runs once, joined straight to board_items (one materialisation: a separate hits table
    // copied 60,000 rowids once more for a common word); its hits are filtered, counted and paged from
    // memory. CROSS JOIN keeps the index as the outer loop: probing FTS5 by rowid per board row costs
    // ~18 µs a row. Exclusions ride along as FTS5's NOT.
    const match = exclude ? `(${include}) NOT (${exclude})` : include;
    let score: Clause = { sql: 'NULL', params: [] };
    if (wantsScore) {
      const titleMatch = `title : (${include})`;
      const organizationMatch = `organization : (${include})`;
      // One round trip: more hits than bm25 is run for (counted only that far: FTS5 finds hits one by one,
      // so a common phrase stops after BM25_MAX_HITS + 1 instead of being evaluated over the whole index),
      // and whether any is in a title or organisation at all (a tier nothing reaches costs a probe per hit
      // for nothing: 流出 is never in an organisation).
      const found = await db.get<{ n: number; inTitle: number; inOrganization: number }>(
        `SELECT (SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH ? LIMIT ${BM25_MAX_HITS + 1})) AS n,
                EXISTS (SELECT 1 FROM search_index WHERE search_index MATCH ?) AS inTitle,
                EXISTS (SELECT 1 FROM search_index WHERE search_index MATCH ?) AS inOrganization`,
        [match, titleMatch, organizationMatch],
      );
      if ((found?.n ?? 0) <= BM25_MAX_HITS) score = { sql: BM25, params: [] };
      else {
        const tiers = ['-1.0'];
        const params: SqlValue[] = [];
        if (found?.inTitle) {
          tiers.push('4.0 * (search_index.rowid IN (SELECT rowid FROM search_index WHERE search_index MATCH ?))');
          params.push(titleMatch);
        }
        if (found?.inOrganization) {
          tiers.push('2.0 * (search_index.rowid IN (SELECT rowid FROM search_index WHERE search_index MATCH ?))');
          params.push(organizationMatch);
        }
        score = { sql: tiers.join(' - '), params };
      }
    }
    const filtered = `m AS MATERIALIZED (SELECT b.item_id, b.status, b.published_at, ${score.sql} AS score, ${sortKey} AS sort_key
                                         FROM search_index CROSS JOIN board_items b ON b.item_id = search_index.rowid
                                         WHERE search_index MATCH ? ${where.length ? `AND ${where.join(' AND ')}` : ''})`;
    return {
      search,
      hasScore: wantsScore,
      counted: 'm',
      cte: { sql: `WITH ${filtered}`, params: [...score.params, match, ...params] },
    };
  }
  if (exclude) {
    where.push('b.item_id NOT IN (SELECT rowid FROM search_index WHERE search_index MATCH ?)');
    params.push(exclude);
  }
  // Inlined where used. Pages: without facet filters each column's page walks board_items_by_status_date
  // and stops at its limit; with them the facets index is read instead, so paging touches only index
  // entries (~40 bytes) of the column and sorts the matches, where walking the date index would fetch a
  // row for every entry until a page of rare matches (say ransomware and APPI) is found. Counts: any
  // filter is counted from the facets index, which holds every filtered column (a date range counted
  // through the date index fetched a row per item for its status).
  const facetFiltered =
    query.kinds.length + query.categories.length + query.severities.length + query.sourceNames.length > 0 ||
    query.appiReportable !== null ||
    query.relevanceMin !== null;
  const filterSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const columns = `b.item_id, b.status, b.published_at, NULL AS score, ${sortKey} AS sort_key`;
  const facets = 'INDEXED BY board_items_by_status_facets';
  return {
    search,
    hasScore: false,
    counted: where.length ? 'mc' : 'm',
    cte: {
      sql: `WITH m AS NOT MATERIALIZED (SELECT ${columns} FROM board_items b ${facetFiltered ? facets : ''} ${filterSql}),
                 mc AS NOT MATERIALIZED (SELECT ${columns} FROM board_items b ${where.length ? facets : ''} ${filterSql})`,
      // The filters appear twice, in m and in mc.
      params: [...params, ...params],
    },
  };
}

function dateOrder(direction: 'asc' | 'desc'): string {
  // SQLite sorts NULL lowest: undated items come last newest-first, first oldest-first.
  return direction === 'desc' ? 'published_at DESC, item_id DESC' : 'published_at ASC, item_id ASC';
}

function boardOrder(query: BoardQuery, hasScore: boolean): string {
  // bm25 and the title/organisation/body tiers: lower is better.
  if (query.sort === 'relevance' && hasScore) return `score ASC, ${dateOrder('desc')}`;
  return dateOrder(query.sort === 'date_asc' ? 'asc' : 'desc');
}

function toCard(row: CardRow, search: ParsedSearch, bodies: Map<number, string>): BoardCard {
  let highlights: CardHighlights | null = null;
  if (search.include.length > 0) {
    highlights = {
      title: highlightText(row.title, search.include),
      organization: row.organization === null ? null : highlightText(row.organization, search.include),
      body: highlightSnippet(bodies.get(row.item_id) ?? '', search.include),
    };
  }
  return {
    id: row.item_id,
    title: row.title,
    organization: row.organization,
    publishedAt: row.published_at,
    sourceCategory: row.source_category,
    sourceName: row.source_name,
    status: row.status,
    kind: row.kind,
    category: row.category,
    severity: row.severity,
    appiReportable: row.appi_reportable === null ? null : row.appi_reportable === 1,
    relevance: row.relevance,
    highlights,
  };
}

/** Cards for the given ids, in that order, with highlights when the search has terms. */
async function loadCards(db: Connection, ids: readonly number[], search: ParsedSearch): Promise<Map<number, BoardCard>> {
  const cards = new Map<number, BoardCard>();
  if (ids.length === 0) return cards;
  const marks = ids.map(() => '?').join(', ');
  const rows = await db.all<CardRow>(`SELECT ${CARD_COLUMNS} FROM board_items WHERE item_id IN (${marks})`, [...ids]);
  const bodies = new Map<number, string>();
  if (search.include.length > 0) {
    const bodyRows = await db.all<{ id: number; body: string }>(`SELECT id, body FROM items WHERE id IN (${marks})`, [...ids]);
    for (const row of bodyRows) bodies.set(row.id, row.body);
  }
  // Follow-up chains (第1報 → 最終報): the report number and how many reports of the incident are known.
  const threads = await db.all<{ item_id: number; report_seq: string | null; thread_size: number }>(
    `SELECT f.item_id, f.report_seq,
            CASE WHEN f.thread_key IS NULL THEN 1 ELSE (SELECT count(*) FROM item_facts o WHERE o.thread_key = f.thread_key) END AS thread_size
     FROM item_facts f WHERE f.item_id IN (${marks})`,
    [...ids],
  );
  const threadOf = new Map(threads.map((t) => [t.item_id, t]));
  for (const row of rows) {
    const card = toCard(row, search, bodies);
    const thread = threadOf.get(row.item_id);
    if (thread) {
      card.reportSeq = thread.report_seq === null ? null : thread.report_seq === 'final' ? 'final' : Number(thread.report_seq);
      card.threadSize = thread.thread_size;
    }
    cards.set(row.item_id, card);
  }
  return cards;
}

/**
 * The board: for each status, how many items match and one page of them. One statement computes the
 * counts and every column's page, so the search runs once however many columns there are.
 */
export async function queryBoard(db: Connection, query: BoardQuery, page: BoardPage): Promise<BoardResult> {
  const { cte, search, hasScore, counted } = await matchingItems(db, query, query.sort === 'relevance');
  const order = boardOrder(query, hasScore);
  const columns = STATUSES.filter((s) => page.columns.includes(s));
  const parts = [`SELECT status, count(*) AS n, NULL AS item_id, NULL AS pos FROM ${counted} GROUP BY status`];
  const params: SqlValue[] = [...cte.params];
  for (const status of columns) {
    // pos numbers the page in its order (a UNION ALL promises no order); the window sorts one page only.
    parts.push(
      `SELECT status, NULL, item_id, row_number() OVER (ORDER BY ${order})
       FROM (SELECT * FROM m WHERE status = ? ORDER BY ${order} LIMIT ? OFFSET ?)`,
    );
    params.push(status, page.limit, page.offset);
  }
  const rows = await db.all<{ status: Status; n: number | null; item_id: number | null; pos: number | null }>(
    `${cte.sql} ${parts.join(' UNION ALL ')}`,
    params,
  );
  const counts = new Map<Status, number>();
  const pageIds = new Map<Status, number[]>();
  for (const row of rows) {
    if (row.item_id === null) counts.set(row.status, row.n ?? 0);
    else {
      const ids = pageIds.get(row.status) ?? [];
      ids[(row.pos ?? 1) - 1] = row.item_id;
      pageIds.set(row.status, ids);
    }
  }
  const cards = await loadCards(db, [...pageIds.values()].flat(), search);
  return {
    matching: [...counts.values()].reduce((a, b) => a + b, 0),
    columns: STATUSES.map((status) => ({
      status,
      count: counts.get(status) ?? 0,
      cards: (pageIds.get(status) ?? []).flatMap((id) => cards.get(id) ?? []),
    })),
  };
}

/** The table view: every matching item in one sortable list, one page at a time, with the total. */
export async function queryTable(db: Connection, query: BoardQuery, sort: TableSort, page: TablePage): Promise<TableResult> {
  const sortKey = sort.column === 'relevance' || sort.column === 'publishedAt' ? 'NULL' : SORT_EXPRESSIONS[sort.column];
  const { cte, search, hasScore, counted } = await matchingItems(db, query, sort.column === 'relevance', sortKey);
  const direction = sort.direction === 'asc' ? 'ASC' : 'DESC';
  let order: string;
  if (sort.column === 'relevance') order = boardOrder({ ...query, sort: 'relevance' }, hasScore);
  else if (sort.column === 'publishedAt') order = dateOrder(sort.direction);
  else order = `sort_key ${direction}, ${dateOrder('desc')}`;
  const rows = await db.all<{ n: number | null; item_id: number | null; pos: number | null }>(
    `${cte.sql} SELECT count(*) AS n, NULL AS item_id, NULL AS pos FROM ${counted}
     UNION ALL SELECT NULL, item_id, row_number() OVER (ORDER BY ${order})
               FROM (SELECT * FROM m ORDER BY ${order} LIMIT ? OFFSET ?)`,
    [...cte.params, page.limit, page.offset],
  );
  const ids: number[] = [];
  for (const row of rows) if (row.item_id !== null) ids[(row.pos ?? 1) - 1] = row.item_id;
  const cards = await loadCards(db, ids, search);
  return {
    matching: rows.find((r) => r.item_id === null)?.n ?? 0,
    rows: ids.flatMap((id) => cards.get(id) ?? []),
  };
}
