// `npm run bench:board -- [--json] [--items N]`: seeds N (100,000) realistic Japanese items into a fresh
// database (straight SQL inserts into items and item_facts: the same tables and triggers the import
// fills; then the search index is built by the same syncSearchIndex the app runs after an import), and
// times a fixed mix of board and table queries (1-, 2- and longer-character Japanese terms, phrases,
// exclusions, filters, sorts, deep pages) through queryBoard/queryTable, as the app calls them:
// counts, pages (50 cards per column: the first screen of a virtualized column; the table 100 rows),
// cards and highlights included. Reports p50/p95 over every run of the mix.
// firstRenderMs (the first board render in Chromium through the browser shell) is printed as null: the
// browser side of this benchmark is not wired yet.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import type { Connection } from '../db/database.js';
import { openDatabase } from '../db/open-database.js';
import { emptyBoardQuery, type BoardPage, type BoardQuery, type TableSort } from '../features/search/board-query.js';
import { queryBoard, queryTable } from '../features/search/board-repository.js';
import { syncSearchIndex } from '../features/search/search-index-repository.js';
import { workloadItems } from './board-workload.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    items: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
  },
});
const count = Number(values.items);
const runs = Number(values.runs);
const log = (line: string) => {
  if (!values.json) console.log(line);
};

async function seed(db: Connection): Promise<void> {
  const at = new Date().toISOString();
  const rows = workloadItems(count);
  let id = 0;
  while (id < count) {
    await db.withTransaction(async (tx) => {
      for (let k = 0; k < 25 && id < count; k++) {
        const chunk: { id: number; item: ReturnType<typeof rows.next> extends IteratorResult<infer T> ? T : never }[] = [];
        for (let n = 0; n < 200 && id < count; n++) {
          const next = rows.next();
          if (next.done) break;
          chunk.push({ id: ++id, item: next.value });
        }
        await tx.run(
          `INSERT INTO items (id, identity_key, content_hash, title, organization, published_at, source_category, source_name, body, status, created_at, updated_at)
           VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
          chunk.flatMap(({ id, item }) => [
            id, `bench:${id}`, `h${id}`, item.title, item.organization, item.publishedAt, item.sourceCategory, item.sourceName, item.body, item.status, at, at,
          ]),
        );
        await tx.run(
          `INSERT INTO item_facts (item_id, extractor_version, content_hash, extracted_at, kind, category, severity, appi_reportable, facts_json)
           VALUES ${chunk.map(() => "(?, 1, ?, ?, ?, ?, ?, ?, '{}')").join(', ')}`,
          chunk.flatMap(({ id, item }) => [id, `h${id}`, at, item.kind, item.category, item.severity, item.appiReportable]),
        );
      }
    });
  }
  // A few hundred officer corrections, so the effective facts are not just the suggestions.
  await db.withTransaction((tx) =>
    tx.run(
      `INSERT INTO item_corrections (item_id, field, value_json, corrected_at, corrected_by)
       SELECT id, 'severity', '4', ?, 'bench' FROM items WHERE id % 331 = 0`,
      [at],
    ),
  );
}

interface Case {
  label: string;
  run: (db: Connection) => Promise<unknown>;
}

const BOARD_PAGE: BoardPage = { limit: 50, offset: 0, columns: ['new', 'triage', 'action', 'notified', 'dismissed'] };
const board = (label: string, query: Partial<BoardQuery>, page: Partial<BoardPage> = {}): Case => ({
  label,
  run: (db) => queryBoard(db, { ...emptyBoardQuery(), ...query }, { ...BOARD_PAGE, ...page }),
});
const table = (label: string, query: Partial<BoardQuery>, sort: TableSort, offset = 0): Case => ({
  label,
  run: (db) => queryTable(db, { ...emptyBoardQuery(), ...query }, sort, { limit: 100, offset }),
});

const MIX: Case[] = [
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

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const dir = mkdtempSync(join(tmpdir(), 'triage-board-bench-'));
try {
  const path = join(dir, 'board.sqlite');
  const db = await openDatabase(path);
  let start = performance.now();
  await seed(db);
  log(`seeded ${count.toLocaleString('en-US')} items in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  start = performance.now();
  await syncSearchIndex(db);
  log(`search index built in ${((performance.now() - start) / 1000).toFixed(1)} s; database ${(statSync(path).size / 1e6).toFixed(0)} MB (+ WAL)`);

  for (const c of MIX) await c.run(db); // warm-up: the first reads come from disk, not the page cache
  const all: number[] = [];
  // CPU time of the process (JS and SQLite's threads) per query: what the query costs on a machine
  // shared with other work, where wall time also counts the waiting for a core.
  const allCpu: number[] = [];
  const loadBefore = loadavg()[0]!;
  const perCase = new Map<string, number[]>();
  const perCaseCpu = new Map<string, number[]>();
  for (let r = 0; r < runs; r++) {
    for (const c of MIX) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await c.run(db);
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      all.push(ms);
      allCpu.push((cpu.user + cpu.system) / 1000);
      perCase.set(c.label, [...(perCase.get(c.label) ?? []), ms]);
      perCaseCpu.set(c.label, [...(perCaseCpu.get(c.label) ?? []), (cpu.user + cpu.system) / 1000]);
    }
  }
  await db.close();
  all.sort((a, b) => a - b);
  const p50 = Number(percentile(all, 50).toFixed(1));
  const p95 = Number(percentile(all, 95).toFixed(1));
  for (const [label, samples] of perCase) {
    samples.sort((a, b) => a - b);
    const cpu = [...(perCaseCpu.get(label) ?? [])].sort((a, b) => a - b);
    log(
      `  ${label.padEnd(44)} median ${percentile(samples, 50).toFixed(1).padStart(6)} ms  max ${samples[samples.length - 1]!.toFixed(1).padStart(6)} ms` +
        `  CPU median ${percentile(cpu, 50).toFixed(1).padStart(6)} ms`,
    );
  }
  allCpu.sort((a, b) => a - b);
  log(`queries: p50 ${p50} ms, p95 ${p95} ms over ${all.length} runs (target p95 < 50 ms)`);
  log(`  CPU time per query: p50 ${percentile(allCpu, 50).toFixed(1)} ms, p95 ${percentile(allCpu, 95).toFixed(1)} ms; load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
  log('first render: not measured yet (the browser-shell part of this benchmark is not wired)');
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ items: count, queryP50Ms: p50, queryP95Ms: p95, firstRenderMs: null })}\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
