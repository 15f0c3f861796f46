// Migration 0010 (the sources index) on a database that already holds items at version 9: the items stay,
// the index covers them at once, and a source filter still counts through the covering facets index.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Connection } from '../../db/database.js';
import { loadMigrations, migrate, readUserVersion } from '../../db/migrate.js';
import { makeTempDir } from '../../testing/temp-database.js';
import { listSources } from './sources-repository.js';

const ITEM = `INSERT INTO items (id, identity_key, content_hash, title, source_name, created_at, updated_at) VALUES (?, ?, 'h', ?, ?, 'now', 'now')`;

describe('migration 0010_board-sources', () => {
  it('keeps the items of version 9 and lists their sources from the new index', async () => {
    const migrations = loadMigrations();
    expect(migrations[9]?.name).toBe('board-sources');
    const db = await Connection.open(join(makeTempDir(), 'm10.sqlite'), 'readwrite-create');
    await migrate(db, migrations, 9);
    await db.withTransaction(async (tx) => {
      await tx.run(ITEM, [1, 'k1', '既存の記事', 'cdns']);
      await tx.run(ITEM, [2, 'k2', '続報', 'cdns']);
      await tx.run(ITEM, [3, 'k3', '注意喚起', 'IPA']);
    });
    await migrate(db, migrations, 10);
    expect(await readUserVersion(db)).toBe(10);
    expect(await listSources(db)).toEqual([
      { name: 'cdns', count: 2 },
      { name: 'IPA', count: 1 },
    ]);
    // The index is on an expression the filters never write: a source filter keeps its covering index.
    const plan = (await db.all<{ detail: string }>(
      "EXPLAIN QUERY PLAN SELECT status, count(*) FROM board_items b INDEXED BY board_items_by_status_facets WHERE b.source_name IN ('cdns') GROUP BY status",
    )).map((p) => p.detail).join(' | ');
    expect(plan).toMatch(/COVERING INDEX board_items_by_status_facets/);
    const unhinted = (await db.all<{ detail: string }>("EXPLAIN QUERY PLAN SELECT item_id FROM board_items b WHERE b.source_name = 'cdns'"))
      .map((p) => p.detail)
      .join(' | ');
    expect(unhinted).not.toMatch(/board_items_by_source/);
    await db.close();
  });
});
