// Migration 0011 (続報あり on the board's copy): marked for the threads a version-10 database already
// holds, then kept by triggers as reports join, leave or lose their thread, and as items are deleted.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Connection } from '../../db/database.js';
import { loadMigrations, migrate } from '../../db/migrate.js';
import { makeTempDir } from '../../testing/temp-database.js';

const ITEM = `INSERT INTO items (id, identity_key, content_hash, title, created_at, updated_at) VALUES (?, ?, 'h', ?, 'now', 'now')`;
const FACTS = `INSERT INTO item_facts (item_id, extractor_version, content_hash, extracted_at, facts_json, thread_key)
               VALUES (?, 1, 'h', 'now', '{}', ?)
               ON CONFLICT (item_id) DO UPDATE SET thread_key = excluded.thread_key`;

async function marked(db: Connection): Promise<number[]> {
  return (await db.all<{ item_id: number }>('SELECT item_id FROM board_items WHERE has_follow_ups = 1 ORDER BY item_id')).map((r) => r.item_id);
}

describe('migration 0011_board-follow-ups', () => {
  it('marks existing threads, then follows joins, leaves and deletions', async () => {
    const migrations = loadMigrations();
    expect(migrations[10]?.name).toBe('board-follow-ups');
    const db = await Connection.open(join(makeTempDir(), 'm11.sqlite'), 'readwrite-create');
    await db.unsafeWriteHandle().exec('PRAGMA foreign_keys = ON'); // as openDatabase sets it: deletes cascade
    await migrate(db, migrations, 10);
    await db.withTransaction(async (tx) => {
      for (const id of [1, 2, 3, 4, 5]) await tx.run(ITEM, [id, `k${id}`, `報告${id}`]);
      await tx.run(FACTS, [1, 'org|a']);
      await tx.run(FACTS, [2, 'org|a']);
      await tx.run(FACTS, [3, 'org|b']);
      await tx.run(FACTS, [4, null]);
    });
    await migrate(db, migrations, 11);
    expect(await marked(db)).toEqual([1, 2]);

    await db.withTransaction(async (tx) => {
      await tx.run(FACTS, [5, 'org|b']); // a second report of b arrives
    });
    expect(await marked(db)).toEqual([1, 2, 3, 5]);

    await db.withTransaction(async (tx) => {
      await tx.run(FACTS, [2, 'org|b']); // re-read: 2 belongs to b after all, a is left alone
    });
    expect(await marked(db)).toEqual([2, 3, 5]);

    await db.withTransaction(async (tx) => {
      await tx.run(FACTS, [3, null]); // the thread key is gone
      await tx.run(FACTS, [4, null]); // unchanged upsert: nothing to do
    });
    expect(await marked(db)).toEqual([2, 5]);

    await db.withTransaction(async (tx) => {
      await tx.run('DELETE FROM items WHERE id = 5'); // cascades to item_facts
    });
    expect(await marked(db)).toEqual([]);
    await db.close();
  });
});
