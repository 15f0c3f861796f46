// `npx tsx main/bench/search-options-bench.ts [--items N]`: the measurements behind the choice of the
// full-text index (issue #5). For N realistic items it builds each candidate index in a fresh database
// and reports build time, file size and query times for terms of 1 to 7 characters, with the number of
// hits next to the brute-force count (a wrong count disqualifies an option whatever its speed):
//   trigram   FTS5's trigram tokenizer over NFKC-normalised text (stored in the index), and instr() over
//             that text for terms under 3 characters, which trigram cannot match
//   bigram    contentless FTS5 over JS bigram tokens (the one migration 0004 ships)
//   bigram+p1 the same with a one-character prefix index (prefix='1')
// Then it measures what the index costs an import: 20,000 RSS items imported through the real import
// path into a database without search (schema version 3) and with it (version 4), and the time to
// index them after commit. A benchmark, not a test.
import { readFileSync, rmSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { Connection } from '../db/database.js';
import { openDatabase } from '../db/open-database.js';
import { importFiles } from '../features/import/import-files.js';
import { indexTokens, phraseExpression, phraseTokens } from '../features/search/ngram-tokens.js';
import { normalizeForSearch } from '../features/search/normalize-text.js';
import { syncSearchIndex } from '../features/search/search-index-repository.js';
import { ParserProcess } from '../workers/parser-process.js';
import { makeBody, rssLines } from './generate-snapshots.js';
import { workloadItems } from './board-workload.js';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '20000' },
    'import-items': { type: 'string', default: '20000' },
    /** Only the import-cost part, repeated: imports are noisy on a shared machine. */
    'import-only': { type: 'boolean', default: false },
    repeat: { type: 'string', default: '1' },
  },
});
const count = Number(values.items);
const TERMS = ['県', '市', '漏洩', '流出', '誤送', 'usb', '不正ア', '個人情報', 'ランサムウェア', 'emotet', 'ＶＰＮ機器'];

const dir = mkdtempSync(join(tmpdir(), 'triage-search-options-'));
const items = [...workloadItems(count)].map((item) => ({
  title: normalizeForSearch(item.title),
  organization: normalizeForSearch(item.organization ?? ''),
  body: normalizeForSearch(item.body),
}));
const textMb = items.reduce((n, i) => n + i.title.length + i.organization.length + i.body.length, 0) / 1e6;

function bruteForce(term: string): number {
  const t = normalizeForSearch(term);
  return items.filter((i) => i.title.includes(t) || i.organization.includes(t) || i.body.includes(t)).length;
}

async function build(name: string, ddl: string, row: (i: (typeof items)[number]) => string[]): Promise<Connection> {
  const path = join(dir, `${name}.sqlite`);
  const db = await Connection.open(path, 'readwrite-create');
  const w = db.unsafeWriteHandle();
  await w.exec('PRAGMA journal_mode = WAL');
  await w.exec(ddl);
  const start = performance.now();
  await db.withTransaction(async (tx) => {
    for (let i = 0; i < items.length; i += 50) {
      const chunk = items.slice(i, i + 50);
      await tx.run(
        `INSERT INTO t (rowid, title, organization, body) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}`,
        chunk.flatMap((item, k) => [i + k + 1, ...row(item)]),
      );
    }
  });
  await w.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  const seconds = (performance.now() - start) / 1000;
  console.log(`${name}: build ${seconds.toFixed(1)} s, ${(statSync(path).size / 1e6).toFixed(1)} MB for ${textMb.toFixed(1)} M characters`);
  return db;
}

async function time(db: Connection, sql: string, params: string[]): Promise<{ ms: number; hits: number }> {
  const samples: number[] = [];
  let hits = 0;
  for (let k = 0; k < 5; k++) {
    const start = performance.now();
    hits = (await db.get<{ n: number }>(sql, params))?.n ?? 0;
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[2]!, hits };
}

async function report(db: Connection, query: (term: string) => [string, string[]]): Promise<void> {
  for (const term of TERMS) {
    const [sql, params] = query(term);
    const { ms, hits } = await time(db, sql, params);
    const expected = bruteForce(term);
    console.log(`  ${term.padEnd(8, '　')} ${ms.toFixed(1).padStart(7)} ms  ${hits} hits${hits === expected ? '' : ` WRONG (brute force: ${expected})`}`);
  }
}

