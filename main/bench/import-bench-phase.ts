// One measured phase of `npm run bench:import`, run in its own process so its peak RSS is its own.
//   import  <file> <db>   the real import path (importFiles)
//   ceiling <file> <db>   the same rows inserted in one bare transaction, 100-row multi-VALUES batches
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../db/open-database.js';
import { chunkRows } from '../db/database.js';
import { importFiles } from '../features/import/import-files.js';
import { ParserProcess } from '../workers/parser-process.js';
import { readSnapshot } from '../features/import/read-snapshot.js';
import { computeContentHash, computeIdentityKey } from '../features/import/item-identity.js';

const [phase, file, dbPath] = process.argv.slice(2);
if (!phase || !file || !dbPath) throw new Error('usage: import-bench-phase import|ceiling FILE DB');

const db = await openDatabase(dbPath);
let items: number;
let seconds: number;
let parserPeakRssMb = 0;
if (phase === 'import') {
  const parser = new ParserProcess();
  const start = performance.now();
  const summary = await importFiles(db, [{ name: basename(file), bytes: readFileSync(file) }], { parser });
  seconds = (performance.now() - start) / 1000;
  parserPeakRssMb = Math.round(parser.peakRssKb / 1024);
  parser.close();
  items = summary.imported;
  if (summary.failed > 0) throw new Error(`bench import failed: ${JSON.stringify(summary.errors.slice(0, 3))}`);
} else {
  // Rows prepared outside the timed part: the ceiling is SQLite's insert speed alone.
  const rows = readSnapshot(basename(file), readFileSync(file)).records.map((r) => [
    computeIdentityKey(r), computeContentHash([r.title, r.body]), r.title, r.organization, r.publishedAt,
    r.sourceCategory, r.sourceUrl, r.body,
  ]);
  const start = performance.now();
  await db.withTransaction(async (tx) => {
    const at = new Date().toISOString();
    for (const chunk of chunkRows(rows, 10, 1000)) {
      const values = chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?)").join(', ');
      const { lastId } = await tx.run(
        `INSERT INTO items (identity_key, content_hash, title, organization, published_at, source_category, source_url, body, status, created_at, updated_at) VALUES ${values}`,
        chunk.flatMap((row) => [...row, at, at]),
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
// The import's memory is the app process plus the parser process it starts.
process.stdout.write(`${JSON.stringify({ items, seconds, peakRssMb: mainPeakRssMb + parserPeakRssMb, mainPeakRssMb, parserPeakRssMb })}\n`);
