// One measured phase of `npm run bench:import`, run in its own process so its peak RSS is its own.
//   import  <file> <db>   the real import path (importFiles, the file given by path and streamed)
//   ceiling <file> <db>   the same rows (every column the import writes, and their history rows) inserted in
//                         one bare transaction of 100-row multi-VALUES statements, rows built before the clock
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../db/open-database.js';
import { chunkRows } from '../db/database.js';
import { importFiles } from '../features/import/import-files.js';
import { ParserProcess } from '../workers/parser-process.js';
import { readSnapshot } from '../features/import/read-snapshot.js';
import { prepareItem } from '../features/import/prepare-item.js';

const [phase, file, dbPath] = process.argv.slice(2);
if (!phase || !file || !dbPath) throw new Error('usage: import-bench-phase import|ceiling FILE DB');

const db = await openDatabase(dbPath);
let items: number;
let seconds: number;
let parserPeakRssMb = 0;
if (phase === 'import') {
  const parser = new ParserProcess();
  // The parser process is started before the clock: under tsx its start is about a second of compiling
  // TypeScript, which the built app (a bundled .mjs) does not pay.
  await parser.read('warm-up.csv', Buffer.from('title\nwarm-up\n'));
  const start = performance.now();
  const summary = await importFiles(db, [{ name: basename(file), path: file }], { parser });
  seconds = (performance.now() - start) / 1000;
  parserPeakRssMb = Math.round(parser.peakRssKb / 1024);
  parser.close();
  items = summary.imported;
  if (summary.failed > 0) throw new Error(`bench import failed: ${JSON.stringify(summary.errors.slice(0, 3))}`);
} else {
  // Rows prepared outside the timed part: the ceiling is SQLite's insert speed alone.
  const rows = readSnapshot(basename(file), readFileSync(file)).records.map((record) => {
    const item = prepareItem(record);
    return [
      item.title, item.organization, item.publishedAt, item.publishedAtRaw, item.sourceCategory, item.sourceName,
      item.sourceUrl, item.body, JSON.stringify(item.extra), item.contentHash, item.identityKey,
    ];
  });
  const start = performance.now();
  await db.withTransaction(async (tx) => {
    const at = new Date().toISOString();
    const { lastId: batchId } = await tx.run(
      `INSERT INTO import_batches (file_name, file_size, sha256, format, encoding, started_at, finished_at) VALUES (?, 0, '', 'csv', NULL, ?, ?)`,
      [basename(file), at, at],
    );
    for (const chunk of chunkRows(rows, 14, 1400)) {
      const values = chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?)").join(', ');
      const { lastId } = await tx.run(
        `INSERT INTO items (title, organization, published_at, published_at_raw, source_category, source_name, source_url,
           body, extra_json, content_hash, identity_key, import_batch_id, status, created_at, updated_at) VALUES ${values}`,
        chunk.flatMap((row) => [...row, batchId, at, at]),
      );
      const first = lastId - chunk.length + 1;
      const history = chunk.map(() => "(?, NULL, 'new', ?, 'bench')").join(', ');
      await tx.run(
        `INSERT INTO status_changes (item_id, from_status, to_status, changed_at, changed_by) VALUES ${history}`,
        chunk.flatMap((_, i) => [first + i, at]),
      );
    }
  });
  seconds = (performance.now() - start) / 1000;
  items = rows.length;
}
await db.close();
const mainPeakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
// The import's memory is the app process plus the parser process it starts: the sum of each one's peak
// (getrusage maxrss), an upper bound of what both held at any one moment.
process.stdout.write(`${JSON.stringify({ items, seconds, peakRssMb: mainPeakRssMb + parserPeakRssMb, mainPeakRssMb, parserPeakRssMb })}\n`);