const fts = (term: string): [string, string[]] => [
  'SELECT count(*) AS n FROM t WHERE t MATCH ?',
  [phraseExpression(phraseTokens(normalizeForSearch(term)))],
];

if (!values['import-only']) {
  const trigram = await build('trigram', "CREATE VIRTUAL TABLE t USING fts5(title, organization, body, tokenize = 'trigram')", (i) => [i.title, i.organization, i.body]);
  await report(trigram, (term) => {
    const t = normalizeForSearch(term);
    return [...t].length >= 3
      ? ['SELECT count(*) AS n FROM t WHERE t MATCH ?', [`"${t.replaceAll('"', '""')}"`]]
      : ['SELECT count(*) AS n FROM t WHERE instr(title, ?1) OR instr(organization, ?1) OR instr(body, ?1)', [t]];
  });
  await trigram.close();

  const bigram = await build('bigram', "CREATE VIRTUAL TABLE t USING fts5(title, organization, body, content = '', contentless_delete = 1, tokenize = 'ascii')", (i) => [indexTokens(i.title), indexTokens(i.organization), indexTokens(i.body)]);
  await report(bigram, fts);
  await bigram.close();

  const prefixed = await build('bigram+p1', "CREATE VIRTUAL TABLE t USING fts5(title, organization, body, content = '', contentless_delete = 1, tokenize = 'ascii', prefix = '1')", (i) => [indexTokens(i.title), indexTokens(i.organization), indexTokens(i.body)]);
  await report(prefixed, fts);
  await prefixed.close();
}

// What the index costs the import: the same 20,000-item feed into version 3 (no search) and version 4,
// interleaved; CPU time of this process (JS and SQLite's threads, not the parser process) is reported
// beside wall time because wall time on a shared machine mostly measures the other work. Then the same
// rows by bare multi-row INSERTs (no parsing, no identity lookups): the triggers' cost at its plainest.
const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};
const feed = join(dir, 'feed.rss');
const importCount = Number(values['import-items']);
writeFileSync(feed, [...rssLines(importCount)].join(''));
const rows = Array.from({ length: importCount }, (_, i) => [`bare:${i}`, `h${i}`, `ランサムウェア被害のお知らせ（第${i}号）`, makeBody(i)]);
for (const [run, version] of Array.from({ length: Number(values.repeat) }, () => [3, 4]).flat().entries()) {
  const db = await openDatabase(join(dir, `import-${run}-v${version}.sqlite`), { targetVersion: version });
  const parser = new ParserProcess();
  let cpu = process.cpuUsage();
  let start = performance.now();
  const summary = await importFiles(db, [{ name: 'feed.rss', bytes: readFileSync(feed) }], { parser });
  let line = `v${version} import of ${summary.imported} items: ${((performance.now() - start) / 1000).toFixed(2)} s, CPU ${(cpuMs(cpu) / 1000).toFixed(2)} s`;
  parser.close();
  if (version === 4) {
    cpu = process.cpuUsage();
    start = performance.now();
    const indexed = await syncSearchIndex(db);
    line += `; indexing ${indexed} after commit: ${((performance.now() - start) / 1000).toFixed(2)} s, CPU ${(cpuMs(cpu) / 1000).toFixed(2)} s`;
  }
  await db.close();
  const bare = await openDatabase(join(dir, `bare-${run}-v${version}.sqlite`), { targetVersion: version });
  cpu = process.cpuUsage();
  start = performance.now();
  await bare.withTransaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 200) {
      const chunk = rows.slice(i, i + 200);
      await tx.run(
        `INSERT INTO items (identity_key, content_hash, title, body, created_at, updated_at) VALUES ${chunk.map(() => "(?, ?, ?, ?, 'now', 'now')").join(', ')}`,
        chunk.flat(),
      );
    }
  });
  line += ` | bare INSERTs: ${((performance.now() - start) / 1000).toFixed(2)} s, CPU ${(cpuMs(cpu) / 1000).toFixed(2)} s`;
  await bare.close();
  console.log(line);
}
rmSync(dir, { recursive: true, force: true });
