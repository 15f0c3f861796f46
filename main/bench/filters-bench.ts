// `npx tsx main/bench/filters-bench.ts [--items N] [--runs R]`: the board filters of issue #5 that the
// board benchmark's mix does not cover (tags, 続報あり, several values per list, the sources list) and a
// facet count query (items per value of each filter, under the current filters), on N (100,000) workload
// items of board-workload.ts with follow-up chains and tags added. Prints the median and worst wall time
// of each case over R runs. Text search is left out: its cost is the board benchmark's subject.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { STATUSES } from '../../shared/domain/vocabulary.js';
import type { Connection } from '../db/database.js';
import { openDatabase } from '../db/open-database.js';
import { emptyBoardQuery, type BoardQuery } from '../features/search/board-query.js';
import { queryBoard, queryTable } from '../features/search/board-repository.js';
import { listSources } from '../features/search/sources-repository.js';
import { seedBoardItems } from './board-workload.js';

const { values } = parseArgs({ options: { items: { type: 'string', default: '100000' }, runs: { type: 'string', default: '5' } } });
const count = Number(values.items);
const runs = Number(values.runs);

/** One item in five is a report of a chain of two or three; one in twenty carries one or two of six tags. */
async function addChainsAndTags(db: Connection): Promise<void> {
  await db.withTransaction(async (tx) => {
    await tx.run(`UPDATE item_facts SET thread_key = 'chain|' || (item_id / 3) WHERE item_id % 15 < 3`);
    await tx.run(`INSERT INTO item_tags (item_id, tag) SELECT id, CASE id % 6 WHEN 0 THEN '要確認' WHEN 1 THEN '取引先' WHEN 2 THEN '社内'
                  WHEN 3 THEN '共有済' WHEN 4 THEN '経営報告' ELSE '教材' END FROM items WHERE id % 20 = 0`);
    await tx.run(`INSERT INTO item_tags (item_id, tag) SELECT id, '要確認' FROM items WHERE id % 20 = 7`);
  });
}

const FACETS = ['kind', 'category', 'severity', 'source_name', 'appi_reportable'] as const;

/** Items per value of each facet, all columns, under the query's filters (what counts beside each choice would cost). */
async function facetCounts(db: Connection, where: string, params: unknown[]): Promise<void> {
  for (const facet of FACETS) {
    await db.all(`SELECT ${facet} AS value, count(*) AS n FROM board_items b INDEXED BY board_items_by_status_facets ${where} GROUP BY ${facet}`, params as never[]);
  }
}

const q = (patch: Partial<BoardQuery>): BoardQuery => ({ ...emptyBoardQuery(), ...patch });
const PAGE = { limit: 50, offset: 0, columns: [...STATUSES] };

const CASES: { name: string; run: (db: Connection) => Promise<unknown> }[] = [
  { name: 'board.sources', run: (db) => listSources(db) },
  { name: 'board: tags (1)', run: (db) => queryBoard(db, q({ tags: ['要確認'] }), PAGE) },
  { name: 'board: tags (3)', run: (db) => queryBoard(db, q({ tags: ['要確認', '取引先', '教材'] }), PAGE) },
  { name: 'board: 続報あり', run: (db) => queryBoard(db, q({ hasFollowUps: true }), PAGE) },
  { name: 'board: 続報なし', run: (db) => queryBoard(db, q({ hasFollowUps: false }), PAGE) },
  { name: 'board: kinds×2 categories×2 severities×2', run: (db) => queryBoard(db, q({ kinds: ['incident', 'advisory'], categories: ['ransomware', 'loss'], severities: [3, 4] }), PAGE) },
  { name: 'board: statuses×2 sources×2 dates', run: (db) => queryBoard(db, q({ statuses: ['new', 'triage'], sourceNames: ['IPA', 'cdns'], publishedFrom: '2020-01-01', publishedTo: '2022-12-31' }), PAGE) },
  { name: 'board: every filter', run: (db) => queryBoard(db, q({ kinds: ['incident'], categories: ['ransomware', 'malware'], severities: [3, 4], statuses: ['new', 'triage', 'notified'], sourceNames: ['IPA', 'cdns', 'piyolog'], publishedFrom: '2016-01-01', appiReportable: true, tags: ['要確認', '取引先'], hasFollowUps: true }), PAGE) },
  { name: 'board: 続報あり + APPI', run: (db) => queryBoard(db, q({ hasFollowUps: true, appiReportable: true }), PAGE) },
  { name: 'table: tags, page 1', run: (db) => queryTable(db, q({ tags: ['要確認'] }), { column: 'publishedAt', direction: 'desc' }, { limit: 100, offset: 0 }) },
  { name: 'facet counts, no filter', run: (db) => facetCounts(db, '', []) },
  { name: 'facet counts, kind=incident', run: (db) => facetCounts(db, "WHERE b.kind = 'incident'", []) },
];

const dir = mkdtempSync(join(tmpdir(), 'triage-filters-bench-'));
try {
  const db = await openDatabase(join(dir, 'filters.sqlite'));
  const start = performance.now();
  await seedBoardItems(db, count);
  await addChainsAndTags(db);
  console.log(`seeded ${count.toLocaleString('en-US')} items with chains and tags in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  for (const c of CASES) await c.run(db); // warm-up: page cache
  for (const c of CASES) {
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      await c.run(db);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`${c.name.padEnd(44)} median ${times[Math.floor(times.length / 2)]!.toFixed(1).padStart(7)} ms   max ${times[times.length - 1]!.toFixed(1).padStart(7)} ms`);
  }
  await db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
