// Migration 0009 (notes, tags, links) on a database that already holds an item at version 8: the item stays,
// the new tables arrive empty, the rules the schema enforces by itself hold, deleting an item takes its
// annotations with it, and the tag filter's and the reverse link lookup's queries use their indexes.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Connection } from '../../db/database.js';
import { loadMigrations, migrate, readUserVersion } from '../../db/migrate.js';
import { makeTempDir } from '../../testing/temp-database.js';

const ITEM = `INSERT INTO items (id, identity_key, content_hash, title, created_at, updated_at) VALUES (?, ?, 'h', ?, 'now', 'now')`;

describe('migration 0009_notes-tags-links', () => {
  it('keeps the items of version 8 and adds the annotation tables with their checks and indexes', async () => {
    const migrations = loadMigrations();
    expect(migrations[8]?.name).toBe('notes-tags-links');
    const db = await Connection.open(join(makeTempDir(), 'm9.sqlite'), 'readwrite-create');
    await db.unsafeWriteHandle().exec('PRAGMA foreign_keys = ON'); // as openDatabase sets it
    await migrate(db, migrations, 8);
    await db.withTransaction((tx) => tx.run(ITEM, [7, 'k7', '既存の記事']));
    await migrate(db, migrations, 9);
    expect(await readUserVersion(db)).toBe(9);
    expect(await db.get('SELECT title FROM items WHERE id = 7')).toEqual({ title: '既存の記事' });
    for (const table of ['item_notes', 'item_tags', 'item_links']) expect(await db.get(`SELECT count(*) AS n FROM ${table}`)).toEqual({ n: 0 });

    await db.withTransaction(async (tx) => {
      await tx.run(ITEM, [8, 'k8', '続報']);
      await tx.run("INSERT INTO item_notes (item_id, body, updated_at, updated_by) VALUES (7, 'メモ', 'now', 'me')");
      await tx.run("INSERT INTO item_tags (item_id, tag) VALUES (7, 'ランサムウェア'), (8, 'ランサムウェア')");
      await tx.run("INSERT INTO item_links (item_a, item_b, created_at, created_by) VALUES (7, 8, 'now', 'me')");
    });
    const refused = (sql: string) => expect(db.withTransaction((tx) => tx.run(sql))).rejects.toThrow(/CHECK|UNIQUE|PRIMARY|FOREIGN/);
    await refused("INSERT INTO item_notes (item_id, body, updated_at, updated_by) VALUES (8, '', 'now', 'me')"); // empty note: delete instead
    await refused("INSERT INTO item_tags (item_id, tag) VALUES (7, 'ランサムウェア')"); // once per item
    await refused("INSERT INTO item_tags (item_id, tag) VALUES (7, 'x ')");
    await refused("INSERT INTO item_links (item_a, item_b, created_at, created_by) VALUES (8, 7, 'now', 'me')"); // a < b: one row per pair
    await refused("INSERT INTO item_links (item_a, item_b, created_at, created_by) VALUES (7, 7, 'now', 'me')");
    await refused("INSERT INTO item_tags (item_id, tag) VALUES (99, 'x')");

    // The board's tag filter (EXISTS over tag, item_id) and the reverse side of a link use their indexes.
    const plan = async (sql: string) => (await db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)).map((p) => p.detail).join(' | ');
    expect(await plan("SELECT id FROM items WHERE EXISTS (SELECT 1 FROM item_tags t WHERE t.tag IN ('a', 'b') AND t.item_id = items.id)")).toMatch(
      /item_tags_by_tag|PRIMARY KEY/,
    );
    expect(await plan("SELECT tag, count(*) FROM item_tags WHERE tag >= 'ラ' AND tag < 'ラ' || char(1114111) GROUP BY tag")).toMatch(/SEARCH item_tags USING COVERING INDEX item_tags_by_tag \(tag>\? AND tag<\?\)/);
    expect(await plan('SELECT item_a FROM item_links WHERE item_b = 8')).toMatch(/item_links_by_b/);

    // An item deleted (an undone import) takes its note, tags and links with it.
    await db.withTransaction((tx) => tx.run('DELETE FROM items WHERE id = 8'));
    expect(await db.get('SELECT count(*) AS n FROM item_tags WHERE item_id = 8')).toEqual({ n: 0 });
    expect(await db.get('SELECT count(*) AS n FROM item_links')).toEqual({ n: 0 });
    await db.close();
  });
});
