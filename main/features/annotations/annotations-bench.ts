// `npx tsx main/features/annotations/annotations-bench.ts [--items N]`: times the annotation paths at the
// size officers reach (N items, default 20,000, each with its creation in the status history): a bulk tag
// of 5,000 items and its removal (the bulk action's limit, one transaction each, with their history rows),
// tags.list with and without a prefix, the detail's annotations of one item, and the whole-database
// history export to CSV. Seeded by straight SQL inserts into items and status_changes in a fresh database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { chunkRows } from '../../db/database.js';
import { openDatabase } from '../../db/open-database.js';
import { addTags, linkItems, listTags, readAnnotations, removeTags, setNote } from './annotations-repository.js';
import { formatHistoryCsv } from './history-export.js';
import { listHistory } from './history-repository.js';

const { values } = parseArgs({ options: { items: { type: 'string', default: '20000' } } });
const count = Number(values.items);
const dir = mkdtempSync(join(tmpdir(), 'annotations-bench-'));
const db = await openDatabase(join(dir, 'bench.sqlite'));
const actor = { by: 'bench', at: new Date().toISOString() };

async function time<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  console.log(`${label.padEnd(44)} ${(performance.now() - start).toFixed(1).padStart(8)} ms`);
  return result;
}

try {
  await time(`seed ${count} items`, () =>
    db.withTransaction(async (tx) => {
      const ids = Array.from({ length: count }, (_, i) => i + 1);
      for (const chunk of chunkRows(ids, 4)) {
        await tx.run(
          `INSERT INTO items (id, identity_key, content_hash, title, created_at, updated_at) VALUES ${chunk.map(() => "(?, ?, 'h', ?, 'now', 'now')").join(',')}`,
          chunk.flatMap((id) => [id, `k${id}`, `第${id}報 不正アクセスに関するお知らせ`]),
        );
        await tx.run(
          `INSERT INTO status_changes (item_id, from_status, to_status, changed_at, changed_by) VALUES ${chunk.map(() => "(?, NULL, 'new', ?, 'import')").join(',')}`,
          chunk.flatMap((id) => [id, actor.at]),
        );
      }
    }),
  );
  const bulk = Array.from({ length: Math.min(5000, count) }, (_, i) => i + 1);
  await time(`addTags: ${bulk.length} items × 2 tags`, () => db.withTransaction((tx) => addTags(tx, bulk, ['ランサムウェア', '要確認'], actor)));
  await time(`removeTags: ${bulk.length} items × 1 tag`, () => db.withTransaction((tx) => removeTags(tx, bulk, ['要確認'], actor)));
  await time('tags.list (all)', () => listTags(db));
  await time('tags.list (prefix ラン)', () => listTags(db, { prefix: 'ラン' }));
  await setNote(db, 1, '**メモ**', actor);
  await linkItems(db, 1, 2, null, actor);
  await time('detail annotations of one item', () => readAnnotations(db, 1));
  const rows = await time('history of all items (rows read)', () => listHistory(db));
  const csv = await time(`history CSV (${rows.length} rows)`, async () => formatHistoryCsv(rows));
  console.log(`history CSV size ${(Buffer.byteLength(csv) / 1024 / 1024).toFixed(1)} MB`);
  await time('history of one item', () => listHistory(db, { itemId: 1 }));
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
